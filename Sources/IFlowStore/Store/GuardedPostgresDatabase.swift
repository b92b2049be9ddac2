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
    /// The statements the driver's connections have prepared, for ``preparedRows(_:)``.
    let statements: PostgresPreparedStatements
    /// Inside ``transaction(_:)``: a session setting changed now would be undone by a rollback.
    var inOwnTransaction = false

    var context: DatabaseContext { base.context }
    /// Whether this database is inside ``transaction(_:)``, so a nested one joins it. Not the driver's flag:
    /// FluentPostgresDriver marks every database its `withConnection` binds as in a transaction (to stop nested
    /// `BEGIN`s), which would make a transaction opened on a held connection skip its `BEGIN` and commit its
    /// statements one by one.
    var inTransaction: Bool { inOwnTransaction }
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
        return withGuardedConnection { held in
            var bound = held
            bound.inOwnTransaction = true
            let database = bound
            return database.run("BEGIN").flatMap {
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
                closure(GuardedPostgresDatabase(base: bound, connection: connection, statements: statements))
            }
        }
    }

    /// The rows of `query`, run as a statement its connection prepared (``PostgresPreparedStatements``): for the reads
    /// every request makes with the same text and other values, which PostgreSQL then neither parses nor plans again.
    ///
    /// On the pool the statement runs on a leased connection; inside `withConnection` or `transaction`, on that one,
    /// one statement at a time as every use of a held connection.
    /// Every message is sent from the connection's event loop right after checking there that it is open, as
    /// ``guarded(_:)`` does, so a closed connection fails at once with ``PostgresConnectionClosed`` instead of hanging.
    /// A text whose execution failed is prepared again on its next use. The values bound must be integers, text,
    /// booleans, dates or their `nil`s; each placeholder is cast to its value's type (``PostgresBind``).
    ///
    /// With `prepare: false` the text runs unnamed, as one beyond the quota does, and its rows are decoded the same way:
    /// for a read made rarely, with texts that vary, that should not take a prepared statement's place.
    func preparedRows(_ query: any SQLExpression, prepare: Bool = true) -> EventLoopFuture<[any SQLRow]> {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let sql: String
        let binds: [PostgresData]
        do {
            let typed = try serializer.binds.map(PostgresBind.data)
            sql = try PostgresBind.typed(serializer.sql, types: typed.map(\.type))
            binds = typed.map(\.data)
        } catch {
            return base.eventLoop.makeFailedFuture(error)
        }
        let statements = self.statements
        return withGuardedConnection { database in
            guard let connection = database.connection else { return database.base.eventLoop.makeFailedFuture(StoreError.notPostgres) }
            let loop = connection.eventLoop
            @Sendable func send<T>(_ work: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
                connection.isClosed ? loop.makeFailedFuture(PostgresConnectionClosed()) : work()
            }
            @Sendable func unnamed() -> EventLoopFuture<[PostgresRow]> {
                send { connection.query(sql, binds).map(\.rows) }
            }
            @Sendable func execute(_ prepared: PreparedQuery) -> EventLoopFuture<[PostgresRow]> {
                send { prepared.execute(binds) }.flatMapError { error in
                    statements.forget(sql, on: connection)
                    let freed = connection.isClosed ? loop.makeSucceededVoidFuture() : prepared.deallocate().recover { _ in }
                    // A schema change since it was prepared ("cached plan must not change result type", 0A000): run
                    // the text once unnamed rather than fail the request; the next run prepares it again.
                    guard error.postgresRefusal?.sqlState == "0A000" else { return freed.flatMapThrowing { throw error } }
                    return freed.flatMap { unnamed() }
                }
            }
            // Outside transactions (a rollback would undo the setting), now and then until it may: whether the
            // session can use generic plans. A check that fails changes nothing; the read that follows reports what is
            // wrong with the connection.
            let checkPlans = prepare && !database.inOwnTransaction && statements.genericPlanCheckDue(on: connection)
            let rows = loop.flatSubmit { () -> EventLoopFuture<Void> in
                guard checkPlans else { return loop.makeSucceededVoidFuture() }
                return send { connection.query(PostgresPreparedStatements.genericPlanCheck) }
                    .map { result in if !result.rows.isEmpty { statements.allowGenericPlans(on: connection) } }
                    .recover { _ in }
            }.flatMap { () -> EventLoopFuture<[PostgresRow]> in
                guard prepare else { return unnamed() }
                switch statements.lookup(sql, on: connection) {
                case .prepared(let prepared):
                    return execute(prepared)
                case .full:
                    return unnamed()
                case .room:
                    return send { connection.prepare(query: sql) }.flatMap { prepared in
                        statements.store(prepared, for: sql, on: connection)
                        return execute(prepared)
                    }
                }
            }
            return rows.map { rows in rows.map { PreparedPostgresRow($0) } }
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
