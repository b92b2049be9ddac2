import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Writes a consistent copy of this SQLite file to `path`, which must not exist yet, while other processes keep
    /// writing to the file.
    ///
    /// `VACUUM INTO` reads one snapshot (a read transaction, which in WAL mode never blocks the writer) and writes it as
    /// a new, compact database, so the copy holds every transaction committed before it began and none after. It goes
    /// to a temporary file beside `path`, is checked with `PRAGMA quick_check`, flushed and then renamed, so `path` is
    /// either a whole backup or absent. The fingerprint of the data keys is inside it, in `data_keys`; the keys are not.
    public func backup(to path: String) async throws {
        guard case .sqliteFile = location else { throw BackupError.notSQLiteFile }
        let temporary = path + ".tmp-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try await sql().raw("VACUUM INTO \(bind: temporary)").run()
        try await Self.checkIntegrity(ofSQLiteFile: temporary, logger: logger)
        try Self.flush(temporary)
        guard link(temporary, path) == 0 else { throw BackupError.targetExists(path) }
        try Self.flush(Self.directory(of: path))
    }

    /// Fails unless `PRAGMA quick_check` finds the SQLite file whole.
    public static func checkIntegrity(ofSQLiteFile path: String, logger: Logger) async throws {
        let store = try Store(location: .sqliteFile(path: path), poolSize: 1, keyring: .generate(), logger: logger)
        try await store.use { store in
            let verdict = try await store.sql().raw("PRAGMA quick_check").first()?.decode(column: "quick_check", as: String.self)
            guard verdict == "ok" else { throw BackupError.damagedFile(path: path, verdict: verdict ?? "no answer") }
        }
    }

    /// Puts the SQLite file `source` (a checked copy of a backup) at `path`, replacing what is there, so that `path` is
    /// always either the old database or the whole new one. The old database's -wal and -shm files are removed first:
    /// SQLite would otherwise replay the old log into the new file.
    public static func install(sqliteFile source: String, at path: String) throws {
        try flush(source)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        guard rename(source, path) == 0 else { throw BackupError.cannotFlush(path) }
        try flush(directory(of: path))
    }

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// `fsync` of a file or directory, so a rename that follows survives power loss with the data it names.
    static func flush(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BackupError.cannotFlush(path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BackupError.cannotFlush(path) }
    }
}
