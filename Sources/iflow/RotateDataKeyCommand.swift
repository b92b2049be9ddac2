import ArgumentParser
import Foundation
import IFlowStore
import Logging

struct RotateDataKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-data-key",
        abstract: "Seal every personal number under a new data key.",
        discussion: """
            With a key file: adds a new data key to the file, re-seals every CNP, id card and IBAN with it, then removes \
            the old data keys from the file. With IFLOW_DATA_KEY: put a new `data:` entry first yourself, run this to \
            re-seal under it, then drop the old entries. Run it with the servers stopped, and start them afterwards: a \
            running server does not know the new key.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        var logger = Logger(label: "iflow")
        logger.logLevel = .warning
        let environment = ProcessInfo.processInfo.environment
        let inline = environment["IFLOW_DATA_KEY"].map { !$0.isEmpty } ?? false
        let file = databaseOptions.resolvedDataKeyFile
        var keyring = try DataKeyring.load(environment: environment, file: file)
        if !inline {
            keyring = keyring.addingDataKey()
            // The new key is on disk before anything is sealed with it, and the old ones stay until all is re-sealed.
            try keyring.write(to: file)
        }
        let store = try Store(location: databaseOptions.location, poolSize: 1, keyring: keyring, logger: logger)
        do {
            try await store.migrate()
            let changed = try await store.resealPersonalData()
            await store.shutdown()
            if !inline { try keyring.droppingOldDataKeys().write(to: file) }
            printError(
                "re-sealed \(changed) values" + (inline ? "; older data: entries can now be removed from IFLOW_DATA_KEY" : " and updated \(file)"))
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
