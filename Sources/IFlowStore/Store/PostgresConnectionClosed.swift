import FluentKit
import FluentPostgresDriver

/// The statement was not sent: its connection had been closed by the server.
public struct PostgresConnectionClosed: Error, DatabaseError {
    public var isSyntaxError: Bool { false }
    public var isConstraintFailure: Bool { false }
    public var isConnectionClosed: Bool { true }
}
