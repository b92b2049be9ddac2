import Foundation
import IFlowCore
import IFlowStore
import IFlowTestSupport
import Testing

@Suite("Concurrent user/update on PostgreSQL", .enabled(if: TestStores.postgresAdminURL != nil))
struct ConcurrentUpdateTests {
    @Test("requests racing to create the same employees all succeed, and each employee is created once")
    func racingCreations() async throws {
        try await TestStores.withFreshPostgres { store in
            // setup: enough connections for the requests to really overlap
            try await store.migrate()
            let store = try Store(
                location: store.location, poolSize: 16, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await store.shutdown() } }
            let companyID = try #require(try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest").id)
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
