/// Why a backup or a restore stopped; neither leaves a partial file under the name asked for.
public enum BackupError: Error, CustomStringConvertible {
    /// Backups are of SQLite files; PostgreSQL has `pg_dump`.
    case notSQLiteFile
    case targetExists(String)
    case damagedFile(path: String, verdict: String)
    case cannotFlush(String)

    public var description: String {
        switch self {
        case .notSQLiteFile: "only an SQLite file can be backed up this way"
        case .targetExists(let path): "\(path) already exists; choose a new name (a backup never overwrites a file)"
        case .damagedFile(let path, let verdict): "\(path) is damaged: PRAGMA quick_check says \(verdict)"
        case .cannotFlush(let path): "cannot flush \(path) to disk"
        }
    }
}
