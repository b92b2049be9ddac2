import Foundation
import Hummingbird
import HummingbirdTesting
import IFlowAPI
import IFlowStore
import IFlowTestSupport
import Logging
import NIOCore
import SQLKit
import Testing

/// The databases the API suite runs on: SQLite in memory and in a file always, PostgreSQL too when
/// `IFLOW_TEST_POSTGRES_URL` names a server.
enum TestBackend: CustomStringConvertible, Sendable {
    case sqlite
    /// A file in a temporary directory: only a file has the read connections beside the writer (WAL).
    case sqliteFile
    case postgres(adminURL: String)

    static var all: [TestBackend] {
        var backends: [TestBackend] = [.sqlite, .sqliteFile]
        if let url = ProcessInfo.processInfo.environment["IFLOW_TEST_POSTGRES_URL"], !url.isEmpty {
            backends.append(.postgres(adminURL: url))
        }
        return backends
    }

    var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .sqliteFile: "sqlite-file"
        case .postgres: "postgres"
        }
    }

    /// A fresh, migrated store: a private in-memory SQLite database, a new SQLite file, or a new PostgreSQL database;
    /// files and databases are removed afterwards.
    func withStore<T>(_ body: (Store) async throws -> T) async throws -> T {
        var logger = Logger(label: "iflow-test")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            let store = try Store(location: .sqliteMemory, keyring: .generate(), logger: logger)
            defer { Task { await store.shutdown() } }
            try await store.migrate()
            return try await body(store)
        case .sqliteFile:
            return try await withTemporarySQLiteFile(keyring: .generate(), logger: logger, body)
        case .postgres(let adminURL):
            return try await withThrowawayPostgres(adminURL: adminURL, keyring: .generate(), logger: logger) { store in
                try await store.migrate()
                return try await body(store)
            }
        }
    }
}

/// Two companies with a key each, so every test can also check that one tenant never sees the other.
struct Fixture: Sendable {
    var backend: TestBackend
    var store: Store
    var companyID: Int
    var key: String
    var otherCompanyID: Int
    var otherKey: String
}

/// Runs `body` against the real router of a freshly built application, once per backend.
func withApp(web: WebOptions = .init(), _ body: @escaping @Sendable (any TestClientProtocol, Fixture) async throws -> Void) async throws {
    for backend in TestBackend.all {
        try await backend.withStore { store in
            // setup
            let company = try await store.createCompany(name: "Acme Producție SRL", timezone: "Europe/Bucharest")
            let other = try await store.createCompany(name: "Other SRL", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: company.id!, label: "payroll", actor: .commandLine)
            let otherKey = try await store.createAPIKey(companyID: other.id!, label: "other", actor: .commandLine)
            let fixture = Fixture(
                backend: backend, store: store, companyID: company.id!, key: key.secret, otherCompanyID: other.id!, otherKey: otherKey.secret
            )
            var logger = Logger(label: "iflow-test")
            logger.logLevel = .warning
            let app = buildApplication(store: store, logger: logger, web: web)
            try await app.test(.router) { client in
                try await body(client, fixture)
            }
        }
    }
}

/// A reply: the HTTP status, the body and the headers; API tests read the body with `decode` (Replies.swift).
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var text: String
    var headers: HTTPFields = [:]
}

enum BodyEncoding: CaseIterable, Sendable {
    case urlencoded
    case multipart
    case json
}

extension TestClientProtocol {
    /// POSTs `fields` to an API path, in the given encoding, and parses the reply.
    func post(_ path: String, _ fields: [String: String], encoding: BodyEncoding = .urlencoded, headers: HTTPFields = [:]) async throws -> Reply {
        var headers = headers
        var buffer = ByteBuffer()
        switch encoding {
        case .urlencoded:
            headers[.contentType] = "application/x-www-form-urlencoded"
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let body = fields.sorted { $0.key < $1.key }
                .map {
                    "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
                }
                .joined(separator: "&")
            buffer.writeString(body)
        case .multipart:
            let boundary = "----iflowtest\(UUID().uuidString)"
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
            }
            buffer.writeString("--\(boundary)--\r\n")
        case .json:
            headers[.contentType] = "application/json"
            buffer.writeBytes(try JSONSerialization.data(withJSONObject: fields))
        }
        return try await send(path, method: .post, headers: headers, body: buffer)
    }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Reply {
        let response = try await executeRequest(uri: path, method: method, headers: headers, body: body)
        let text = String(buffer: response.body)
        return Reply(status: response.status, text: text, headers: response.headers)
    }
}
