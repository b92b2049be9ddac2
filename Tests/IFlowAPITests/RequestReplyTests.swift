import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowAPI
import IFlowStore
import Logging
import NIOCore
import Synchronization
import Testing

@Suite("Requests and replies")
struct RequestReplyTests {
    @Test("api_key: missing is required, unknown and revoked are valid_api_key, Bearer works")
    func apiKey() async throws {
        try await withApp { client, f in
            let missing = try await client.post("/api_v2/user/get_list", ["api_language": "en_US"])
            #expect(missing.checks == ["api_key:required"])
            let unknown = try await client.post(
                "/api_v2/user/get_list", ["api_language": "ro_RO", "api_key": "ifk_" + String(repeating: "A", count: 43)])
            #expect(unknown.checks == ["api_key:valid_api_key"])
            #expect(unknown.errors.first?.message == "api_key lipsește, nu este valid sau a fost revocat")
            let bearer = try await client.post("/api_v2/user/get_list", ["api_language": "en_US"], headers: [.authorization: "Bearer \(f.key)"])
            #expect(try bearer.decode(UserListReplyMirror.self).total == "0")

            // MUT
            let keys = try await f.store.apiKeys(companyID: f.companyID)
            try await f.store.revokeAPIKey(id: try #require(keys.first?.id), actor: .commandLine)
            // validation
            let revoked = try await client.post("/api_v2/user/get_list", ["api_language": "en_US", "api_key": f.key])
            #expect(revoked.checks == ["api_key:valid_api_key"])
        }
    }

    @Test("api_language: required and in_list, reported in English; US means en_US")
    func language() async throws {
        try await withApp { client, f in
            let missing = try await client.post("/api_v2/user/get_list", ["api_key": f.key])
            #expect(missing.checks == ["api_language:required"])
            #expect(missing.errors.first?.message == "api_language is required")
            let wrong = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "fr_FR"])
            #expect(wrong.checks == ["api_language:in_list"])
            let us = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "US"])
            #expect(try us.decode(UserListReplyMirror.self).total == "0")
            let both = try await client.post("/api_v2/user/get_list", [:])
            #expect(both.checks == ["api_language:required", "api_key:required"])
        }
    }

    @Test("unknown endpoints are 404, other methods 405, both with the JSON envelope; the /api_v2 alias works")
    func routing() async throws {
        try await withApp { client, f in
            let unknown = try await client.post("/api/api_v2/user/delete_everything", ["api_key": f.key, "api_language": "en_US"])
            #expect(unknown.status == .notFound)
            #expect(unknown.errors.first?.check == "endpoint")
            let outside = try await client.send("/wp-admin", method: .get)
            #expect(outside.status == .notFound)
            #expect(outside.errors.count == 1)
            let get = try await client.send("/api/api_v2/user/update", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.errors.first?.check == "method")
            for path in ["/healthz", "/api/openapi.yaml"] {
                for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                    let refused = try await client.send(path, method: method)
                    #expect(refused.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(refused.headers[.allow] == "GET")
                    #expect(refused.errors.map(\.check) == ["method"])
                    #expect(refused.errors.first?.message == "Use GET for this endpoint")
                }
            }
            #expect(try await client.send("/healthz/more", method: .post).status == .notFound)
            let alias = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"])
            #expect(alias.status == .ok)
        }
    }

    @Test("malformed bodies are a valid_body error; oversized bodies 413 with the envelope")
    func hostileBodies() async throws {
        try await withApp { client, f in
            let json = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"api_key\": [1,2]")
            )
            #expect(json.checks == ["body:valid_body"])
            let percent = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "api_key=%ZZ")
            )
            #expect(percent.checks == ["body:valid_body"])
            let utf8 = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "full_name=%C3%28")
            )
            #expect(utf8.checks == ["body:valid_body"])
            let noBoundary = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "multipart/form-data"], body: ByteBuffer(string: "x")
            )
            #expect(noBoundary.checks == ["body:valid_body"])
            let truncated = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "multipart/form-data; boundary=XyZ"],
                body: ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\nabc")
            )
            #expect(truncated.checks == ["body:valid_body"])
            let huge = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "full_name=" + String(repeating: "a", count: 2 << 20))
            )
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errors.first?.check == "too_large")
            let manyFields = (0..<500).map { "f\($0)=1" }.joined(separator: "&")
            let many = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: manyFields)
            )
            #expect(many.checks == ["body:valid_body"])
            _ = f
        }
    }

    @Test("GET /healthz answers 200 with JSON while the database is reachable")
    func health() async throws {
        try await withApp { client, _ in
            let reply = try await client.send("/healthz", method: .get)
            #expect(reply.status == .ok)
            #expect(try reply.decodeBody(HealthMirror.self).status == "ok")
        }
    }

    @Test("/healthz answers 503 once the database is gone, and API requests get a 500 envelope")
    func healthWhenDatabaseGone() async throws {
        try await TestBackend.sqlite.withStore { store in
            let company = try await store.createCompany(name: "X", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
            let app = buildApplication(store: store, logger: Logger(label: "test"))
            try await app.test(.router) { client in
                await store.shutdown()
                let health = try await client.send("/healthz", method: .get)
                #expect(health.status == .serviceUnavailable)
                #expect(try health.decodeBody(HealthMirror.self).status == "unavailable")
                let api = try await client.post("/api_v2/user/get_list", ["api_key": key.secret, "api_language": "en_US"])
                #expect(api.status == .internalServerError)
                #expect(api.errors.first?.check == "server")
                #expect(!api.text.contains("StoreError"))
            }
        }
    }

    @Test("logs carry request id, endpoint, status and duration, never a key, CNP, id card or IBAN")
    func logsRedact() async throws {
        let sink = LogSink()
        try await TestBackend.sqlite.withStore { store in
            let company = try await store.createCompany(name: "X", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
            var logger = Logger(label: "test") { _ in CapturingLogHandler(sink: sink) }
            logger.logLevel = .trace
            let app = buildApplication(store: store, logger: logger)
            try await app.test(.router) { client in
                let fields = [
                    "api_key": key.secret, "api_language": "en_US", "update_by": "cnp", "update_by_value": "1800101221144", "full_name": "X",
                    "id_card": "ZZ987654", "bank_account": "RO49AAAA1B31007593840000",
                ]
                _ = try await client.post("/api_v2/user/update", fields)
                _ = try await client.post("/api_v2/user/update?api_key=\(key.secret)", fields.merging(["cnp": "bad"]) { _, b in b })
                _ = try await client.send("/api_v2/user/1800101221144/\(key.secret)", method: .get)
            }
            let lines = sink.lines
            let requestLines = lines.filter { $0.contains("endpoint=/api_v2/user/update") }
            #expect(requestLines.count == 2)
            #expect(requestLines.allSatisfy { $0.contains("hb.request.id=") && $0.contains("status=200") && $0.contains("duration_ms=") })
            #expect(lines.contains { $0.contains("endpoint=/api_v2/user/:value/:value") && $0.contains("status=404") })
            for secret in [key.secret, "1800101221144", "ZZ987654", "RO49AAAA1B31007593840000"] {
                #expect(!lines.contains { $0.contains(secret) }, "a log line contains \(secret.prefix(4))…")
            }
        }
    }
}

final class LogSink: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let sink: LogSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        sink.append("\(event.level) \(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }
}
