import FluentPostgresDriver

extension Store {
    /// What PostgreSQL refused, or why it could not be reached, for an operator's terminal: SQLSTATE, message and
    /// detail, or the connection or TLS failure. `PSQLError` describes itself with a placeholder because its details
    /// can quote stored values, so this must never reach an API client. `nil` for errors that are not PostgreSQL's.
    public static func diagnosis(of error: any Error) -> String? {
        // A prepared read (postgres-nio's older API) reports the server's refusal as a `PostgresError`.
        if case .server(let message) = error as? PostgresError {
            return [message.fields[.sqlState], message.fields[.message], message.fields[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        guard let error = error as? PSQLError else { return nil }
        if let info = error.serverInfo {
            return [info[.sqlState], info[.message], info[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
