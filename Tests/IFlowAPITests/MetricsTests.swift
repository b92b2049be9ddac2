import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowAPI
import IFlowStore
import Logging
import Prometheus
import Testing

/// swift-metrics has one backend per process: the suite bootstraps Prometheus once, before it builds any store.
enum TestMetrics {
    static let registry = ServerMetrics.bootstrap()

    /// The value of the sample `name{labels}` in a scrape, 0 when it has none yet.
    static func sample(_ scrape: String, _ name: String, _ labels: String = "") -> Double {
        let prefix = labels.isEmpty ? name + " " : name + "{" + labels + "} "
        guard let line = scrape.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return 0 }
        return Double(line.dropFirst(prefix.count)) ?? .nan
    }

    /// `GET /metrics` on the metrics listener.
    static func scrape() async throws -> (status: HTTPResponse.Status, contentType: String?, text: String) {
        let app = buildMetricsApplication(registry: registry, host: "127.0.0.1", port: 0, logger: Logger(label: "iflow-test"))
        return try await app.test(.router) { client in
            let response = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            return (response.status, response.headers[.contentType], String(buffer: response.body))
        }
    }
}

@Suite("Metrics")
struct MetricsTests {
    @Test("the metrics listener's counters move with requests, writes, reports and refused keys; the public listener has no /metrics")
    func countersMove() async throws {
        _ = TestMetrics.registry
        for backend in TestBackend.all {
            try await backend.withStore { store in
                // setup
                let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
                let key = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
                var limits = RequestLimits()
                limits.rate = .init(rate: 0.01, burst: 3)
                let before = try await TestMetrics.scrape().text
                let app = buildApplication(store: store, limits: limits, logger: Logger(label: "iflow-test"))
                try await app.test(.router) { client in
                    // MUT
                    let update = try await client.post(
                        "/api/api_v2/user/update",
                        [
                            "api_key": key.secret, "api_language": "en_US", "update_by": "cnp", "update_by_value": "1800101221144",
                            "full_name": "Ion Popescu",
                        ]
                    )
                    #expect(update.status == .ok)
                    #expect(update.text.contains(#""action":"created""#), "\(update.text)")
                    let report = try await client.post(
                        "/api_v2/user/get_work_schedule",
                        ["api_key": key.secret, "api_language": "en_US", "year": "2026", "month": "1", "totals": "total"]
                    )
                    #expect(report.status == .ok)
                    var statuses: [HTTPResponse.Status] = []
                    for _ in 0..<2 {
                        statuses.append(try await client.post("/api_v2/user/get_list", ["api_key": key.secret, "api_language": "en_US"]).status)
                    }
                    #expect(statuses == [.ok, .tooManyRequests], "a burst of 3, spent by the 3rd request")
                    let missing = try await client.send("/metrics", method: .get)
                    // validation
                    #expect(missing.status == .notFound, "GET /metrics is not served on the public listener")
                }
                let (status, contentType, after) = try await TestMetrics.scrape()
                #expect(status == .ok)
                #expect(contentType?.hasPrefix("text/plain; version=0.0.4") == true)
                func moved(_ name: String, _ labels: String = "", by amount: Double = 1) -> Bool {
                    TestMetrics.sample(after, name, labels) - TestMetrics.sample(before, name, labels) >= amount
                }
                #expect(moved("iflow_http_requests_total", #"endpoint="/api/api_v2/user/update",status="200""#), "\(backend)")
                #expect(moved("iflow_http_requests_total", #"endpoint="/api_v2/user/get_list",status="429""#), "\(backend)")
                #expect(moved("iflow_http_requests_total", #"endpoint="unmatched",status="404""#), "\(backend)")
                #expect(moved("iflow_http_request_duration_seconds_count", #"endpoint="/api/api_v2/user/update""#), "\(backend)")
                #expect(moved("iflow_report_duration_seconds_count", #"report="get_work_schedule""#), "\(backend)")
                #expect(moved("iflow_rate_limited_requests_total"), "\(backend)")
                if case .postgres = backend {
                    #expect(moved("iflow_database_connection_wait_seconds_count", #"pool="postgres""#), "\(backend)")
                } else {
                    #expect(moved("iflow_group_commit_batch_size_count"), "\(backend)")
                    #expect(moved("iflow_group_commit_wait_seconds_count"), "\(backend)")
                    #expect(moved("iflow_database_connection_wait_seconds_count", #"pool="sqlite_writer""#), "\(backend)")
                }
            }
        }
    }
}
