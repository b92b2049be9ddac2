import ArgumentParser
import Foundation
import IFlowStore
import Logging

struct RotateDataKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-data-key",
        abstract: "Seal and hash every personal number under new keys.",
        discussion: """
            With a key file: puts a new lookup key and a new data key in front of the old ones in the file, re-seals every \
            CNP, id card and IBAN and re-hashes every CNP and id card lookup under them, a batch of rows per transaction, \
            then removes the old keys from the file. Safe to interrupt: run it again and it finishes the same rotation; \
            until then every other command refuses to start. With IFLOW_DATA_KEY: put a new `lookup:` and a new `data:` \
            entry in front yourself (`openssl rand -base64 32` each), run this, then drop the old entries. Run it with every \
            server stopped, and start them afterwards with the new keys.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Option(name: .long, help: "Employees re-keyed per transaction.") var batchSize = 500

    func validate() throws {
        guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be between 1 and 100000") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let inline = environment["IFLOW_DATA_KEY"].map { !$0.isEmpty } ?? false
        let file = databaseOptions.resolvedDataKeyFile
        guard databaseOptions.location != .sqliteMemory else { throw ValidationError("an in-memory database has no keys to rotate") }
        var keyring = try existingDataKeys(file: databaseOptions.dataKeyFile, neededFor: "there are no keys to rotate").keyring
        let standing = try await databaseOptions.openStore(poolSize: 1, logLevel: .warning, allowUnfinishedRotation: true).use {
            try await $0.checkDataKeys(allowUnfinishedRotation: true)
        }
        if standing == .current {
            guard !inline else {
                printError("IFLOW_DATA_KEY holds only this database's keys: put a new lookup: and data: entry in front of them first")
                throw ExitCode.failure
            }
            if keyring.hasOldKeys {
                // A rotation that finished but stopped before it tidied the file.
                try keyring.droppingOldKeys().write(to: file)
                printError("the last rotation had finished; removed its old keys from \(file)")
                return
            }
            // The new keys are on disk before anything is written with them, and the old ones stay until the end.
            keyring = keyring.addingKeys()
            try keyring.write(to: file)
        }
        var logger = Logger(label: "iflow")
        logger.logLevel = .warning
        let changed: Int
        do {
            changed = try await Store(location: databaseOptions.location, poolSize: 1, keyring: keyring, logger: logger).use { store in
                try await store.rotateDataKeys(batchSize: batchSize) { rows in printError("  \(rows) employees") }
            }
        } catch {
            throw exitReportingDataKeyRefusal(
                exitReportingDatabaseFailure(error, location: databaseOptions.location), keySource: databaseOptions.keySource)
        }
        if !inline { try keyring.droppingOldKeys().write(to: file) }
        printError(
            "re-keyed \(changed) values"
                + (inline ? "; the older entries can now be removed from IFLOW_DATA_KEY" : " and removed the old keys from \(file)")
        )
    }
}
