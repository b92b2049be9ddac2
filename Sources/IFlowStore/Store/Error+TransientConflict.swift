import FluentPostgresDriver

extension Error {
    /// PostgreSQL rolled the transaction back to break a deadlock (`40P01`) or a serialization failure (`40001`):
    /// nothing of it was written, and the same transaction run again can succeed.
    var isTransientConflict: Bool {
        // A statement run through postgres-nio's older API (a prepared read) reports a `PostgresError` instead.
        var state = (self as? PSQLError)?.serverInfo?[.sqlState]
        if case .server(let message) = self as? PostgresError { state = message.fields[.sqlState] }
        guard let state else { return false }
        return state == "40P01" || state == "40001"
    }
}
