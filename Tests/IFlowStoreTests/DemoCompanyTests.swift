import Foundation
import IFlowCore
import IFlowStore
import Logging
import Testing

@Suite("Store")
struct StoreTests {
    func withStore(_ body: (Store) async throws -> Void) async throws {
        var logger = Logger(label: "store-test")
        logger.logLevel = .warning
        let store = try Store(location: .sqliteMemory, keyring: .generate(), logger: logger)
        try await store.migrate()
        do {
            try await body(store)
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    @Test("migrations are idempotent: a second run has nothing pending")
    func migrations() async throws {
        try await withStore { store in
            #expect(try await store.pendingMigrations().isEmpty)
            try await store.migrate()
        }
    }

    @Test("the demo company has its employees, their plans, teams and a working key")
    func demoCompany() async throws {
        try await withStore { store in
            // MUT
            // Noon in Bucharest (UTC+2) on the demo's today.
            let now = Date(timeIntervalSince1970: TimeInterval(LocalDate(year: 2026, month: 1, day: 15)!.dayNumber * 86_400 + 10 * 3_600))
            let demo = try await store.createDemoCompany(employees: 12, today: LocalDate(year: 2026, month: 1, day: 15)!, now: now)
            // validation
            #expect(demo.months.map(\.year) == [2025, 2026])
            #expect(demo.months.map(\.month) == [12, 1])
            let (users, total) = try await store.users(companyID: demo.companyID, filter: UserListFilter())
            #expect(total == 12)
            #expect(Set(users.compactMap(\.teamName)) == Set(DemoData.teams.map(\.name)))
            let key = try await store.authenticate(secret: demo.key.secret)
            #expect(key?.company.id == demo.companyID)
            let listed = try await store.reportUsers(companyID: demo.companyID, month: (2025, 12), filter: ReportFilter())
            let plans = try await store.dayPlans(
                userIDs: listed.map(\.id),
                from: LocalDate(year: 2025, month: 12, day: 1)!, through: LocalDate(year: 2026, month: 1, day: 31)!
            )
            #expect(plans.values.reduce(0) { $0 + $1.count } == demo.plans)
            let administrator = try await store.verifyAdministrator(email: demo.administratorEmail, password: demo.administratorPassword)
            #expect(administrator != nil, "the printed password signs the demo administrator in")
            #expect(try await store.administrators(companyID: demo.companyID).map(\.email) == [demo.administratorEmail])
            #expect(demo.administratorPassword.count >= AdministratorCredentials.minimumPasswordLength)
            // Two terminals whose tokens work, and the month's scans as stored, every one before now.
            #expect(demo.terminals.count == 2)
            for terminal in demo.terminals {
                #expect(try await store.authenticateDevice(token: terminal.token)?.company.id == demo.companyID)
            }
            let from = LocalDate(year: 2025, month: 12, day: 15)!.dayNumber * 86_400
            let scans = try await store.scans(
                companyID: demo.companyID, userIDs: listed.map(\.id), from: from, through: Int(now.timeIntervalSince1970), limits: .iFlowDefaults)
            let stored = scans.values.flatMap { $0 }
            #expect(stored.count == demo.scans && demo.scans > 12 * 15)
            #expect(stored.allSatisfy { $0.scan.instant < Int(now.timeIntervalSince1970) && $0.scan.source == .terminal && $0.deviceID != nil })
            #expect(Set(stored.compactMap(\.deviceID)) == Set(demo.terminals.map(\.id)))
            #expect(demo.rfidTag != nil && stored.contains { $0.rfidTag == demo.rfidTag })
        }
    }

    @Test("a key stops authenticating once revoked; keys are stored only as hashes")
    func keys() async throws {
        try await withStore { store in
            let company = try await store.createCompany(name: "A", timezone: "Europe/Bucharest")
            let issued = try await store.createAPIKey(companyID: company.id!, label: "x", actor: .commandLine)
            #expect(issued.secret.hasPrefix("ifk_"))
            #expect(issued.secret.count == 4 + 43)
            let stored = try await store.apiKeys(companyID: company.id!)
            #expect(stored.count == 1)
            #expect(stored[0].keyHash != issued.secret && !stored[0].keyHash.contains(issued.secret.dropFirst(4)))
            #expect(stored[0].prefix == String(issued.secret.prefix(12)))
            #expect(try await store.authenticate(secret: issued.secret) != nil)
            #expect(try await store.revokeAPIKey(id: issued.id, actor: .commandLine))
            #expect(try await store.authenticate(secret: issued.secret) == nil)
            #expect(try await store.revokeAPIKey(id: issued.id, actor: .commandLine) == false)
        }
    }
}
