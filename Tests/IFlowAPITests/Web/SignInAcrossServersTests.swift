import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowStore
import IFlowTestSupport
import Logging
import Testing

@testable import IFlowAPI

/// Several servers on one database, as behind a load balancer: each a store and an application of its own.
enum SharedDatabase {
    /// The backends several processes can share: an SQLite file, and PostgreSQL when `IFLOW_TEST_POSTGRES_URL` is set.
    static var backends: [TestBackend] { TestBackend.all.filter { if case .sqlite = $0 { false } else { true } } }

    /// `count` stores on one fresh, migrated database (the first store's), closed afterwards.
    static func withStores<T>(_ backend: TestBackend, count: Int, _ body: ([Store]) async throws -> T) async throws -> T {
        var logger = Logger(label: "iflow-test")
        logger.logLevel = .warning
        let keyring = DataKeyring.generate()
        func others(of first: Store) async throws -> T {
            try await first.migrate()
            var stores = [first]
            for _ in 1..<count {
                stores.append(try Store(location: first.location, poolSize: 2, poolTimeout: testPoolTimeout, keyring: keyring, logger: logger))
            }
            defer { Task { [stores] in for store in stores.dropFirst() { await store.shutdown() } } }
            return try await body(stores)
        }
        switch backend {
        case .postgres(let adminURL):
            return try await withThrowawayPostgres(adminURL: adminURL, keyring: keyring, logger: logger) { try await others(of: $0) }
        default:
            return try await withTemporaryDirectory { directory in
                let path = directory.appendingPathComponent("iflow.sqlite").path
                return try await Store(location: .sqliteFile(path: path), keyring: keyring, logger: logger).use { try await others(of: $0) }
            }
        }
    }
}

@Suite("Web: sign-in throttling across servers")
struct SignInAcrossServersTests {
    @Test("five wrong passwords spread over three servers lock the address on all three, even for the right password")
    func locksAcrossServers() async throws {
        for backend in SharedDatabase.backends {
            try await SharedDatabase.withStores(backend, count: 3) { stores in
                // setup
                let company = try await stores[0].createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
                try await WebTest.administrator(stores[0], companyID: company.id!, email: "ana@acme.ro")
                try await WebTest.administrator(stores[0], companyID: company.id!, email: "ion@acme.ro")
                let apps = stores.map { buildApplication(store: $0, logger: Logger(label: "iflow-test")) }
                try await apps[0].test(.router) { first in
                    try await apps[1].test(.router) { second in
                        try await apps[2].test(.router) { third in
                            let servers: [any TestClientProtocol] = [first, second, third]
                            var browser = Browser()
                            for server in [0, 1, 2, 0, 1] {
                                let attempt = try await servers[server].signIn("ana@acme.ro", password: "not the password", as: &browser)
                                #expect(attempt.status == .unauthorized, "\(backend): attempt on server \(server)")
                            }
                            // MUT
                            for server in servers {
                                let blocked = try await server.signIn("ana@acme.ro", as: &browser)
                                // validation
                                #expect(blocked.status == .tooManyRequests, "\(backend)")
                                #expect(blocked.setCookies["iflow_session"] == nil)
                            }
                            var colleague = Browser()
                            #expect(try await third.signIn("ion@acme.ro", as: &colleague).status == .seeOther, "another address is not locked")
                        }
                    }
                }
            }
        }
    }

    @Test("parallel wrong passwords on three servers: exactly the limit gets a password check, the rest are refused")
    func parallelAttempts() async throws {
        for backend in SharedDatabase.backends {
            guard case .postgres = backend else { continue }  // several SQLite writers on one file refuse each other (SQLITE_BUSY)
            try await SharedDatabase.withStores(backend, count: 3) { stores in
                // setup
                let throttles = stores.map { SignInThrottle(store: $0, limit: 5, window: 900) }
                // MUT
                let refused = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for attempt in 0..<15 {
                        group.addTask { try await throttles[attempt % 3].attempt("ana@acme.ro\nunknown") != nil }
                    }
                    return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
                }
                // validation
                #expect(refused == 10)
            }
        }
    }
}
