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
            var buffer = ByteBuffer()
            JSONValue.object([("status", .string(reachable ? "ok" : "unavailable"))]).write(into: &buffer)
            return Response(
                status: reachable ? .ok : .serviceUnavailable,
                headers: [.contentType: APIReply.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: buffer)
            )
        }
    }
}
