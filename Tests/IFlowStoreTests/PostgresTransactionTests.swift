import FluentKit
import Foundation
import IFlowTestSupport
import SQLKit
import Testing

@testable import IFlowStore

@Suite("Transactions on PostgreSQL connections", .enabled(if: TestStores.postgresAdminURL != nil))
struct PostgresTransactionTests {
    struct Failed: Error {}

    static func companies(named name: String, in store: Store) async throws -> Int {
        let row = try #require(try await store.sql().raw("SELECT count(*)::int8 AS n FROM companies WHERE name = \(bind: name)").first())
        return try row.decode(column: "n", as: Int.self)
    }

    static func insertCompany(_ name: String, on database: any Database) async throws {
        try await database.sqlDatabase().raw(
            "INSERT INTO companies (name, timezone, created_at) VALUES (\(bind: name), 'Europe/Bucharest', now())"
        ).run()
    }

    @Test("a transaction opened on a connection held by withConnection begins, and a failure inside it rolls its writes back")
    func transactionOnHeldConnection() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            // MUT: a transaction on a held connection whose closure fails after a write
            await #expect(throws: Failed.self) {
                try await store.database().withConnection { held in
                    try await held.transaction { database in
                        let inTransaction = database.inTransaction
                        #expect(inTransaction)
                        try await Self.insertCompany("Held rollback", on: database)
                        throw Failed()
                    }
                }
            }
            // validation: the write was inside a transaction, so nothing of it is left
            #expect(try await Self.companies(named: "Held rollback", in: store) == 0)

            // MUT + validation: the same transaction without the failure commits its write
            try await store.database().withConnection { held in
                let inTransaction = held.inTransaction
                #expect(!inTransaction, "a held connection alone is no transaction")
                try await held.transaction { database in try await Self.insertCompany("Held commit", on: database) }
            }
            #expect(try await Self.companies(named: "Held commit", in: store) == 1)
        }
    }

    @Test("a transaction nested in another joins it: one rollback undoes both's writes")
    func nestedTransactionJoins() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            // MUT: the outer transaction fails after the inner one finished
            await #expect(throws: Failed.self) {
                try await store.database().transaction { outer in
                    try await outer.transaction { inner in try await Self.insertCompany("Nested", on: inner) }
                    throw Failed()
                }
            }
            // validation
            let left = try await Self.companies(named: "Nested", in: store)
            #expect(left == 0)
        }
    }
}
