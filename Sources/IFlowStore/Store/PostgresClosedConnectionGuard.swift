import FluentKit
import FluentPostgresDriver
import Logging
import NIOCore
import SQLKit

/// Keeps statements sent to a PostgreSQL connection that the server has closed from waiting forever.
///
/// postgres-nio 1.33 hands each query to its channel without a write promise. Once the server has closed a connection
/// (a restart, `pg_terminate_backend`, a failover) and NIO has torn the channel's pipeline down, such a write is
/// dropped and the query's future never completes: the request hangs, and the pool never gets the connection back,
/// so after a few of these every request on that event loop waits for the pool until it times out, for good.
/// FluentKit's transactions hit this on every transaction in flight when the server goes away: their `ROLLBACK` goes
/// to the connection that just died. The same happens to the next statement of a transaction whose connection was
/// closed between two statements.
///
/// A statement outside a transaction is safe: the pool checks `isClosed` on the connection's event loop when it hands
/// the connection out, and the write follows on that loop. Statements on a connection held by `withConnection` or
/// `transaction` are sent from wherever the caller runs, so this wrapper sends each of them from the connection's event
/// loop, after checking `isClosed` there, where the check and the write cannot be separated by the teardown; on a
/// closed connection it fails at once with ``PostgresConnectionClosed``. It runs transactions itself so that `BEGIN`,
/// `COMMIT` and `ROLLBACK` are checked the same way (PostgreSQL rolls back a transaction whose connection closed).
struct PostgresClosedConnectionGuard: DatabaseConfiguration {
    var base: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases))
    }

    struct Driver: DatabaseDriver {
        let base: any DatabaseDriver

        func makeDatabase(with context: DatabaseContext) -> any Database {
            GuardedPostgresDatabase(base: base.makeDatabase(with: context), connection: nil)
        }

        func shutdown() {
            base.shutdown()
        }

        func shutdownAsync() async {
            await base.shutdownAsync()
        }
    }
}

/// The statement was not sent: its connection had been closed by the server.
public struct PostgresConnectionClosed: Error, DatabaseError {
    public var isSyntaxError: Bool { false }
    public var isConstraintFailure: Bool { false }
    public var isConnectionClosed: Bool { true }
}

/// A FluentPostgresDriver database whose statements on a held connection go through the closed-connection check.
struct GuardedPostgresDatabase: Database, SQLDatabase {
    /// A FluentPostgresDriver database: also an `SQLDatabase` and a `PostgresDatabase`.
    let base: any Database
    /// The connection this database is bound to, inside `withConnection` and `transaction`; `nil` for the pool.
    let connection: PostgresConnection?

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }
    var dialect: any SQLDialect { PostgresDialect() }
    var version: (any SQLDatabaseReportedVersion)? { (base as? any SQLDatabase)?.version }
    var queryLogLevel: Logger.Level? { (base as? any SQLDatabase)?.queryLogLevel }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        guarded { base.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        guarded { base.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        guarded { base.execute(enum: `enum`) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        guarded {
            do {
                return try base.sqlDatabase().execute(sql: query, onRow)
            } catch {
                return base.eventLoop.makeFailedFuture(error)
            }
        }
    }

    // The base's async path writes from the calling thread; the future path writes from the event loop.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        withGuardedConnection(closure)
    }

    func transaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        return withGuardedConnection { database in
            database.run("BEGIN").flatMap {
                closure(database)
                    .flatMap { result in database.run("COMMIT").map { result } }
                    .flatMapError { error in
                        // The transaction's own error is the one to report, whatever ROLLBACK does.
                        database.run("ROLLBACK").recover { _ in }.flatMapThrowing { throw error }
                    }
            }
        }
    }

    /// `withConnection` typed: the transaction runs its statements on the guarded database it is handed.
    private func withGuardedConnection<T>(_ closure: @escaping @Sendable (GuardedPostgresDatabase) -> EventLoopFuture<T>)
        -> EventLoopFuture<T>
    {
        if connection != nil { return closure(self) }
        return base.withConnection { bound in
            guard let postgres = bound as? any PostgresDatabase else { return bound.eventLoop.makeFailedFuture(StoreError.notPostgres) }
            return postgres.withConnection { connection in
                closure(GuardedPostgresDatabase(base: bound, connection: connection))
            }
        }
    }

    private func run(_ statement: String) -> EventLoopFuture<Void> {
        execute(sql: SQLRaw(statement)) { _ in }
    }

    /// Runs `work` on the bound connection's event loop if the connection is still open; on the pool, runs it as is.
    private func guarded(_ work: @escaping @Sendable () -> EventLoopFuture<Void>) -> EventLoopFuture<Void> {
        guard let connection else { return work() }
        let loop = connection.eventLoop
        return loop.flatSubmit {
            connection.isClosed ? loop.makeFailedFuture(PostgresConnectionClosed()) : work()
        }
    }
}
