import Foundation
import IFlowStore
import Logging
import ServiceLifecycle
import Synchronization

/// Remembers which keys were used and which badge terminals were seen, and writes their `last_used_at` and
/// `last_seen_at` every few seconds, so authenticating a request costs no write. A crash loses at most the last
/// interval's timestamps, never data.
public final class KeyUseRecorder: Service, Sendable {
    private let store: Store
    private let logger: Logger
    private let interval: Duration
    private let pending = Mutex<[Int: Date]>([:])
    private let pendingDevices = Mutex<[Int: Date]>([:])

    public init(store: Store, logger: Logger, interval: Duration = .seconds(5)) {
        self.store = store
        self.logger = logger
        self.interval = interval
    }

    public func recordUse(keyID: Int, at date: Date = Date()) {
        pending.withLock { $0[keyID] = date }
    }

    /// A terminal's request, for its `last_seen_at`.
    public func recordUse(deviceID: Int, at date: Date = Date()) {
        pendingDevices.withLock { $0[deviceID] = date }
    }

    /// Writes what is pending now.
    public func flush() async {
        let uses = pending.withLock { pending in
            defer { pending = [:] }
            return pending
        }
        let deviceUses = pendingDevices.withLock { pending in
            defer { pending = [:] }
            return pending
        }
        if !uses.isEmpty {
            do {
                try await store.recordKeyUse(uses)
            } catch {
                logger.warning("could not record API key use", metadata: ["error": "\(type(of: error))"])
            }
        }
        if !deviceUses.isEmpty {
            do {
                try await store.recordDeviceUse(deviceUses)
            } catch {
                logger.warning("could not record terminal use", metadata: ["error": "\(type(of: error))"])
            }
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
