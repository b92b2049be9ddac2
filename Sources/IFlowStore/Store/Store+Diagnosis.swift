import FluentPostgresDriver

extension Store {
    /// What PostgreSQL refused, or why it could not be reached, for an operator's terminal: SQLSTATE, message and
    /// detail, or the connection or TLS failure. `PSQLError` describes itself with a placeholder because its details
    /// can quote stored values, so this must never reach an API client. `nil` for errors that are not PostgreSQL's.
    public static func diagnosis(of error: any Error) -> String? {
        if let refusal = error.postgresRefusal {
            return [refusal.sqlState, refusal.message, refusal.detail].compactMap { $0 }.joined(separator: " ")
        }
        guard let error = error as? PSQLError else { return nil }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
