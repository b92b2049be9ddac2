import Metrics
import Synchronization

/// The handles of the request metrics, made once per endpoint and status.
///
/// The endpoint is the route's fixed path (`/api/api_v2/user/update`, `/admin/employees/{id}`), or `unmatched` for a
/// path or method no route serves, so no request can make a label of its own. After its first request an endpoint
/// costs one lookup under an uncontended lock and two atomic updates per request.
final class RequestMetrics: Sendable {
    static let requestsLabel = "iflow_http_requests_total"
    static let durationLabel = "iflow_http_request_duration_seconds"
    /// The reports' durations again, with buckets for seconds rather than milliseconds.
    static let reportLabel = "iflow_report_duration_seconds"

    struct Handles: Sendable {
        let requests: Counter
        let duration: Timer
        let report: Timer?

        func record(_ elapsed: Duration) {
            duration.record(duration: elapsed)
            report?.record(duration: elapsed)
        }
    }

    private struct Key: Hashable {
        let endpoint: String
        let status: Int
    }

    /// Endpoints that are reports, by route path: the name their durations are labelled with.
    private let reports: [String: String]
    private let table = Mutex<[Key: Handles]>([:])

    init(reports: [String: String]) {
        self.reports = reports
    }

    /// - Parameter routePath: The context's `endpointPath`; Hummingbird's not-found responder calls it `NotFound`.
    func handles(endpoint routePath: String?, status: Int) -> Handles {
        let endpoint = routePath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        return table.withLock { table in
            let key = Key(endpoint: endpoint, status: status)
            if let found = table[key] { return found }
            let made = Handles(
                requests: Counter(label: Self.requestsLabel, dimensions: [("endpoint", endpoint), ("status", String(status))]),
                duration: Timer(label: Self.durationLabel, dimensions: [("endpoint", endpoint)]),
                report: reports[endpoint].map { Timer(label: Self.reportLabel, dimensions: [("report", $0)]) }
            )
            table[key] = made
            return made
        }
    }
}
