import ArgumentParser
import Foundation
import IFlowStore
import Logging

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of an SQLite database while servers keep using it.",
        discussion: """
            The copy holds every write committed before it began (SQLite's VACUUM INTO, one read snapshot; writers are not \
            stopped) and carries the fingerprint of the data keys in its data_keys table, but not the keys: keep the key \
            file with it, apart from it. PATH must not exist. For PostgreSQL use pg_dump (see the README).
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Option(name: .long, help: "Where to write the backup; must not exist yet.") var to: String

    func validate() throws {
        guard !FileManager.default.fileExists(atPath: to) else { throw ValidationError("\(to) already exists; a backup never overwrites a file") }
    }

    func run() async throws {
        switch databaseOptions.location {
        case .postgres:
            printError(
                """
                iflow backup copies SQLite files only. For PostgreSQL: pg_dump --format=custom --file=iflow.dump "$IFLOW_DATABASE" \
                (a consistent snapshot while the servers run), and keep the data key file with it; see the README's Backups.
                """
            )
            throw ExitCode.failure
        case .sqliteMemory:
            throw ValidationError("an in-memory database cannot be backed up")
        case .sqliteFile(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no database at \(path)") }
        }
        var logger = Logger(label: "iflow")
        logger.logLevel = .warning
        // The keys are not needed to copy the file, and none are read: throwaway ones keep them out of this process.
        let store = try Store(location: databaseOptions.location, poolSize: 1, keyring: .generate(), logger: logger)
        let fingerprint = try await store.use { store in
            try await store.backup(to: to)
            return try await store.recordedDataKeys()
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
        printError(
            "backed up \(databaseOptions.location) to \(to) (\(size) bytes); its data keys: "
                + (fingerprint.map { "\($0): keep the key file that matches, apart from the backup" } ?? "none recorded yet")
        )
    }
}
