import Foundation
import IFlowCore
import SQLKit
import Testing

@testable import IFlowStore

/// The store's side of the Labour Code checks: the overlap refusal inside the write, and migration 008.
@Suite("Compliance store")
struct ComplianceStoreTests {
    typealias Backend = StoreBackend

    /// A migrated store with a company and one employee of it.
    ///
    /// - Parameter poolSize: PostgreSQL connections per event loop.
    static func withStore(on backend: Backend, poolSize: Int = 2, _ body: (Store, _ companyID: Int, _ userID: Int) async throws -> Void) async throws
    {
        try await backend.withMigratedStore(poolSize: poolSize) { store in
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            let companyID = try #require(company.id)
            let update = try UserUpdate.parse(["update_by": "id_card", "update_by_value": "RX100000", "full_name": "Ion Pop"]).get()
            let userID = try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine).user.id
            try await body(store, companyID, userID)
        }
    }

    static let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    static func plan(_ date: LocalDate, _ shifts: String) throws -> DayPlan {
        DayPlan(date: date, shifts: try TimeRangeList.parse(shifts).get())
    }

    /// What one `setDay` did: stored, or refused naming the stored dates it overlaps.
    enum Outcome: Equatable {
        case stored
        case refused([LocalDate])
    }

    static func setDay(_ plan: DayPlan, _ store: Store, _ companyID: Int, _ userID: Int) async throws -> Outcome {
        do {
            try await store.setDay(plan, userID: userID, companyID: companyID, calculator: calculator, actor: .commandLine)
            return .stored
        } catch let refusal as PlanOverlapRefusal {
            let dates = refusal.conflicts.flatMap { conflict -> [LocalDate] in
                if case .stored(let dates) = conflict.neighbour { return dates }
                return []
            }
            return .refused(dates)
        }
    }

    @Test(
        "a night shift and the next morning's shift sent at once: one is stored, the other refused naming it, every time",
        arguments: Backend.available
    )
    func concurrentNeighbourDays(backend: Backend) async throws {
        try await Self.withStore(on: backend, poolSize: 8) { store, companyID, userID in
            // setup: 40 pairs, three days apart so that pairs never touch: day D 22:00-07:00 and day D+1 06:00-14:00
            let pairs = 40
            let first = try #require(LocalDate(iso: "2026-06-01"))
            let nights = (0..<pairs).map { first.adding(days: 3 * $0) }

            // MUT: every set_day of every pair at once
            let outcomes = try await withThrowingTaskGroup(of: (LocalDate, Outcome).self) { group in
                for night in nights {
                    group.addTask { (night, try await Self.setDay(try Self.plan(night, "22:00-07:00"), store, companyID, userID)) }
                    let morning = night.adding(days: 1)
                    group.addTask { (morning, try await Self.setDay(try Self.plan(morning, "06:00-14:00"), store, companyID, userID)) }
                }
                return try await group.reduce(into: [LocalDate: Outcome]()) { $0[$1.0] = $1.1 }
            }

            // validation: in each pair exactly one is stored, the other names it, and only the stored one is there
            let plans = try await store.dayPlans(userIDs: [userID], from: first, through: nights.last!.adding(days: 1))[userID] ?? []
            #expect(plans.count == pairs)
            for night in nights {
                let morning = night.adding(days: 1)
                let pair = [outcomes[night], outcomes[morning]]
                #expect(pair == [.stored, .refused([night])] || pair == [.refused([morning]), .stored], "pair of \(night): \(pair)")
                let kept = plans.filter { $0.date == night || $0.date == morning }.map(\.date)
                #expect(kept == [outcomes[night] == .stored ? night : morning], "pair of \(night)")
            }
        }
    }

    @Test("a refused import writes nothing and names the rows and the stored dates each plan overlaps", arguments: Backend.available)
    func importRefusal(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, userID in
            // setup: a stored morning shift on 10 June
            let june = { (day: Int) in LocalDate(year: 2026, month: 6, day: day)! }
            _ = try await Self.setDay(try Self.plan(june(10), "05:00-13:00"), store, companyID, userID)
            let plans = [
                (userID: userID, plan: try Self.plan(june(4), "22:00-07:00")), (userID: userID, plan: try Self.plan(june(5), "06:00-14:00")),
                (userID: userID, plan: try Self.plan(june(9), "22:00-06:00")), (userID: userID, plan: DayPlan(date: june(11), type: .CO)),
            ]

            // MUT
            let refusal = await #expect(throws: PlanImportRefusal.self) {
                try await store.importPlans(plans, companyID: companyID, calculator: Self.calculator, actor: .commandLine)
            }

            // validation: the second plan (line 2) overlaps the first, the third the stored 10 June; nothing of the
            // plans was written
            #expect(refusal?.locked == nil)
            #expect(refusal?.overlaps.map(\.line) == [2, 3])
            #expect(refusal?.overlaps.map(\.neighbour) == [.written(1), .stored([june(10)])])
            #expect(refusal?.overlaps.map(\.plan.date) == [june(5), june(9)])
            let stored = try await store.dayPlans(userIDs: [userID], from: june(1), through: june(30))[userID] ?? []
            #expect(stored.map(\.date) == [june(10)])
        }
    }

    @Test("the packed read gives each employee's plans of the range exactly as dayPlans reads them", arguments: Backend.available)
    func packedPlans(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, userID in
            // setup: a second employee, and plans of every shape on both, one of them outside the range on each side
            let update = try UserUpdate.parse(["update_by": "id_card", "update_by_value": "RX100001", "full_name": "Ana Pop"]).get()
            let otherID = try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine).user.id
            let day = { (day: Int) in LocalDate(year: 2026, month: 3, day: day)! }
            let ranges = { (text: String) in try TimeRangeList.parse(text).get() }
            let plans = [
                (userID: userID, plan: try Self.plan(day(1), "08:00-16:00")),
                (userID: userID, plan: DayPlan(date: day(2), shifts: try ranges("08:00-12:00,13:00-17:00"), overtime: try ranges("17:00-19:30"))),
                (userID: userID, plan: DayPlan(date: day(3), type: .CO)),
                (userID: userID, plan: DayPlan(date: day(5), shifts: try ranges("22:00-06:00"), breakMinutes: 30)),
                (userID: userID, plan: DayPlan(date: day(9), shifts: try ranges("08:00-12:00"), timeOff: try ranges("12:00-16:00"))),
                (userID: userID, plan: DayPlan(date: day(31), type: .D, shifts: try ranges("09:00-17:00"), breakMinutes: 60)),
                (userID: otherID, plan: DayPlan(date: day(4), type: .CM)),
                (userID: otherID, plan: DayPlan(date: day(10), shifts: try ranges("00:00-24:00"), breakMinutes: 45)),
            ]
            try await store.importPlans(plans, companyID: companyID, calculator: Self.calculator, actor: .commandLine)

            // MUT
            let packed = try await store.packedDayPlans(userIDs: [userID, otherID, otherID + 1], from: day(2), through: day(30))
            // Row by row, as SQLite always reads them (on PostgreSQL `dayPlans` reads them packed).
            let expected = try await Store.unpackedDayPlans(
                userIDs: [userID, otherID, otherID + 1], from: day(2), through: day(30), on: store.readSQL())

            // validation: the same plans, in date order, none of the 1st or 31st, nothing for an id without plans
            #expect(packed[userID] == expected[userID])
            #expect(packed[otherID] == expected[otherID])
            #expect(packed[userID]?.map(\.date) == [day(2), day(3), day(5), day(9)])
            #expect(packed[otherID]?.map(\.date) == [day(4), day(10)])
            #expect(packed[userID]?.first?.overtime == (try ranges("17:00-19:30")))
            #expect(packed[otherID + 1] == nil)
            #expect(try await store.packedDayPlans(userIDs: [], from: day(1), through: day(31)).isEmpty)
        }
    }

    @Test("008 reverts to the schema of 007, and upgrades a database at 007 with every rule on and no shift work", arguments: Backend.available)
    func migrationRevertsAndUpgrades(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, userID in
            // setup: back to 007, as a database the previous release left, with a team and its employee
            try await AddComplianceSettings().revert(on: store.database())
            try await store.sql().raw("DELETE FROM _fluent_migrations WHERE name = '008_AddComplianceSettings'").run()
            #expect(try await store.pendingMigrations() == ["008_AddComplianceSettings"])
            await #expect(throws: (any Error).self) { try await store.sql().raw("SELECT compliance_disabled_rules FROM companies").all() }
            await #expect(throws: (any Error).self) { try await store.sql().raw("SELECT shift_work FROM users").all() }
            try await store.sql().raw("INSERT INTO teams (company_id, name) VALUES (\(bind: companyID), 'Tura A')").run()
            try await store.sql().raw(
                "UPDATE users SET team_id = (SELECT id FROM teams WHERE name = 'Tura A') WHERE id = \(bind: userID)"
            ).run()

            // MUT
            try await store.migrate()

            // validation: every rule on, nobody on shift work, and the settings work again
            #expect(try await store.pendingMigrations().isEmpty)
            #expect(try await store.disabledComplianceRules(companyID: companyID).isEmpty)
            #expect(try await store.complianceUsers(companyID: companyID, userIDs: [userID]).map(\.shiftWork) == [false])
            try await store.setDisabledComplianceRules([.mealBreak], companyID: companyID, actor: .commandLine)
            #expect(try await store.setTeamShiftWork(true, teamName: "Tura A", companyID: companyID, actor: .commandLine))
            #expect(try await store.disabledComplianceRules(companyID: companyID) == [.mealBreak])
            #expect(try await store.complianceUsers(companyID: companyID, userIDs: [userID]).map(\.shiftWork) == [true])
        }
    }
}
