import FluentPostgresDriver
import NIOCore
import Synchronization

/// The statements each PostgreSQL connection has prepared for ``GuardedPostgresDatabase/preparedRows(_:)``, by SQL text.
///
/// postgres-nio sends every statement of SQLKit unnamed, so PostgreSQL parses, analyses and plans it anew at each
/// request. A statement prepared once per connection is only planned at each run: the server's connections set
/// `plan_cache_mode=force_custom_plan` (`Store.init`), because a generic plan chosen while a table is still empty or
/// without statistics keeps a wrong index after the table has grown (measured: `user/update`'s employee read at 7 ms
/// instead of 0.1 ms at 12,000 employees, until an ANALYZE). With `pgbench` on 12,000 employees, 2 clients: the
/// employee read 0.46 ms unnamed, 0.36 ms prepared and planned each run (0.13 ms with a generic plan); the API key's
/// lookup 0.22, 0.16 (0.07) ms.
///
/// Each connection prepares at most ``perConnection`` texts, the first it is asked for; later texts run unnamed, so a
/// caller whose SQL varies without bound costs no more than before. A connection is only ever used by one lease at a
/// time, so two requests never prepare on one connection at once; the lock only guards the table itself. Entries of
/// closed connections are dropped whenever a statement is added.
final class PostgresPreparedStatements: Sendable {
    /// Statements prepared per connection at most.
    static let perConnection = 32

    private struct Entry {
        /// Held so that the connection's identity cannot be reused while its statements are listed here.
        let connection: PostgresConnection
        var statements: [String: PreparedQuery]
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
            entries[ObjectIdentifier(connection), default: Entry(connection: connection, statements: [:])].statements[sql] = prepared
        }
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
