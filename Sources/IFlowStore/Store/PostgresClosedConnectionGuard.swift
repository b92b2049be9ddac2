import FluentKit

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
        Driver(base: base.makeDriver(for: databases), statements: PostgresPreparedStatements())
    }

    struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        /// What the driver's connections have prepared.
        let statements: PostgresPreparedStatements

        func makeDatabase(with context: DatabaseContext) -> any Database {
            GuardedPostgresDatabase(base: base.makeDatabase(with: context), connection: nil, statements: statements)
        }

        func shutdown() {
            base.shutdown()
        }

        func shutdownAsync() async {
            await base.shutdownAsync()
        }
    }
}
