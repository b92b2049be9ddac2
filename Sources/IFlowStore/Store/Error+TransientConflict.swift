import FluentPostgresDriver

extension Error {
    /// What PostgreSQL said when it refused a statement: SQLSTATE, message and detail, whichever of postgres-nio's
    /// two error types carries it (`PSQLError`; `PostgresError` from its older API, which prepared reads use);
    /// `nil` for any other error, a failure to connect included.
    var postgresRefusal: (sqlState: String?, message: String?, detail: String?)? {
        if case .server(let message) = self as? PostgresError {
            return (message.fields[.sqlState], message.fields[.message], message.fields[.detail])
        }
        guard let info = (self as? PSQLError)?.serverInfo else { return nil }
        return (info[.sqlState], info[.message], info[.detail])
    }

    /// PostgreSQL rolled the transaction back to break a deadlock (`40P01`) or a serialization failure (`40001`):
    /// nothing of it was written, and the same transaction run again can succeed.
    var isTransientConflict: Bool {
        let state = postgresRefusal?.sqlState
        return state == "40P01" || state == "40001"
    }
}
