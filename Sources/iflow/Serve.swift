import ArgumentParser
import Foundation
import IFlowAPI
import IFlowStore
import Logging

struct Serve: AsyncParsableCommand, AppArguments {
    static let configuration = CommandConfiguration(abstract: "Serve the API (migrating the database first).")

    @Option(name: .long, help: "Address to listen on (env IFLOW_HOST; default 127.0.0.1).")
    var host: String = ProcessInfo.processInfo.environment["IFLOW_HOST"] ?? "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (env IFLOW_PORT; default 8080).")
    var port: Int = ProcessInfo.processInfo.environment["IFLOW_PORT"].flatMap(Int.init) ?? 8080

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (env LOG_LEVEL; default info).")
    var logLevelName: String = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    @OptionGroup var databaseOptions: DatabaseOptions

    var database: DatabaseLocation { databaseOptions.location }
    var poolSize: Int { databaseOptions.resolvedPoolSize }
    var logLevel: Logger.Level { Logger.Level(rawValue: logLevelName) ?? .info }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard Logger.Level(rawValue: logLevelName) != nil else { throw ValidationError("--log-level-name must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        do {
            let app = try await buildApplication(self)
            try await app.runService()
        } catch {
            throw exitReportingDatabaseFailure(error, location: database)
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await databaseOptions.withStore(logLevel: .info) { store in
            printError("database \(store.location) is up to date")
        }
    }
}
