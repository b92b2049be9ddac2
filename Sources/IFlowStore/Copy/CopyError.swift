/// Why a copy refused to start or stopped. Nothing is half-copied within a table: each table is one transaction.
public enum CopyError: Error, Equatable, CustomStringConvertible {
    case sourceNotSQLite
    case targetNotPostgres
    /// The source has no `_fluent_migrations` table.
    case notAnIFlowDatabase
    /// The source lacks migrations this binary knows: run `iflow migrate` on it first.
    case sourceNeedsMigration([String])
    /// The source ran migrations this binary does not know: it was written by a newer iflow.
    case sourceIsNewer([String])
    case missingTable(String)
    case missingColumn(table: String, column: String)
    case noPrimaryKey(table: String)
    case foreignKeyCycle([String])
    /// A PostgreSQL column type the copy does not know how to fill from SQLite.
    case unsupportedType(table: String, column: String, type: String)
    /// A stored value that does not fit its target column, e.g. text in an integer column.
    case unconvertible(table: String, column: String, rowid: Int64)
    /// PostgreSQL refused or could not be reached; the server's message, for the operator running the copy.
    case postgres(String)

    public var description: String {
        switch self {
        case .sourceNotSQLite: "the source must be an SQLite file"
        case .targetNotPostgres: "the target must be a postgres:// URL"
        case .notAnIFlowDatabase: "the source is not an iflow database (it has no _fluent_migrations table)"
        case .sourceNeedsMigration(let names):
            "the source lacks migrations \(names.joined(separator: ", ")); run `iflow migrate --database SQLITE_PATH` first"
        case .sourceIsNewer(let names): "the source ran migrations this iflow does not know (\(names.joined(separator: ", "))); use a newer iflow"
        case .missingTable(let table): "the target has no table \(table)"
        case .missingColumn(let table, let column): "the target table \(table) has no column \(column)"
        case .noPrimaryKey(let table): "table \(table) has no primary key, so a second copy could not tell its rows apart"
        case .foreignKeyCycle(let tables): "the foreign keys of \(tables.joined(separator: ", ")) form a cycle"
        case .unsupportedType(let table, let column, let type): "\(table).\(column) has PostgreSQL type \(type), which copy cannot fill"
        case .unconvertible(let table, let column, let rowid): "\(table).\(column) of SQLite rowid \(rowid) does not fit its PostgreSQL column"
        case .postgres(let message): "PostgreSQL: \(message)"
        }
    }
}
