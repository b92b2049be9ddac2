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
    static func servedOperations(_ router: Router<AppRequestContext>, endpoints: [APIEndpoint], terminalPaths: [String]) -> Set<String> {
        let refused = endpoints.flatMap { endpoint in
            apiMountPoints.flatMap { mountPoint in
                APIDispatcher.refusedMethods(of: endpoint).map { "\($0.rawValue) /\(mountPoint)/\(endpoint.path)" }
            }
        }
        let terminalRefused = terminalPaths.flatMap { path in
            TerminalDispatcher.mountPoints.flatMap { mountPoint in TerminalDispatcher.refusedMethods.map { "\($0.rawValue) \(mountPoint)\(path)" } }
        }
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" }).subtracting(refused).subtracting(terminalRefused)
    }

    @Test("every route the server has is in docs/openapi.yaml, and every operation there is served")
    func routesMatch() async throws {
        try await TestBackend.sqlite.withStore { store in
            // setup
            let router = buildRouter(store: store, keyUse: KeyUseRecorder(store: store, logger: Logger(label: "test")))
            // MUT
            // The web administration (/admin, and / that leads there) is HTML for people behind a session cookie, not part
            // of the API contract.
            let served = Self.servedOperations(
                router, endpoints: apiEndpoints(store: store),
                terminalPaths: TerminalController(store: store, calculators: CalculatorCache()).endpoints.map(\.path)
            ).filter { !$0.contains(" /admin") && $0 != "GET /" }
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

    @Test("every documented API action answers every method token it does not document with 405, Allow and the envelope")
    func otherMethods() async throws {
        let operations = Self.documentedOperations(try Self.document())
        let actions = operations.filter { $0.hasPrefix("POST ") }.map { String($0.dropFirst(5)) }
        #expect(actions.count >= 6)
        try await withApp { client, _ in
            for path in actions {
                let allowsGET = operations.contains("GET \(path)")
                let refused = APIDispatcher.refusedMethods.filter { !allowsGET || $0 != .get }
                for method in refused {
                    // MUT
                    let reply = try await client.send(path, method: method)
                    // validation
                    #expect(reply.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(reply.headers[.allow] == (allowsGET ? "GET, POST" : "POST"), "\(method) \(path)")
                    if method != .head { #expect(reply.checks == ["-:method"], "\(method) \(path)") }
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
        // MUT: the two types every check_name the server sends comes from
        let sent = Set(CheckName.allCases.map(\.rawValue)).union(TransportFailure.allCases.map(\.rawValue))
        // validation
        #expect(documented == sent, "only documented: \(documented.subtracting(sent).sorted()); only sent: \(sent.subtracting(documented).sorted())")
    }

    /// The lines of each operation under `paths:`, keyed `METHOD /path`: the method key's block, up to the next key
    /// indented four spaces or less.
    static func operationBlocks(_ yaml: String) -> [String: [Substring]] {
        var blocks: [String: [Substring]] = [:]
        var current: String?
        var inPaths = false
        var path = ""
        for line in yaml.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                current = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /") {
                path = String(line.dropFirst(2).dropLast())
                current = nil
            } else if line.hasPrefix("    "), !line.hasPrefix("     ") {
                current = "\(line.dropFirst(4).prefix { $0 != ":" }.uppercased()) \(path)"
                blocks[current!, default: []] = []
            } else if let current {
                blocks[current, default: []].append(line)
            }
        }
        return blocks
    }

    /// The top-level `components:` block's entries, `kind/Name` → their lines.
    static func components(_ yaml: String) -> [String: [Substring]] {
        var entries: [String: [Substring]] = [:]
        var inComponents = false
        var kind = ""
        var current: String?
        for line in yaml.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inComponents = line == "components:"
                continue
            }
            guard inComponents, !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("   ") {
                kind = String(line.dropFirst(2).dropLast())
                current = nil
            } else if line.hasPrefix("    "), !line.hasPrefix("     ") {
                current = "\(kind)/\(line.dropFirst(4).prefix { $0 != ":" })"
                entries[current!] = []
            } else if let current {
                entries[current, default: []].append(line)
            }
        }
        return entries
    }

    @Test("every API action declares 200, 404, 405, 413, 415, 429 and 500, every GET 404, 405 and 500")
    func declaredReplies() throws {
        // setup
        let operations = Self.operationBlocks(try Self.document())
        #expect(operations.count == Self.documentedOperations(try Self.document()).count)
        for (operation, lines) in operations {
            // MUT
            let codes = Set(lines.filter { $0.hasPrefix("        '") && !$0.hasPrefix("         ") }.map { String($0.dropFirst(9).prefix(3)) })
            // validation
            let expected: Set<String> =
                operation.hasPrefix("POST ") ? ["200", "404", "405", "413", "415", "429", "500"] : ["200", "404", "405", "500"]
            #expect(codes.isSuperset(of: expected), "\(operation) lacks \(expected.subtracting(codes).sorted())")
        }
    }

    @Test("every request body has one media type: urlencoded, multipart for the upload, JSON for a terminal's list of rows")
    func oneBodyPerOperation() throws {
        // setup
        let yaml = try Self.document()
        let bodies = Self.components(yaml).filter { $0.key.hasPrefix("requestBodies/") }
        // Every body the operations name is one of these (and tidyDocument finds every one of these named).
        let named = Set(yaml.split(separator: "'").filter { $0.hasPrefix("#/components/requestBodies/") })
        #expect(bodies.count > 7 && bodies.count == named.count)
        for (name, lines) in bodies {
            // MUT
            let mediaTypes = lines.filter { $0.hasPrefix("        ") && !$0.hasPrefix("         ") && $0.hasSuffix(":") }.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            // validation
            let expected =
                switch name {
                case "requestBodies/ScheduleImport": "multipart/form-data:"
                // A list of objects, which a form carries only as indexed names (described, and accepted too).
                case "requestBodies/RfidStoreAttendances": "application/json:"
                default: "application/x-www-form-urlencoded:"
                }
            #expect(mediaTypes == [expected], "\(name): \(mediaTypes)")
            let description = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let says = name == "requestBodies/ScheduleImport" ? "Only multipart carries a file" : "body with the same fields is accepted too"
            #expect(description.contains(says), "\(name)")
        }
    }

    @Test("every component is referenced, every tag used is declared, every enum value that is no identifier is named")
    func tidyDocument() throws {
        // setup
        let yaml = try Self.document()
        let components = Self.components(yaml)
        // MUT
        let referenced = Set(
            yaml.split(separator: "'").filter { $0.hasPrefix("#/components/") }.map { String($0.dropFirst("#/components/".count)) })
        let declaredTags = Set(yaml.split(separator: "\n").filter { $0.hasPrefix("  - name: ") }.map { String($0.dropFirst(10)) })
        let usedTags = Set(
            yaml.split(separator: "\n").filter { $0.hasPrefix("      tags: [") }.map { String($0.dropFirst(13).dropLast()) })
        // validation
        #expect(components.count > 40)
        let schemes = Set(components.keys.filter { $0.hasPrefix("securitySchemes/") })
        #expect(
            Set(components.keys).subtracting(schemes).subtracting(referenced).isEmpty,
            "unused: \(Set(components.keys).subtracting(schemes).subtracting(referenced).sorted())")
        #expect(referenced.subtracting(components.keys).isEmpty, "missing: \(referenced.subtracting(components.keys).sorted())")
        #expect(usedTags.isSubset(of: declaredTags) && usedTags.contains("audit"), "undeclared: \(usedTags.subtracting(declaredTags).sorted())")
        let lines = yaml.split(separator: "\n")
        var unnamed: [String] = []
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: "enum: [") else { continue }
            let values = line[range.upperBound...].prefix { $0 != "]" }.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            }
            let identifiers = values.allSatisfy { $0.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil }
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            let names = next.drop { $0 == " " }.hasPrefix("x-enum-varnames: [") ? next.split(separator: ",").count : 0
            if !identifiers, names != values.count { unnamed.append(String(line)) }
        }
        #expect(unnamed.isEmpty, "enums without x-enum-varnames: \(unnamed)")
        #expect(yaml.contains("x-enum-varnames: [DEFAULT, OFF, ON]"))
    }

    @Test("offset's pattern takes exactly what the server reads: 0 to 2147483647 without leading zeros")
    func offsetPattern() throws {
        // setup
        let lines = try Self.document().split(separator: "\n")
        let start = try #require(lines.firstIndex(of: "    Offset:"))
        let line = try #require(lines[start...].first { $0.hasPrefix("      pattern: '") })
        let pattern = String(line.dropFirst("      pattern: '".count).dropLast())
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ text: String) -> Bool { regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
        // MUT, validation
        for accepted in ["0", "7", "999999999", "1000000000", "2099999999", "2147483647", "2147483639", "2147482999"] {
            #expect(matches(accepted), "\(accepted)")
            var fields = RequestFields(["offset": accepted])
            #expect(fields.paging(maxLimit: 1000).offset == Int(accepted), "\(accepted)")
        }
        for refused in ["2147483648", "2147483650", "2200000000", "9999999999", "10000000000", "-1", "01", ""] {
            #expect(!matches(refused), "\(refused)")
        }
        var fields = RequestFields(["offset": "2147483648"])
        #expect(fields.paging(maxLimit: 1000).offset == nil)
        #expect(!fields.issues.isEmpty)
    }
}
