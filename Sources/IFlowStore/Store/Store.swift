import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The storage of one server process: a FluentKit `Databases` with one configured database and its migrations.
///
/// On SQLite every write goes through one connection pinned to one event loop: SQLite has a single writer anyway,
/// and one connection means no `SQLITE_BUSY` between our own transactions. Every write goes through ``write(_:)``,
/// and concurrent writes share its transactions (``GroupCommit``). An SQLite file also gets read connections for
/// ``readSQL(logger:)`` (``SQLiteReadConnections``): WAL lets them read beside the writer. PostgreSQL gets a pool per
/// event loop, and its group commit runs up to ``postgresWriteLanes`` batches at once, each on a pooled connection.
public final class Store: Sendable {
    public let location: DatabaseLocation
    public let logger: Logger
    /// Seals personal numbers at rest and computes their lookup hashes.
    public let protector: DataProtector
    private let databases: Databases
    private let eventLoop: any EventLoop
    private let pinnedEventLoop: Bool
    /// Concurrent writes share a transaction and its commit.
    let groupCommit: GroupCommit
    /// PostgreSQL batches committing at once: while one batch waits for its commit's WAL flush the next runs its
    /// statements, and the pool keeps connections for the reads.
    static let postgresWriteLanes = 2
    /// SQLite only: the thread the writer's statements run on, apart from the reads'.
    private let writerThread: NIOThreadPool?
    /// SQLite files only: the read connections of ``readSQL(logger:)``.
    private let readers: SQLiteReadConnections?

    /// - Parameters:
    ///   - location: SQLite file, in-memory SQLite, or PostgreSQL URL.
    ///   - poolSize: PostgreSQL connections per event loop.
    ///   - poolTimeout: How long a request waits for a free PostgreSQL connection before it fails (the test suites,
    ///     hundreds of tests sharing two cores, wait longer than a server should).
    ///   - keyring: The keys of personal data at rest; the same keys must be used for the life of the database.
    ///   - logger: Where the storage logs; queries are logged at `.trace` only, so personal data never reaches `.info`.
    public init(location: DatabaseLocation, poolSize: Int = 4, poolTimeout: Duration = .seconds(10), keyring: DataKeyring, logger: Logger) throws {
        self.location = location
        self.logger = logger
        self.protector = DataProtector(keyring: keyring)
        let group = MultiThreadedEventLoopGroup.singleton
        // FluentKit's SQLite connections (the one writer) run their statements on a thread of their own: on NIO's
        // shared blocking pool each of the writer's statements queued behind the reads of the requests waiting for
        // it, and every request waits for the writer.
        let writerThread: NIOThreadPool? = location.isPostgres ? nil : NIOThreadPool(numberOfThreads: 1)
        writerThread?.start()
        self.writerThread = writerThread
        let databases = Databases(threadPool: writerThread ?? .singleton, on: group)
        switch location {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .sqlite, isDefault: true)
            pinnedEventLoop = true
            // As many as SQLite's statements can run at once: NIO's blocking pool, which the writer shares.
            readers = SQLiteReadConnections(path: path, limit: NIOSingletons.blockingPoolThreadCountSuggestion, logger: logger)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .sqlite)
            pinnedEventLoop = true
            readers = nil
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            // The reads prepared per connection (`PostgresPreparedStatements`) are planned at every run with its values,
            // as unnamed statements are, until `users` has statistics: a generic plan made while a table is new and
            // empty keeps a wrong index once it has grown (the employee read took 7 ms instead of 0.1 at 12,000
            // employees), until an ANALYZE.
            configuration.coreConfiguration.options.additionalStartupParameters.append(("plan_cache_mode", "force_custom_plan"))
            let postgres = DatabaseConfigurationFactory.postgres(
                configuration: configuration, maxConnectionsPerEventLoop: max(1, poolSize),
                connectionPoolTimeout: .milliseconds(
                    poolTimeout.components.seconds * 1_000 + poolTimeout.components.attoseconds / 1_000_000_000_000_000),
                sqlLogLevel: .trace
            )
            // Without the guard, a transaction in flight when PostgreSQL restarts hangs and leaks its pool slot.
            databases.use(PostgresClosedConnectionGuard(base: postgres.make()), as: .psql)
            pinnedEventLoop = false
            readers = nil
        }
        self.databases = databases
        let eventLoop = group.next()
        self.eventLoop = eventLoop
        if pinnedEventLoop {
            groupCommit = GroupCommit(
                backend: .sqlite { [databases, logger] in
                    guard let database = databases.database(logger: logger, on: eventLoop) else { throw StoreError.shutDown }
                    return database
                })
        } else {
            groupCommit = GroupCommit(
                lanes: min(Self.postgresWriteLanes, max(1, poolSize)),
                backend: .postgres { [databases, logger] in
                    guard let database = databases.database(logger: logger, on: group.any()) else { throw StoreError.shutDown }
                    return database
                })
        }
    }

    /// A database handle for one unit of work.
    public func database(logger: Logger? = nil) throws -> any Database {
        let loop = pinnedEventLoop ? eventLoop : MultiThreadedEventLoopGroup.singleton.any()
        guard let database = databases.database(logger: logger ?? self.logger, on: loop) else { throw StoreError.shutDown }
        return database
    }

    /// The same database as SQLKit, for hand-written queries.
    public func sql(logger: Logger? = nil) throws -> any SQLDatabase {
        try database(logger: logger).sqlDatabase()
    }

    /// SQLKit for a query that only reads and needs no transaction: on an SQLite file it runs on a read connection,
    /// beside the writer, and sees every write that has been committed (so every write a reply has acknowledged).
    public func readSQL(logger: Logger? = nil) throws -> any SQLDatabase {
        guard let readers else { return try sql(logger: logger) }
        return readers.sql(logger: logger ?? self.logger, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// Creates the schema or brings it up to date; safe to call on every start.
    public func migrate() async throws {
        if case .sqliteFile = location {
            // WAL lets readers run beside the writer; synchronous stays at its FULL default so a 200 survives power loss.
            try await sql().raw("PRAGMA journal_mode=WAL").run()
        }
        let migrations = Migrations()
        migrations.add(self.migrations)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .info)
        try await withMigrationLock {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// Migrations that have not run yet, by name.
    public func pendingMigrations() async throws -> [String] {
        let migrations = Migrations()
        migrations.add(self.migrations)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .info)
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    /// `true` when a trivial query succeeds within `timeout`.
    ///
    /// While PostgreSQL is down, a query that finds the pool of its event loop busy waits for a connection until the
    /// pool's own timeout (10 s), and then answers once PostgreSQL is back: a health check must not wait that long.
    /// The query is abandoned, not cancelled; the pool's timeout still ends it.
    public func isReachable(within timeout: Duration = .seconds(2)) async -> Bool {
        // A local file does not go away like a server: no timer, no extra tasks (a load balancer may ask often).
        guard location.isPostgres else { return (try? await readSQL().raw("SELECT 1").all()) != nil }
        return await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let timer = Task {
                try await Task.sleep(for: timeout)
                answer.give(false)
            }
            Task {
                let reachable = (try? await sql().raw("SELECT 1").all()) != nil
                timer.cancel()
                answer.give(reachable)
            }
        }
    }

    /// Runs `body` with this store, then shuts the store down, also when `body` throws.
    public func use<T>(_ body: (Store) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await shutdown()
            return result
        } catch {
            await shutdown()
            throw error
        }
    }

    public func shutdown() async {
        await readers?.close()
        await databases.shutdownAsync()
        try? await writerThread?.shutdownGracefully()
    }
}
