import IFlowStore

/// Limits on what one request may cost.
public struct RequestLimits: Sendable {
    /// Bodies of ordinary endpoints.
    public var maxBodyBytes = 1 << 20
    /// Bodies of file uploads: `multipart/form-data` to an endpoint that takes a file (`schedule/import`).
    public var maxUploadBytes = 64 << 20
    public var fields = FormFields.Limits()
    /// Requests per second per API key; off by default here, `iflow serve` sets it.
    public var rate = RateLimiter.Policy.off

    public init() {}
}
