import IFlowStore
import Logging

/// What the application is built from, whether by `iflow serve`, a test or a benchmark.
public protocol AppArguments: Sendable {
    var host: String { get }
    var port: Int { get }
    var database: DatabaseLocation { get }
    var poolSize: Int { get }
    var logLevel: Logger.Level { get }
}

/// Limits on what one request may cost.
public struct RequestLimits: Sendable {
    /// Bodies of ordinary endpoints.
    public var maxBodyBytes = 1 << 20
    /// Bodies of file uploads: `multipart/form-data` to an endpoint that takes a file (`schedule/import`).
    public var maxUploadBytes = 64 << 20
    public var fields = FormFields.Limits()

    public init() {}
}
