import IFlowStore
import ServiceLifecycle

/// Closes the database when the application stops.
///
/// It is the first service added, so it stops last: after the HTTP server has let its requests in flight finish (each
/// answered only after its write committed, the group commit's batches included) and after the key-use recorder's
/// last flush.
struct StoreService: Service {
    let store: Store

    func run() async throws {
        try? await gracefulShutdown()
        // In a task of its own, which a stop past its timeout does not cancel: cancelled midway, closing would leave
        // SQLite connections open.
        await Task { [store] in await store.shutdown() }.value
        store.logger.info("stopped: the database is closed")
    }
}
