import Foundation
import IFlowStore
import Logging
import ServiceLifecycle
import Synchronization

/// Remembers which keys were used and writes `last_used_at` every few seconds, so authenticating a request costs
/// no write. A crash loses at most the last interval's timestamps, never data.
public final class KeyUseRecorder: Service, Sendable {
    private let store: Store
    private let logger: Logger
    private let interval: Duration
    private let pending = Mutex<[Int: Date]>([:])

    public init(store: Store, logger: Logger, interval: Duration = .seconds(5)) {
        self.store = store
        self.logger = logger
        self.interval = interval
    }

    public func recordUse(keyID: Int, at date: Date = Date()) {
        pending.withLock { $0[keyID] = date }
    }

    /// Writes what is pending now.
    public func flush() async {
        let uses = pending.withLock { pending in
            defer { pending = [:] }
            return pending
        }
        guard !uses.isEmpty else { return }
        do {
            try await store.recordKeyUse(uses)
        } catch {
            logger.warning("could not record API key use", metadata: ["error": "\(type(of: error))"])
        }
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            await flush()
        }
        await flush()
    }
}
