import ArgumentParser
import Foundation
import IFlowStore
import Logging

/// `--database`, shared by every command; `IFLOW_DATABASE` when the flag is absent, `iflow.sqlite` otherwise.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres:// URL (env IFLOW_DATABASE; default iflow.sqlite).")
    var database: String?

    @Option(name: .long, help: "PostgreSQL connections per event loop (env IFLOW_POOL_SIZE).")
    var poolSize: Int?

    @Option(
        name: .long,
        help:
            "File of the keys that protect personal numbers at rest, created only for a database without sealed data (env IFLOW_DATA_KEY_FILE; default iflow.datakey). IFLOW_DATA_KEY, when set, holds the keys instead."
    )
    var dataKeyFile: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["IFLOW_DATABASE"] ?? DatabaseLocation.defaultPath)
    }

    var resolvedPoolSize: Int {
        poolSize ?? ProcessInfo.processInfo.environment["IFLOW_POOL_SIZE"].flatMap(Int.init) ?? 4
    }

    var resolvedDataKeyFile: String { Self.dataKeyFile(option: dataKeyFile) }

    /// The key file a command uses: its `--data-key-file`, else `IFLOW_DATA_KEY_FILE`, else `iflow.datakey`.
    static func dataKeyFile(option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["IFLOW_DATA_KEY_FILE"] ?? "iflow.datakey"
    }

    /// The keys, for a store that ``openStore(poolSize:logLevel:allowUnfinishedRotation:)`` has already checked (or
    /// throwaway ones for an in-memory database). Never creates a key file.
    func dataKeyring() throws -> DataKeyring {
        if location == .sqliteMemory { return .generate() }
        guard let keyring = try DataKeyring.load(environment: ProcessInfo.processInfo.environment, file: resolvedDataKeyFile) else {
            throw DataKeyRefusal.keysMissing(recorded: nil)
        }
        return keyring
    }

    /// Where the keys come from, as messages name it.
    var keySource: String { dataKeySource(file: resolvedDataKeyFile) }

    func validate() throws {
        if let poolSize, !(1...256).contains(poolSize) { throw ValidationError("--pool-size must be between 1 and 256") }
    }

    /// Opens and migrates the store, runs `body`, and closes the store whatever happens.
    func withStore<T>(logLevel: Logger.Level = .warning, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await openStore(poolSize: resolvedPoolSize, logLevel: logLevel)
        do {
            return try await store.use(body)
        } catch {
            throw exitReportingDatabaseFailure(error, location: location)
        }
    }

    /// What `iflow serve` runs before it builds the server: the keys checked (and, on a database without sealed data
    /// and without keys, made and recorded), the database migrated.
    func checkDataKeys() async throws {
        guard location != .sqliteMemory else { return }
        try await openStore(poolSize: 1, logLevel: .warning).shutdown()
    }

    /// A migrated store whose keys are the database's (``Store/migrateCheckingDataKeys(allowUnfinishedRotation:)``).
    ///
    /// Without a key file (and without `IFLOW_DATA_KEY`) new keys are made only for a database that has none recorded
    /// and no sealed data, and the new file is removed again if another process recorded other keys meanwhile. A
    /// refusal is printed with what to do, and exits with status 1.
    func openStore(poolSize: Int, logLevel: Logger.Level, allowUnfinishedRotation: Bool = false) async throws -> Store {
        var logger = Logger(label: "iflow")
        logger.logLevel = logLevel
        let file = resolvedDataKeyFile
        var created: DataKeyring?
        let keyring: DataKeyring
        do {
            if location == .sqliteMemory {
                keyring = .generate()
            } else if let loaded = try DataKeyring.load(environment: ProcessInfo.processInfo.environment, file: file) {
                keyring = loaded
            } else {
                let fresh = DataKeyring.generate()
                let probe = try Store(location: location, poolSize: 1, keyring: fresh, logger: logger)
                try await probe.use { try await $0.checkNewDataKeysAllowed() }
                try fresh.write(to: file, replacing: false)
                // Another process may have linked its own file first; then its keys are the ones to use.
                keyring = try DataKeyring.load(environment: [:], file: file) ?? fresh
                created = keyring == fresh ? fresh : nil
            }
        } catch {
            throw exitReportingDataKeyRefusal(exitReportingDatabaseFailure(error, location: location), keySource: keySource)
        }
        let store = try Store(location: location, poolSize: poolSize, keyring: keyring, logger: logger)
        do {
            try await store.migrateCheckingDataKeys(allowUnfinishedRotation: allowUnfinishedRotation)
            return store
        } catch {
            await store.shutdown()
            if error is DataKeyRefusal, let created, (try? DataKeyring.load(environment: [:], file: file)) == created {
                try? FileManager.default.removeItem(atPath: file)
            }
            throw exitReportingDataKeyRefusal(exitReportingDatabaseFailure(error, location: location), keySource: keySource)
        }
    }
}

/// Names where a command's keys come from: `IFLOW_DATA_KEY` when set, else the key file's full path.
func dataKeySource(file: String) -> String {
    if let inline = ProcessInfo.processInfo.environment["IFLOW_DATA_KEY"], !inline.isEmpty { return "IFLOW_DATA_KEY" }
    return URL(fileURLWithPath: file).standardizedFileURL.path
}

/// The keys of `IFLOW_DATA_KEY`, else of the key file (`file`, `IFLOW_DATA_KEY_FILE` or `iflow.datakey`), for a command
/// that never makes new ones; without any it exits with status 1, saying why it needs them.
func existingDataKeys(file: String?, neededFor why: String) throws -> (keyring: DataKeyring, source: String) {
    let path = DatabaseOptions.dataKeyFile(option: file)
    let source = dataKeySource(file: path)
    guard let keyring = try DataKeyring.load(environment: ProcessInfo.processInfo.environment, file: path) else {
        printError("no key file at \(source) and IFLOW_DATA_KEY is not set: \(why)")
        throw ExitCode.failure
    }
    return (keyring, source)
}

/// A refusal of the keys is printed with what to do and becomes exit status 1; any other error is returned as is.
func exitReportingDataKeyRefusal(_ error: any Error, keySource: String) -> any Error {
    guard let refusal = error as? DataKeyRefusal else { return error }
    printError(refusal.message(keySource: keySource))
    return ExitCode.failure
}

/// A PostgreSQL failure is printed with its reason (its own description hides it) and becomes exit status 1; any
/// other error is returned as is, for ArgumentParser to print.
func exitReportingDatabaseFailure(_ error: any Error, location: DatabaseLocation) -> any Error {
    guard let diagnosis = Store.diagnosis(of: error) else { return error }
    printError("database \(location): \(diagnosis)")
    return ExitCode.failure
}

/// Writes to standard error, so standard output carries only a command's result.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
