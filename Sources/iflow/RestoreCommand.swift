import ArgumentParser
import Foundation
import IFlowStore
import Logging

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring an SQLite backup back as the database, after checking it and its data keys.",
        discussion: """
            Checks the backup (PRAGMA quick_check) and that the data keys (--data-key-file or IFLOW_DATA_KEY) open it, and \
            only then puts a copy of it at --to, flushed and renamed into place. An existing database is replaced only with \
            --replace, and only with every server using it stopped; its -wal and -shm files go with it.
            """
    )

    @Option(name: .long, help: "The backup file (never written).") var from: String
    @Option(name: .long, help: "The SQLite database file to create.") var to: String
    @Flag(name: .long, help: "Replace an existing database at --to (stop its servers first).") var replace = false
    @Option(name: .long, help: "The backup's data key file (env IFLOW_DATA_KEY_FILE; default iflow.datakey), or IFLOW_DATA_KEY.")
    var dataKeyFile: String?

    func validate() throws {
        guard FileManager.default.fileExists(atPath: from) else { throw ValidationError("no backup at \(from)") }
        guard case .sqliteFile = DatabaseLocation(to) else { throw ValidationError("--to must be an SQLite file path") }
        guard replace || !FileManager.default.fileExists(atPath: to) else { throw ValidationError("\(to) exists; add --replace to replace it") }
    }

    func run() async throws {
        var logger = Logger(label: "iflow")
        logger.logLevel = .warning
        let (keyring, keySource) = try existingDataKeys(file: dataKeyFile, neededFor: "restore the key file that belongs to this backup first")
        // The backup is checked in a private copy, so that nothing (not even SQLite's -shm file) is written beside it.
        let staging = to + ".restore-\(UUID().uuidString.prefix(8))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        }
        try FileManager.default.copyItem(atPath: from, toPath: staging)
        do {
            try await Store.checkIntegrity(ofSQLiteFile: staging, logger: logger)
            try await Store(location: .sqliteFile(path: staging), poolSize: 1, keyring: keyring, logger: logger).use { store in
                _ = try await store.checkDataKeys()
            }
        } catch {
            throw exitReportingDataKeyRefusal(error, keySource: keySource)
        }
        try Store.install(sqliteFile: staging, at: to)
        printError("restored \(from) to \(to); start the servers with the keys in \(keySource)")
    }
}
