import FluentPostgresDriver
import SQLKit

/// A row of a statement run by ``GuardedPostgresDatabase/preparedRows(_:)``, read cell by cell with postgres-nio's
/// own decoders.
///
/// postgres-nio asks for every result in binary, but the rows of a statement prepared through its `PreparedQuery`
/// carry the row description PostgreSQL gave when describing the statement, which names the text format (postgres-nio
/// 1.33 keeps the unadjusted description there); read as text, every binary cell fails to decode. The cells are
/// therefore marked binary, which is what the server sent: the same holds for rows of unnamed statements, whose
/// description postgres-nio already marks binary.
///
/// Decodes the types the store's reads use: those conforming to `PostgresDecodable` (integers, text, booleans, dates,
/// and their optionals); any other type is a programming error, ``StoreError/unpreparable(column:)``.
struct PreparedPostgresRow: SQLRow {
    private let cells: [PostgresCell]
    private let columns: [String: Int]

    init(_ row: PostgresRow) {
        var cells: [PostgresCell] = []
        var columns: [String: Int] = [:]
        for var cell in PostgresRandomAccessRow(row) {
            cell.format = .binary
            columns[cell.columnName] = cells.count
            cells.append(cell)
        }
        self.cells = cells
        self.columns = columns
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { columns[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        try cell(column).bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let cell = try self.cell(column)
        guard let decodable = type as? any PostgresDecodable.Type, let value = try Self.decode(cell, as: decodable) as? D else {
            throw StoreError.unpreparable(column: column)
        }
        return value
    }

    private func cell(_ column: String) throws -> PostgresCell {
        guard let index = columns[column] else { throw StoreError.unpreparable(column: column) }
        return cells[index]
    }

    private static func decode<T: PostgresDecodable>(_ cell: PostgresCell, as type: T.Type) throws -> Any {
        try cell.decode(type)
    }
}
