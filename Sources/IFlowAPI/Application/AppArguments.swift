import IFlowStore
import Logging

/// What the application is built from, whether by `iflow serve`, a test or a benchmark.
public protocol AppArguments: Sendable {
    var host: String { get }
    var port: Int { get }
    var database: DatabaseLocation { get }
    var poolSize: Int { get }
    var logLevel: Logger.Level { get }
    /// Requests per second per API key.
    var rateLimit: RateLimiter.Policy { get }
    /// The keys of personal data at rest (see `DataKeyring.load`).
    func dataKeyring() throws -> DataKeyring
    /// Sessions and sign-in limits of the web administration.
    var web: WebOptions { get }
    /// The port of the metrics listener (`GET /metrics`, on `host`); `nil` serves no metrics and records none.
    var metricsPort: Int? { get }
}

extension AppArguments {
    public var web: WebOptions { WebOptions() }
    public var metricsPort: Int? { nil }
}
