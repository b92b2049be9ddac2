import IFlowStore
import Metrics
import Prometheus

/// The process's metrics backend: a Prometheus registry that every swift-metrics handle made after ``bootstrap()``
/// reports to. Without it (no `--metrics-port`) every handle is swift-metrics' no-op.
public enum ServerMetrics {
    /// Makes Prometheus the backend of swift-metrics, with buckets that fit what each histogram measures. Once per
    /// process, before the store and the application are built (their handles are made then).
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[StoreMetrics.batchSizeLabel] = [1, 2, 4, 8, 16, 32, 64, 128]
        let waits: [Duration] = [
            .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5),
        ]
        factory.durationHistogramBuckets[StoreMetrics.batchWaitLabel] = waits
        factory.durationHistogramBuckets[StoreMetrics.connectionWaitLabel] = waits
        factory.durationHistogramBuckets[RequestMetrics.reportLabel] = [
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }
}
