import FluentKit
import FluentPostgresDriver
import Logging
import Metrics
import NIOCore
import SQLKit

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
    private func withGuardedConnection<T>(
        _ closure: @escaping @Sendable (GuardedPostgresDatabase) -> EventLoopFuture<T>
    )
        -> EventLoopFuture<T>
    {
        if connection != nil { return closure(self) }
        let asked = ContinuousClock.now
        return base.withConnection { bound in
            StoreMetrics.postgresConnectionWait.record(duration: .now - asked)
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
