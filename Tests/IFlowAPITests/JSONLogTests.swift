import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowAPI
import IFlowStore
import Logging
import Synchronization
import Testing

@Suite("Logs in JSON")
struct JSONLogTests {
    /// The lines a handler wrote.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    @Test("one JSON object per line with the text lines' fields; no CNP, IBAN or API key reaches the log")
    func linesAndMasking() async throws {
        let cnp = "1800101221144"
        let iban = "RO49AAAA1B31007593840000"
        try await TestBackend.sqlite.withStore { store in
            // setup
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
            let written = Lines()
            var logger = Logger(label: "iflow") { JSONLogHandler(label: $0, write: written.append) }
            logger.logLevel = .info
            let app = buildApplication(store: store, logger: logger)
            try await app.test(.router) { client in
                // MUT
                let update = try await client.post(
                    "/api/api_v2/user/update?cnp=\(cnp)",
                    ["api_language": "en_US", "update_by": "cnp", "update_by_value": cnp, "full_name": "Ion \"Popescu\"\n", "bank_account": iban],
                    headers: [.authorization: "Bearer \(key.secret)"]
                )
                #expect(update.status == .ok)
                #expect(update.text.contains(#""action":"created""#), "\(update.text)")
                _ = try await client.send("/api_v2/user/\(cnp)/\(iban)/\(key.secret)", method: .post)
            }
            // validation
            let lines = written.lines.withLock { $0 }
            let requests = try lines.map { line -> [String: Any] in
                #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false, "one object per line")
                return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }.filter { $0["message"] as? String == "request" }
            #expect(requests.count == 2)
            let first = try #require(requests.first)
            #expect(Set(first.keys) == ["timestamp", "level", "label", "source", "message", "metadata"])
            #expect(first["level"] as? String == "info")
            #expect(first["label"] as? String == "iflow")
            #expect(first["source"] as? String == "IFlowAPI")
            let timestamp = try #require(first["timestamp"] as? String)
            #expect(try Date(timestamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) <= Date())
            let metadata = try #require(first["metadata"] as? [String: String])
            #expect(metadata["method"] == "POST")
            #expect(metadata["endpoint"] == "/api/api_v2/user/update")
            #expect(metadata["status"] == "200")
            #expect(metadata["duration_ms"].flatMap(Double.init) != nil)
            #expect(metadata["hb.request.id"] != nil)
            let second = try #require(requests.last?["metadata"] as? [String: String])
            #expect(second["endpoint"] == "/api_v2/user/:value/:value/:value")
            for secret in [cnp, iban, key.secret] {
                #expect(!lines.contains { $0.contains(secret) }, "\(secret) is not logged")
            }
        }
    }

    @Test("strings are escaped as JSON: quotes, backslashes, newlines and control characters")
    func escaping() throws {
        // setup
        let written = Lines()
        let logger = Logger(label: "iflow") { JSONLogHandler(label: $0, write: written.append) }
        // MUT
        logger.info("a \"quoted\"\\ line\nwith\ttabs \u{1} and ț", metadata: ["list": ["x", "y"], "nested": ["k": "v"]])
        // validation
        let line = try #require(written.lines.withLock { $0.first })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "a \"quoted\"\\ line\nwith\ttabs \u{1} and ț")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["list"] as? [String] == ["x", "y"])
        #expect(metadata["nested"] as? [String: String] == ["k": "v"])
    }
}
