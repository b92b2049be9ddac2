import FluentPostgresDriver

extension Error {
    /// PostgreSQL rolled the transaction back to break a deadlock (`40P01`) or a serialization failure (`40001`):
    /// nothing of it was written, and the same transaction run again can succeed.
    var isTransientConflict: Bool {
        guard let state = (self as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }
}
