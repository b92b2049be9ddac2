import Hummingbird
import IFlowStore
import NIOCore

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
struct HealthController {
    static let path = "/healthz"
    let store: Store

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(stringLiteral: Self.path)) { _, _ in
            let reachable = await store.isReachable()
            var response = try APIReply.json(status: reachable ? .ok : .serviceUnavailable, HealthReply(status: reachable ? "ok" : "unavailable"))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
