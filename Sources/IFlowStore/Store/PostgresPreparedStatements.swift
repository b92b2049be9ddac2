import FluentPostgresDriver
import NIOCore
import Synchronization

/// The statements each PostgreSQL connection has prepared for ``GuardedPostgresDatabase/preparedRows(_:)``, by SQL text.
///
/// postgres-nio sends every statement of SQLKit unnamed, so PostgreSQL parses, analyses and plans it anew at each
/// request. A statement prepared once per connection is at first only planned at each run: the server's connections
/// start with `plan_cache_mode=force_custom_plan` (`Store.init`), because a generic plan chosen while a table is still
/// empty or without statistics keeps a wrong index after the table has grown (measured: `user/update`'s employee read
/// at 7 ms instead of 0.1 ms at 12,000 employees, until an ANALYZE). With `pgbench` on 12,000 employees, 2 clients: the
/// employee read 0.46 ms unnamed, 0.36 ms prepared and planned each run (0.13 ms with a generic plan); the API key's
/// lookup 0.22, 0.16 (0.07) ms.
///
/// A generic plan is right once PostgreSQL knows how large the tables are: then the employee read's equality on all
/// the columns of a unique index estimates one row, and no other index ties with it. So each connection asks, at most
/// every ``genericPlanCheckInterval`` and outside transactions, whether `users` has been analysed with at least
/// ``genericPlanMinimumEmployees`` rows (``genericPlanCheck``); once it has, that session's `plan_cache_mode` becomes
/// `auto` (PostgreSQL's default: a generic plan after five runs when it costs no more than the custom ones) and the
/// connection stops asking. An ANALYZE (autovacuum runs one as the table grows) invalidates the cached plans, which
/// are then made again with the new statistics. The other prepared reads (the API key's and the terminal's lookup)
/// read small tables by a unique key, where any plan is cheap.
///
/// Each connection prepares at most ``perConnection`` texts, the first it is asked for; later texts run unnamed, so a
/// caller whose SQL varies without bound costs no more than before. A connection is only ever used by one lease at a
/// time, so two requests never prepare on one connection at once; the lock only guards the table itself. Entries of
/// closed connections are dropped whenever a statement is added.
final class PostgresPreparedStatements: Sendable {
    /// Statements prepared per connection at most.
    static let perConnection = 32
    /// Analysed rows of `users` from which a session may use generic plans.
    static let genericPlanMinimumEmployees = 1_000
    /// How often a connection still planning every run asks whether it may stop.
    static let genericPlanCheckInterval: Duration = .seconds(10)
    /// Switches the session to `plan_cache_mode=auto` and answers a row when `users` has the statistics a generic plan
    /// needs; answers no row and changes nothing otherwise.
    static let genericPlanCheck = """
        SELECT set_config('plan_cache_mode', 'auto', false) AS mode FROM pg_class \
        WHERE pg_class.oid = to_regclass('users') AND pg_class.reltuples >= \(genericPlanMinimumEmployees) \
        AND EXISTS (SELECT 1 FROM pg_stats WHERE pg_stats.schemaname = current_schema() AND pg_stats.tablename = 'users' \
        AND pg_stats.attname = 'company_id')
        """

    private struct Entry {
        /// Held so that the connection's identity cannot be reused while its statements are listed here.
        let connection: PostgresConnection
        var statements: [String: PreparedQuery] = [:]
        /// The session's `plan_cache_mode` is `auto`.
        var genericPlans = false
        /// When the connection next asks whether it may use generic plans; `nil` until it first asks.
        var nextGenericPlanCheck: ContinuousClock.Instant?
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    /// What a connection has for `sql`.
    enum Lookup {
        /// Prepared: execute it.
        case prepared(PreparedQuery)
        /// Not yet, and there is room: prepare it.
        case room
        /// Not, and the connection has prepared its quota: run the text unnamed.
        case full
    }

    func lookup(_ sql: String, on connection: PostgresConnection) -> Lookup {
        entries.withLock { entries in
            guard let entry = entries[ObjectIdentifier(connection)] else { return .room }
            if let prepared = entry.statements[sql] { return .prepared(prepared) }
            return entry.statements.count < Self.perConnection ? .room : .full
        }
    }

    func store(_ prepared: PreparedQuery, for sql: String, on connection: PostgresConnection) {
        entries.withLock { entries in
            entries = entries.filter { !$0.value.connection.isClosed }
            entries[ObjectIdentifier(connection), default: Entry(connection: connection)].statements[sql] = prepared
        }
    }

    /// Whether `connection` should send ``genericPlanCheck`` now; if so, its next check is due an interval later.
    /// Runs before every prepared read: a listed connection is decided without touching the others' entries.
    func genericPlanCheckDue(on connection: PostgresConnection, at now: ContinuousClock.Instant = .now) -> Bool {
        entries.withLock { entries in
            let key = ObjectIdentifier(connection)
            if let entry = entries[key] {
                if entry.genericPlans { return false }
                if let next = entry.nextGenericPlanCheck, now < next { return false }
                entries[key]?.nextGenericPlanCheck = now + Self.genericPlanCheckInterval
                return true
            }
            entries = entries.filter { !$0.value.connection.isClosed }
            var entry = Entry(connection: connection)
            entry.nextGenericPlanCheck = now + Self.genericPlanCheckInterval
            entries[key] = entry
            return true
        }
    }

    /// Records that `connection`'s session now uses `plan_cache_mode=auto`.
    func allowGenericPlans(on connection: PostgresConnection) {
        entries.withLock { entries in entries[ObjectIdentifier(connection), default: Entry(connection: connection)].genericPlans = true }
    }

    /// Open connections whose sessions may use generic plans, for tests.
    var connectionsWithGenericPlans: Int {
        entries.withLock { entries in entries.values.filter { !$0.connection.isClosed && $0.genericPlans }.count }
    }

    /// Forgets `sql` on `connection`, after its execution failed: it is prepared again on its next use.
    func forget(_ sql: String, on connection: PostgresConnection) {
        entries.withLock { entries in _ = entries[ObjectIdentifier(connection)]?.statements.removeValue(forKey: sql) }
    }

    /// Statements listed for open connections, for tests.
    var count: Int {
        entries.withLock { entries in entries.values.filter { !$0.connection.isClosed }.reduce(0) { $0 + $1.statements.count } }
    }
}
