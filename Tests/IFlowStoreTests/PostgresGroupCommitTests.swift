import Foundation
import IFlowStore
import SQLKit
import Synchronization
import Testing

@Suite("Writes on PostgreSQL (group commit)", .enabled(if: TestStores.postgresAdminURL != nil))
struct PostgresGroupCommitTests {
    struct Refused: Error, Equatable {
        var index: Int
    }

    struct Written: Equatable, Sendable {
        var team: Int
        var transaction: Int
    }

    /// A migrated store on a fresh PostgreSQL database, with one company.
    func withStore(_ body: (Store, Int) async throws -> Void) async throws {
        try await TestStores.withFreshPostgres { store in
            try await store.migrate()
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            try await body(store, try #require(company.id))
        }
    }

    static func insertTeam(_ name: String, companyID: Int, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("INSERT INTO teams (company_id, name) VALUES (\(bind: companyID), \(bind: name)) RETURNING id").first()
        return try #require(row).decode(column: "id", as: Int.self)
    }

    @Test("concurrent writes share transactions; one that throws is rolled back alone, the others commit")
    func sharedTransactions() async throws {
        try await withStore { store, companyID in
            // MUT: 40 writes at once, every fifth throws after inserting
            let outcomes = await withTaskGroup(of: (Int, Result<Written, Refused>).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            let written = try await store.write { context in
                                let team = try await Self.insertTeam("team \(index)", companyID: companyID, on: context.sql)
                                if index % 5 == 0 { throw Refused(index: index) }
                                let row = try await context.sql.raw("SELECT txid_current() AS id").first()
                                return Written(team: team, transaction: try #require(row).decode(column: "id", as: Int.self))
                            }
                            return (index, .success(written))
                        } catch let refused as Refused {
                            return (index, .failure(refused))
                        } catch {
                            return (index, .failure(Refused(index: -1)))
                        }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }

            // validation
            let kept = (0..<40).filter { $0 % 5 != 0 }
            for index in 0..<40 where index % 5 == 0 { #expect(outcomes[index] == .failure(Refused(index: index))) }
            let written = kept.compactMap { try? outcomes[$0]?.get() }
            #expect(written.count == kept.count)
            struct Row: Decodable { var id: Int, name: String }
            let rows = try await store.sql().raw("SELECT id, name FROM teams ORDER BY id").all(decoding: Row.self)
            #expect(Set(rows.map(\.name)) == Set(kept.map { "team \($0)" }))
            #expect(Set(rows.map(\.id)) == Set(written.map(\.team)))
            // One transaction each would be 32; the writes that waited for a batch shared its transaction.
            #expect(Set(written.map(\.transaction)).count < kept.count)
        }
    }

    final class Runs: Sendable {
        let count = Mutex(0)
        /// The writes that hold their first row.
        let holdingFirst = Mutex(0)
    }

    /// Locks the teams `rows` in that order, waiting after the first until the concurrent write holds its own first
    /// row (at most 10 s; a write run again after the deadlock finds the other's row held and goes on at once), so the
    /// two always deadlock, however slowly either starts.
    static func lock(_ rows: [Int], on store: Store, counting runs: Runs) async throws -> Int {
        try await store.write { context in
            runs.count.withLock { $0 += 1 }
            for (position, id) in rows.enumerated() {
                try await context.sql.raw("UPDATE teams SET name = name WHERE id = \(bind: id)").run()
                guard position == 0 else { continue }
                runs.holdingFirst.withLock { $0 += 1 }
                let deadline = ContinuousClock.now + .seconds(10)
                while runs.holdingFirst.withLock({ $0 }) < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            }
            return rows.count
        }
    }

    @Test("a write that PostgreSQL rolls back to break a deadlock with another process runs again and commits")
    func deadlockVictimRunsAgain() async throws {
        try await withStore { store, companyID in
            // setup: a second store on the same database stands for another server process
            let first = try await store.write { context in try await Self.insertTeam("first", companyID: companyID, on: context.sql) }
            let second = try await store.write { context in try await Self.insertTeam("second", companyID: companyID, on: context.sql) }
            let other = try Store(location: store.location, poolSize: 1, keyring: TestStores.keyring, logger: TestStores.logger)
            let runs = Runs()

            // MUT: the two writes lock the two rows in opposite orders
            let locked = try await other.use { other in
                async let one = Self.lock([first, second], on: store, counting: runs)
                async let two = Self.lock([second, first], on: other, counting: runs)
                return try await one + two
            }

            // validation: both committed; PostgreSQL failed one attempt (40P01), which ran again
            #expect(locked == 4)
            #expect(runs.count.withLock { $0 } >= 3)
        }
    }
}
