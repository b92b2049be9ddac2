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

    @Option(name: .long, help: "Requests per second per API key, bursts of twice that; 0 turns the limit off (env IFLOW_RATE_LIMIT; default 100).")
    var rateLimitPerSecond: Double = ProcessInfo.processInfo.environment["IFLOW_RATE_LIMIT"].flatMap(Double.init) ?? 100

    @Option(
        name: .long,
        help: "Seconds a stop (SIGTERM, SIGINT) waits for requests in flight and pending writes (env IFLOW_SHUTDOWN_TIMEOUT; default 10)."
    )
    var shutdownTimeout: Double = ProcessInfo.processInfo.environment["IFLOW_SHUTDOWN_TIMEOUT"].flatMap(Double.init) ?? 10

    @Option(
        name: .customLong("metrics-port"),
        help: "Serve GET /metrics (Prometheus) on this port of --host, apart from the API (env IFLOW_METRICS_PORT; default off)."
    )
    var metricsPortOption: Int?

    @Option(name: .long, help: "text or json: one JSON object per line, for log shippers (env IFLOW_LOG_FORMAT; default text).")
    var logFormat: String = ProcessInfo.processInfo.environment["IFLOW_LOG_FORMAT"] ?? "text"

    @Flag(name: .long, help: "On first start (no company yet), create the demo company and print its API key.")
    var demo = false

    @Option(name: .long, help: "Employees of the demo company.")
    var demoEmployees = 40

    @Flag(
        name: .long,
        help:
            "Mark the web administration's cookies Secure on every response (env IFLOW_SECURE_COOKIES=1). Without it they are Secure only behind a proxy that sends X-Forwarded-Proto: https."
    )
    var secureCookies = false

    @OptionGroup var databaseOptions: DatabaseOptions

    var web: WebOptions {
        var options = WebOptions()
        options.alwaysSecureCookies = secureCookies || ProcessInfo.processInfo.environment["IFLOW_SECURE_COOKIES"] == "1"
        return options
    }

    var database: DatabaseLocation { databaseOptions.location }
    var poolSize: Int { databaseOptions.resolvedPoolSize }
    var logLevel: Logger.Level { Logger.Level(rawValue: logLevelName) ?? .info }
    func dataKeyring() throws -> DataKeyring { try databaseOptions.dataKeyring() }
    var rateLimit: RateLimiter.Policy { RateLimiter.Policy(rate: rateLimitPerSecond) }
    var metricsPort: Int? { metricsPortOption ?? ProcessInfo.processInfo.environment["IFLOW_METRICS_PORT"].flatMap(Int.init) }

    func validate() throws {
        guard rateLimitPerSecond >= 0, rateLimitPerSecond.isFinite else { throw ValidationError("--rate-limit-per-second must be 0 or more") }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if metricsPortOption == nil, let raw = ProcessInfo.processInfo.environment["IFLOW_METRICS_PORT"], Int(raw) == nil {
            throw ValidationError("IFLOW_METRICS_PORT must be a port number")
        }
        if let metricsPort {
            guard (1...65535).contains(metricsPort), metricsPort != port else {
                throw ValidationError("--metrics-port must be between 1 and 65535 and differ from --port")
            }
        }
        guard shutdownTimeout > 0, shutdownTimeout <= 3600 else {
            throw ValidationError("--shutdown-timeout must be more than 0 and at most 3600 seconds")
        }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format must be text or json") }
        guard Logger.Level(rawValue: logLevelName) != nil else {
            throw ValidationError("--log-level-name must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        FreedMemory.limitArenas()
        if logFormat == "json" { LoggingSystem.bootstrap { JSONLogHandler(label: $0) } }
        try await databaseOptions.checkDataKeys()
        if demo {
            try await databaseOptions.withStore { store in
                guard try await store.companies().isEmpty else {
                    printError("demo: the database already has a company; use `iflow key create` for a new key")
                    return
                }
                let created = try await store.createDemoCompany(
                    employees: demoEmployees, today: .today(in: TimeZone(identifier: "Europe/Bucharest")!)
                )
                DemoCommand.printWelcome(created, baseURL: "http://\(host):\(port)")
            }
        }
        do {
            let app = try await buildApplication(self)
            try await app.runService(shutdownTimeout: .milliseconds(Int(shutdownTimeout * 1000)))
        } catch {
            throw exitReportingDatabaseFailure(error, location: database)
        }
    }
}
