import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Logging
import Testing

@testable import IFlowAPI

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let documentPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.yaml").path

    static func document() throws -> String {
        try String(contentsOfFile: documentPath, encoding: .utf8)
    }

    /// The operations of the document as `METHOD /path`, read line by line: under the top-level `paths:` key, a path
    /// is a key indented two spaces and starting with `/`, its operations keys indented four spaces.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty, !line.hasPrefix("#") {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if methods.contains(String(key)) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }

    /// What the server answers, from its router's routes: every route with its method, less the API actions' other
    /// methods, which are registered only to answer 405.
    static func servedOperations(_ router: Router<AppRequestContext>) -> Set<String> {
        var operations: Set<String> = []
        for route in router.routes {
            let path = route.path.description
            let isAPIAction = apiMountPoints.contains { path.hasPrefix("/\($0)/") }
            if isAPIAction, APIDispatcher.refusedMethods.contains(route.method) { continue }
            operations.insert("\(route.method.rawValue) \(path)")
        }
        return operations
    }

    @Test("every route the server has is in docs/openapi.yaml, and every operation there is served")
    func routesMatch() async throws {
        try await TestBackend.sqlite.withStore { store in
            // setup
            let router = buildRouter(store: store, keyUse: KeyUseRecorder(store: store, logger: Logger(label: "test")))
            // MUT
            // The web administration (/admin) is HTML for people behind a session cookie, not part of the API contract.
            let served = Self.servedOperations(router).filter { !$0.contains(" /admin") }
            let documented = Self.documentedOperations(try Self.document())
            // validation
            #expect(served.filter { $0.hasPrefix("POST /api/api_v2/") }.count >= 6)
            #expect(served.contains("POST /api/api_v2/user/update"))
            #expect(served.contains("POST /api_v2/user/update"))
            #expect(served.contains("GET /healthz"))
            #expect(served.contains("GET /api/openapi.yaml"))
            #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        }
    }

    @Test("every documented API action answers any other method than POST with 405 and Allow: POST")
    func otherMethods() async throws {
        let actions = Self.documentedOperations(try Self.document()).filter { $0.hasPrefix("POST ") }.map { String($0.dropFirst(5)) }
        try await withApp { client, _ in
            for path in actions {
                for method in [HTTPRequest.Method.get, .head, .put, .patch, .delete, .options, .trace] {
                    // MUT
                    let response = try await client.executeRequest(uri: path, method: method, headers: [:], body: nil)
                    // validation
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == "POST", "\(method) \(path)")
                }
            }
        }
    }

    @Test("GET /api/openapi.yaml serves docs/openapi.yaml byte for byte as application/yaml")
    func servesDocument() async throws {
        try await withApp { client, _ in
            // MUT
            let response = try await client.executeRequest(uri: "/api/openapi.yaml", method: .get, headers: [:], body: nil)
            // validation
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(String(buffer: response.body) == (try Self.document()))
        }
    }

    @Test("the document's check_name vocabulary is exactly what the server sends")
    func checkNames() throws {
        // setup
        let yaml = try Self.document()
        let lines = yaml.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "    CheckName:"))
        let enumLine = try #require(lines[start...].first { $0.hasPrefix("      enum: [") })
        let documented = Set(
            enumLine.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        // MUT
        var sent = Set(CheckName.allCases.map(\.rawValue))
        for status in [HTTPResponse.Status.notFound, .methodNotAllowed, .contentTooLarge, .internalServerError, .badRequest] {
            sent.insert(ErrorEnvelopeMiddleware<AppRequestContext>.describe(status).check)
        }
        // validation
        #expect(documented == sent, "only documented: \(documented.subtracting(sent).sorted()); only sent: \(sent.subtracting(documented).sorted())")
    }
}
