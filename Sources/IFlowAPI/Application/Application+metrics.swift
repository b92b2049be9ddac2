import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The metrics listener: `GET /metrics` in Prometheus' text format, on an address of its own so that it is never
/// served on the public listener.
public func buildMetricsApplication(registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    let router = Router()
    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }
    return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "iflow-metrics"), logger: logger)
}
