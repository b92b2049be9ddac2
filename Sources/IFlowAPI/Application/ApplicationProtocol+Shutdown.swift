import Hummingbird
import ServiceLifecycle

extension ApplicationProtocol {
    /// Runs the server until SIGTERM or SIGINT, then stops it gracefully: the listener closes, requests in flight
    /// finish and get their whole reply, and the services stop after the server in reverse order (the key-use
    /// recorder flushes, then the store closes, so every write a reply acknowledged has committed).
    ///
    /// - Parameter shutdownTimeout: How long the stop may take; after it, whatever is still running is cancelled, and
    ///   a request cancelled then was never acknowledged.
    public func runService(shutdownTimeout: Duration) async throws {
        var configuration = ServiceGroupConfiguration(services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        try await ServiceGroup(configuration: configuration).run()
    }
}
