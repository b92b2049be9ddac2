import Foundation
import IFlowCore
import IFlowTestSupport
import Testing

@testable import IFlowStore

@Suite("Concurrent user/update on PostgreSQL", .enabled(if: TestStores.postgresAdminURL != nil))
struct ConcurrentUpdateTests {
    /// A migrated PostgreSQL store with enough connections for concurrent requests to really overlap (and the group
    /// commit's two lanes to run batches at once), and a company.
    static func withBusyStore(_ body: @Sendable (Store, Int) async throws -> Void) async throws {
        try await TestStores.withFreshPostgres { store in
            try await store.migrate()
            let store = try Store(
                location: store.location, poolSize: 16, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await store.shutdown() } }
            try await body(store, try #require(try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest").id))
        }
    }

    @Test("distinct new employees of new teams, created at once in every order, never deadlock two batches")
    func newTeamsInAnyOrder() async throws {
        try await Self.withBusyStore { store, companyID in
            // setup: employees over teams that do not exist yet
            var generator = SystemRandomNumberGenerator()
            var expected: [String: String] = [:]
            for round in 0..<4 {
                // Each round: 96 employees over 12 teams none of which exists yet, arriving in a shuffled order.
                let updates = try (0..<96).shuffled(using: &generator).map { index in
                    let card = "R\(round)X\(100_000 + index)"
                    let team = "Echipa \(round)-\(index % 12)"
                    expected[card] = team
                    return try UserUpdate.parse(
                        ["update_by": "id_card", "update_by_value": card, "full_name": "Ana \(card)", "team_name": team]
                    ).get()
                }

                // MUT
                let failures = await withTaskGroup(of: String?.self) { group in
                    for update in updates {
                        group.addTask {
                            do {
                                _ = try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine)
                                return nil
                            } catch {
                                return String(describing: error)
                            }
                        }
                    }
                    return await group.reduce(into: [String]()) { if let failure = $1 { $0.append(failure) } }
                }

                // validation
                #expect(failures.isEmpty, "round \(round): \(failures.prefix(3))")
            }
            #expect(store.groupCommit.conflicts == 0, "batches rolled back for a deadlock")
            var filter = UserListFilter()
            filter.limit = 1000
            let users = try await store.users(companyID: companyID, filter: filter).users
            #expect(Dictionary(uniqueKeysWithValues: users.map { ($0.values[.idCard] ?? "", $0.teamName ?? "") }) == expected)
        }
    }

    @Test("requests racing to create the same employees all succeed, and each employee is created once")
    func racingCreations() async throws {
        try await Self.withBusyStore { store, companyID in
            // setup: the same few people, asked for many times
            let people = (0..<8).map { index in
                (
                    cnp: CNP.makeValid(sex: .female, birthDate: LocalDate(year: 1990, month: 5, day: index + 1)!, county: 12, serial: 300 + index),
                    idCard: "CJ\(700_000 + index)"
                )
            }
            let updates = try (0..<160).map { index in
                let person = people[index % people.count]
                var fields = ["full_name": "Persoana \(index % people.count)", "cnp": person.cnp, "id_card": person.idCard]
                fields["team_name"] = "Echipa \(index % 3)"
                if index % 4 == 3 {
                    fields["update_by"] = "id_card"
                    fields["update_by_value"] = person.idCard
                } else {
                    fields["update_by"] = "cnp"
                    fields["update_by_value"] = person.cnp
                }
                return try UserUpdate.parse(fields).get()
            }

            // MUT
            let results = await withTaskGroup(of: Result<UserUpdateResult, any Error>.self) { group in
                for update in updates {
                    group.addTask {
                        do { return .success(try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine)) } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            // validation
            let failures = results.compactMap { if case .failure(let error) = $0 { String(describing: error) } else { nil } }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            let created = results.compactMap { try? $0.get() }.filter { $0.action == .created }.map { $0.user.values[.cnp] }
            #expect(created.count == people.count)
            #expect(Set(created) == Set(people.map(\.cnp)))
            var filter = UserListFilter()
            filter.limit = 1000
            #expect(try await store.users(companyID: companyID, filter: filter).total == people.count)
        }
    }
}
