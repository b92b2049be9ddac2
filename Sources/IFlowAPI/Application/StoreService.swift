import IFlowStore
import ServiceLifecycle

/// Closes the database when the application stops.
struct StoreService: Service {
    let store: Store

    func run() async throws {
        try? await gracefulShutdown()
        await store.shutdown()
    }
}
