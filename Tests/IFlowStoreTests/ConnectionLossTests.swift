import FluentKit
import Foundation
import IFlowCore
import IFlowTestSupport
import SQLKit
import Testing

@testable import IFlowStore

@Suite("PostgreSQL closes a connection", .enabled(if: TestStores.postgresAdminURL != nil))
struct ConnectionLossTests {
    struct BackendID: Decodable { var pid: Int }

    /// `body`'s result, or `nil` when it has not finished after `seconds`. A hung database call cannot be cancelled, so
    /// it is left behind rather than awaited.
    static func outcome<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () async throws -> T) async -> Result<T, any Error>? {
        await withCheckedContinuation { continuation in
            let once = FirstAnswer<Result<T, any Error>?>(continuation)
            Task {
                do { once.give(.success(try await body())) } catch { once.give(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                once.give(nil)
            }
        }
    }

    /// Ends the server process of the connection `sql` is bound to, as a restart or an administrator would.
    static func terminateBackend(of sql: any SQLDatabase) async throws {
        let adminURL = try #require(TestStores.postgresAdminURL)
        let pid = try #require(try await sql.raw("SELECT pg_backend_pid() AS pid").first(decoding: BackendID.self)).pid
        let admin = try Store(
            location: .postgres(url: adminURL), poolSize: 1, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
        try await admin.sql().raw("SELECT pg_terminate_backend(CAST(\(bind: pid) AS integer))").run()
        await admin.shutdown()
        // Let the client see the connection close before it sends the next statement.
        try await Task.sleep(for: .milliseconds(200))
    }

    @Test("a transaction whose connection is closed fails at once, and the pool serves the next requests")
    func transactionFailsAndPoolRecovers() async throws {
        try await TestStores.withFreshPostgres { store in
            // setup: one connection per event loop, so a connection the pool never got back would block the next requests
            try await store.migrate()
            let company = try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest")
            let small = try Store(
                location: store.location, poolSize: 1, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await small.shutdown() } }

            for attempt in 0..<6 {
                // MUT
                let result = await Self.outcome(within: 8) {
                    try await small.database().transaction { db in
                        let sql = try db.sqlDatabase()
                        try await sql.raw("SELECT 1").run()
                        try await Self.terminateBackend(of: sql)
                        try await sql.raw("SELECT 2").run()
                    }
                }

                // validation
                switch result {
                case .none: Issue.record("attempt \(attempt): the transaction hung")
                case .success: Issue.record("attempt \(attempt): the transaction succeeded on a closed connection")
                case .failure: break
                }
            }
            let update = try UserUpdate.parse(["update_by": "id_card", "update_by_value": "RX1", "full_name": "Ion"]).get()
            let after = await Self.outcome(within: 8) { try await small.applyUserUpdate(update, companyID: company.id!, actor: .commandLine).action }
            #expect(try after?.get() == .created)
            #expect(await small.isReachable())
        }
    }

    @Test("a statement on a held connection that was closed fails instead of waiting forever")
    func heldConnectionStatementFails() async throws {
        try await TestStores.withFreshPostgres { store in
            // MUT
            let result = await Self.outcome(within: 8) {
                try await store.database().withConnection { db in
                    let sql = try db.sqlDatabase()
                    try await Self.terminateBackend(of: sql)
                    try await sql.raw("SELECT 1").run()
                }
            }

            // validation
            switch result {
            case .none: Issue.record("the statement hung")
            case .success: Issue.record("the statement succeeded on a closed connection")
            case .failure(let error): #expect((error as? any DatabaseError)?.isConnectionClosed == true, "\(String(reflecting: error))")
            }
            #expect(await store.isReachable())
        }
    }
}
