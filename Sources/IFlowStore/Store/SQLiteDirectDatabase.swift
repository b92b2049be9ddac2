import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit over `SQLiteConnection`'s async `query`: a statement runs on SQLite's thread, hands its rows over there, and
/// returns straight to the calling task.
///
/// FluentKit's SQLite database goes through the futures API instead: the connection pool's event loop, then one
/// event-loop task per row, then back to the task; two more thread hops per statement, which on `user/update` cost
/// more CPU than SQLite's own work. Used for the read connections and for the statements of a group commit.
struct SQLiteDirectDatabase: SQLDatabase {
    enum Connections: Sendable {
        /// Each statement borrows a read connection.
        case borrowed(SQLiteReadConnections)
        /// A connection the caller holds, e.g. the writer's in a group commit.
        case held(SQLiteConnection)
    }

    let connections: Connections
    let logger: Logger
    let eventLoop: any EventLoop
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        // Statements only, never their values: binds can be personal numbers.
        logger.trace("Executing query", metadata: ["sql": .string(sql)])
        let data = try binds.map { try Self.encoder.encode($0) }
        switch connections {
        case .held(let connection):
            try await connection.query(sql, data) { row in onRow(Row(row: row)) }
        case .borrowed(let readers):
            try await readers.withConnection { connection in
                try await connection.query(sql, data) { row in onRow(Row(row: row)) }
            }
        }
    }

    // Made once: each holds a JSON coder, which costs more to make than most statements take to run.
    private static let encoder = SQLiteDataEncoder()
    private static let decoder = SQLiteDataDecoder()

    /// An `SQLiteRow` as SQLKit's `SQLRow`, decoding the column types of our queries (text, integers, booleans and
    /// their optionals) straight from SQLite's values; anything else goes through SQLiteKit's decoder as usual.
    private struct Row: SQLRow {
        let row: SQLiteRow

        struct MissingColumn: Error {
            var column: String
        }

        var allColumns: [String] { row.columns.map(\.name) }

        func contains(column: String) -> Bool {
            row.column(column) != nil
        }

        func decodeNil(column: String) throws -> Bool {
            row.column(column)?.isNull ?? true
        }

        func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
            guard let data = row.column(column) else { throw MissingColumn(column: column) }
            if let value = Self.value(of: data, as: type) { return value }
            return try SQLiteDirectDatabase.decoder.decode(D.self, from: data)
        }

        /// The column types our queries read, by type; made once, because naming `String?` in a generic function
        /// instantiates its metadata on every call, which cost a report more than SQLite's work for the same rows.
        private enum Plain {
            case string, optionalString, int, optionalInt, int64, optionalInt64, bool, optionalBool

            static let byType: [ObjectIdentifier: Plain] = [
                ObjectIdentifier(String.self): .string, ObjectIdentifier(String?.self): .optionalString,
                ObjectIdentifier(Int.self): .int, ObjectIdentifier(Int?.self): .optionalInt,
                ObjectIdentifier(Int64.self): .int64, ObjectIdentifier(Int64?.self): .optionalInt64,
                ObjectIdentifier(Bool.self): .bool, ObjectIdentifier(Bool?.self): .optionalBool,
            ]
        }

        /// `nil` when `data` is not plainly a `D`: the caller then leaves it to SQLiteKit's decoder.
        ///
        /// Each `unsafeBitCast` converts a value to the very type `D` was just found to be.
        private static func value<D>(of data: SQLiteData, as type: D.Type) -> D? {
            guard let plain = Plain.byType[ObjectIdentifier(D.self)] else { return nil }
            switch (data, plain) {
            case (.text(let text), .string): return unsafeBitCast(text, to: D.self)
            case (.text(let text), .optionalString): return unsafeBitCast(String?.some(text), to: D.self)
            case (.integer(let number), .int): return unsafeBitCast(Int(number), to: D.self)
            case (.integer(let number), .optionalInt): return unsafeBitCast(Int?.some(Int(number)), to: D.self)
            case (.integer(let number), .int64): return unsafeBitCast(Int64(number), to: D.self)
            case (.integer(let number), .optionalInt64): return unsafeBitCast(Int64?.some(Int64(number)), to: D.self)
            case (.integer(let number), .bool) where number == 0 || number == 1: return unsafeBitCast(number == 1, to: D.self)
            case (.integer(let number), .optionalBool) where number == 0 || number == 1: return unsafeBitCast(Bool?.some(number == 1), to: D.self)
            case (.null, .optionalString): return unsafeBitCast(String?.none, to: D.self)
            case (.null, .optionalInt): return unsafeBitCast(Int?.none, to: D.self)
            case (.null, .optionalInt64): return unsafeBitCast(Int64?.none, to: D.self)
            case (.null, .optionalBool): return unsafeBitCast(Bool?.none, to: D.self)
            default:
                return nil
            }
        }
    }
}
