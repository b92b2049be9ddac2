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
            "File of the keys that protect personal numbers at rest, created on first use (env IFLOW_DATA_KEY_FILE; default iflow.datakey). IFLOW_DATA_KEY, when set, holds the keys instead."
    )
    var dataKeyFile: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["IFLOW_DATABASE"] ?? DatabaseLocation.defaultPath)
    }

    var resolvedPoolSize: Int {
        poolSize ?? ProcessInfo.processInfo.environment["IFLOW_POOL_SIZE"].flatMap(Int.init) ?? 4
    }

    var resolvedDataKeyFile: String {
        dataKeyFile ?? ProcessInfo.processInfo.environment["IFLOW_DATA_KEY_FILE"] ?? "iflow.datakey"
    }

    /// The keyring: an in-memory database gets throwaway keys; anything else the persistent ones.
    func dataKeyring() throws -> DataKeyring {
        if location == .sqliteMemory { return .generate() }
        return try DataKeyring.load(environment: ProcessInfo.processInfo.environment, file: resolvedDataKeyFile)
    }

    func validate() throws {
        if let poolSize, !(1...256).contains(poolSize) { throw ValidationError("--pool-size must be between 1 and 256") }
    }

    /// Opens and migrates the store, runs `body`, and closes the store whatever happens.
    func withStore<T>(logLevel: Logger.Level = .warning, _ body: (Store) async throws -> T) async throws -> T {
        var logger = Logger(label: "iflow")
        logger.logLevel = logLevel
        let store = try Store(location: location, poolSize: resolvedPoolSize, keyring: dataKeyring(), logger: logger)
        do {
            return try await store.use { store in
                try await store.migrate()
                return try await body(store)
            }
        } catch {
            throw exitReportingDatabaseFailure(error, location: location)
        }
    }
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
