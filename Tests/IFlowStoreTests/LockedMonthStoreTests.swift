import Foundation
import IFlowCore
import SQLKit
import Synchronization
import Testing

@testable import IFlowStore

@Suite("Locked months in the store")
struct LockedMonthStoreTests {
    typealias Backend = StoreBackend

    /// UTC seconds of a November 2026 local midnight in Bucharest (UTC+2).
    static func midnight(_ day: Int, month: Int = 11) -> Int {
        (LocalDate(year: 2026, month: month, day: day)!.dayNumber * 24 - 2) * 3_600
    }

    /// Step one of a lock of `month` 2026, as `MonthLock` makes it.
    static func begin(_ store: Store, companyID: Int, month: Int = 11) async throws -> MonthLockStart {
        let next = month == 12 ? 1 : month + 1
        let end = month == 12 ? (LocalDate(year: 2027, month: 1, day: 1)!.dayNumber * 24 - 2) * 3_600 : midnight(1, month: next)
        return try await store.beginMonthLock(
            year: 2026, month: month, startsAt: midnight(1, month: month), endsAt: end, timeZone: "Europe/Bucharest", calendar: "{}",
            computedAt: midnight(1, month: 12), companyID: companyID, actor: .commandLine
        )
    }

    /// Plans 08:00-16:00 on `date` as every plan write does: the locked-month check, then the row, in one write.
    static func plan(_ date: String, userID: Int, companyID: Int, on store: Store) async throws {
        let plan = DayPlan(date: LocalDate(iso: date)!, shifts: [TimeRange("08:00-16:00")!])
        try await store.write { context in
            try await Store.refuseLockedPlans([(userID, plan)], companyID: companyID, on: context.sql)
            try await context.sql.raw(
                """
                INSERT INTO day_plans (company_id, user_id, date, type, shifts, break_minutes, overtime, time_off, updated_at) \
                VALUES (\(bind: companyID), \(bind: userID), \(bind: date), 'work', '08:00-16:00', 0, '', '', \(bind: Date()))
                """
            ).run()
        }
    }

    @Test("two servers locking and writing at once: no write lands in a locked month", arguments: Backend.available)
    func concurrentLocksAndWrites(backend: Backend) async throws {
        try await AttendanceStoreTests.withConcurrentStores(backend) { stores, companyID in
            // setup: employees whose plans and scans the writers keep changing
            let ids = try await AttendanceStoreTests.addEmployees(4, store: stores[0], companyID: companyID)
            for month in 1...8 {
                // MUT: one server locks the month while both write plans and scans into it
                let lockingStore = stores[month % stores.count]
                let begun = ManagedFlag()
                let outcomes = try await withThrowingTaskGroup(of: (afterLock: Bool, stored: Bool).self) { group in
                    group.addTask {
                        _ = try await Self.begin(lockingStore, companyID: companyID, month: month)
                        begun.set()
                        return (false, false)
                    }
                    for writer in 0..<12 {
                        let store = stores[writer % stores.count]
                        let userID = ids[writer % ids.count]
                        group.addTask {
                            let startedAfterLock = begun.isSet
                            let date = String(format: "2026-%02d-%02d", month, writer + 1)
                            do {
                                if writer.isMultiple(of: 2) {
                                    try await Self.plan(date, userID: userID, companyID: companyID, on: store)
                                } else {
                                    let instant = Self.midnight(writer + 1, month: month) + 8 * 3_600
                                    let recorded = try await store.recordScans(
                                        [NewScan(userID: userID, instant: instant, source: .terminal, arrival: .live)], companyID: companyID,
                                        limits: .iFlowDefaults, actor: .commandLine)
                                    return (startedAfterLock, recorded.outcomes == [.stored])
                                }
                                return (startedAfterLock, true)
                            } catch is LockedMonthRefusal {
                                return (startedAfterLock, false)
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let frozen = try await Self.monthRows(stores[0], month: month)

                // validation: a write that began after the lock committed was refused, and nothing written since the lock
                // committed is in the month
                #expect(outcomes.filter { $0.afterLock && $0.stored }.isEmpty, "month \(month)")
                for store in stores {
                    await #expect(throws: LockedMonthRefusal.self) {
                        try await Self.plan(String(format: "2026-%02d-28", month), userID: ids[0], companyID: companyID, on: store)
                    }
                }
                #expect(try await Self.monthRows(stores[1 % stores.count], month: month) == frozen)
            }
        }
    }

    /// The month's plans and scans, as text.
    static func monthRows(_ store: Store, month: Int) async throws -> [String] {
        let prefix = String(format: "2026-%02d-", month)
        let plans = try await store.sql().raw("SELECT user_id, date, shifts FROM day_plans WHERE date LIKE \(bind: prefix + "%") ORDER BY 1, 2").all()
        let scans = try await store.sql().raw(
            "SELECT user_id, instant FROM scans WHERE instant >= \(bind: midnight(1, month: month)) AND instant < \(bind: midnight(1, month: month) + 31 * 86_400) ORDER BY 1, 2"
        ).all()
        return try plans.map { "\(try $0.decode(column: "user_id", as: Int.self)) \(try $0.decode(column: "date", as: String.self))" }
            + scans.map { "\(try $0.decode(column: "user_id", as: Int.self)) \(try $0.decode(column: "instant", as: Int.self))" }
    }

    @Test("a lock cut short is completed by the next lock, the figures are kept per type, and unlocking discards them", arguments: Backend.available)
    func completeAndUnlock(backend: Backend) async throws {
        try await AttendanceStoreTests.withStore(on: backend) { store, companyID, otherCompanyID in
            // setup: a lock whose figures were never stored, as after a crash between the two steps
            let userID = try await AttendanceStoreTests.addEmployees(1, store: store, companyID: companyID)[0]
            guard case .started(let lock) = try await Self.begin(store, companyID: companyID) else {
                Issue.record("not started")
                return
            }
            let user = ReportUser(id: userID, fullName: "Angajat 0", cnp: "1800101221144", idCard: nil, markNumber: "7", teamName: "Tura A")

            // MUT: the second lock finds it unfinished; its figures go in, over a repeated batch, and it completes
            guard case .started(let unfinished) = try await Self.begin(store, companyID: companyID) else {
                Issue.record("not unfinished")
                return
            }
            #expect(unfinished.id == lock.id && !unfinished.isComplete)
            for figures in ["first", "second"] {
                let employee = LockedEmployee(user: user, isEnabled: true, figures: figures, totals: figures + " totals")
                #expect(try await store.storeLockedFigures([employee], lockID: lock.id, attendanceType: .workSchedule))
            }
            #expect(try await store.completeMonthLock(lockID: lock.id))

            // validation: complete, served by filters as at lock time, closed to late batches, and another company's own
            guard case .alreadyLocked(let complete) = try await Self.begin(store, companyID: companyID) else {
                Issue.record("not complete")
                return
            }
            #expect(complete.isComplete && complete.id == lock.id)
            var byCNP = ReportFilter()
            byCNP.user = .cnp("1800101221144")
            #expect(try await store.lockedEmployees(lockID: lock.id, attendanceType: .workSchedule, filter: byCNP) == [user])
            #expect(try await store.lockedEmployees(lockID: lock.id, attendanceType: .liveAttendance, filter: ReportFilter()).isEmpty)
            #expect(try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID]) == [userID: "second"])
            #expect(
                try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID], totalsOnly: true)
                    == [userID: "second totals"])
            #expect(try await store.storeLockedFigures([], lockID: lock.id, attendanceType: .workSchedule) == false)
            #expect(try await store.lockedMonths(companyID: otherCompanyID).isEmpty)
            let sealed = try await store.sql().raw("SELECT figures_sealed, totals_sealed, cnp_sealed FROM locked_month_employees").all()
            #expect(try sealed.allSatisfy { try $0.decode(column: "figures_sealed", as: String.self) != "second" }, "figures are sealed")
            #expect(try sealed.allSatisfy { try !$0.decode(column: "totals_sealed", as: String.self).contains("totals") }, "totals are sealed")

            // MUT + validation: a row locked before the totals were stored apart serves its whole figures for totals
            try await store.sql().raw("UPDATE locked_month_employees SET totals_sealed = NULL").run()
            #expect(
                try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID], totalsOnly: true)
                    == [userID: "second"])

            // MUT + validation: a server from before the totals were stored apart stores the row again, its figures
            // only: the totals left would be another computation's, so they are cleared and the figures serve
            let totals = try store.protector.seal("second totals") as String
            try await store.sql().raw("UPDATE locked_month_employees SET totals_sealed = \(bind: totals)").run()
            let olderServers = try store.protector.seal("third") as String
            try await store.sql().raw("UPDATE locked_month_employees SET figures_sealed = \(bind: olderServers)").run()
            #expect(
                try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID], totalsOnly: true)
                    == [userID: "third"])
            let cleared = try await store.sql().raw("SELECT totals_sealed FROM locked_month_employees").all()
            #expect(try cleared.map { try $0.decode(column: "totals_sealed", as: String?.self) } == [nil])

            // MUT: unlock
            #expect(try await store.unlockMonth(year: 2026, month: 11, companyID: companyID, actor: .commandLine))

            // validation: the lock and its figures are gone; a second unlock finds nothing
            #expect(try await store.lockedMonth(companyID: companyID, year: 2026, month: 11) == nil)
            #expect(try await store.sql().raw("SELECT id FROM locked_month_employees").all().isEmpty)
            #expect(try await store.unlockMonth(year: 2026, month: 11, companyID: companyID, actor: .commandLine) == false)
        }
    }

    @Test("iflow rotate-data-key moves the locked figures and their personal numbers to the new keys", arguments: DataKeyTests.backends)
    func rotationMovesLockedFigures(backend: DataKeyTests.Backend) async throws {
        let keys = DataKeyTests()
        try await keys.withDatabase(backend) { location in
            // setup: a locked month's figures sealed under the old keys
            let old = DataKeyring.generate()
            let companyID = try await keys.seed(location, old)
            let user = ReportUser(id: 1, fullName: "Angajat", cnp: "1800101221144", idCard: "BV700001", markNumber: "7", teamName: nil)
            try await keys.with(location, old) { store in
                guard case .started(let lock) = try await Self.begin(store, companyID: companyID) else {
                    Issue.record("not started")
                    return
                }
                let employee = LockedEmployee(user: user, isEnabled: true, figures: "{\"version\":1}", totals: "{\"version\":1,\"totals\":[]}")
                #expect(try await store.storeLockedFigures([employee], lockID: lock.id, attendanceType: .workSchedule))
                #expect(try await store.completeMonthLock(lockID: lock.id))
            }
            let rotated = old.addingKeys()

            // MUT
            try await keys.with(location, rotated) { store in
                _ = try await store.migrateCheckingDataKeys(allowUnfinishedRotation: true)
                try await store.rotateDataKeys(batchSize: 2)
            }

            // validation: with only the new keys, the figures open and the employee is found by CNP and id card
            try await keys.with(location, rotated.droppingOldKeys()) { store in
                _ = try await store.migrateCheckingDataKeys()
                let lock = try #require(try await store.lockedMonth(companyID: companyID, year: 2026, month: 11))
                for selector in [UserSelector.cnp("1800101221144"), .idCard("BV700001")] {
                    var filter = ReportFilter()
                    filter.user = selector
                    #expect(try await store.lockedEmployees(lockID: lock.id, attendanceType: .workSchedule, filter: filter) == [user])
                }
                #expect(try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [1]) == [1: "{\"version\":1}"])
                #expect(
                    try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [1], totalsOnly: true)
                        == [1: "{\"version\":1,\"totals\":[]}"])

                // MUT + validation: figures or totals sealed under a data key the database does not use are refused
                for column in ["figures_sealed", "totals_sealed"] {
                    await #expect(throws: (any Error).self, "\(column)") {
                        try await store.sql().raw("UPDATE locked_month_employees SET \(unsafeRaw: column) = 'k0000000.AAAA'").run()
                    }
                }
                #expect(
                    try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [1], totalsOnly: true)
                        == [1: "{\"version\":1,\"totals\":[]}"])
            }
        }
    }

    @Test("012 reverts to the schema of 011 and migrates again: figures and totals are stored and served apart again", arguments: Backend.available)
    func totalsMigrationReverts(backend: Backend) async throws {
        try await AttendanceStoreTests.withStore(on: backend) { store, companyID, _ in
            // setup: back to 011
            try await AddLockedMonthTotals().revert(on: store.database())
            try await store.sql().raw("DELETE FROM _fluent_migrations WHERE name = \(bind: AddLockedMonthTotals.migrationName)").run()
            #expect(try await store.pendingMigrations() == [AddLockedMonthTotals.migrationName])
            await #expect(throws: (any Error).self) { try await store.sql().raw("SELECT totals_sealed FROM locked_month_employees").all() }
            guard case .started(let lock) = try await Self.begin(store, companyID: companyID) else {
                Issue.record("not started")
                return
            }
            let userID = try await AttendanceStoreTests.addEmployees(1, store: store, companyID: companyID)[0]
            let user = ReportUser(id: userID, fullName: "Angajat 0", cnp: nil, idCard: nil, markNumber: nil, teamName: nil)

            // MUT
            try await store.migrate()

            // validation: figures and totals are stored and served apart again
            #expect(try await store.pendingMigrations().isEmpty)
            let employee = LockedEmployee(user: user, isEnabled: true, figures: "figures", totals: "totals")
            #expect(try await store.storeLockedFigures([employee], lockID: lock.id, attendanceType: .workSchedule))
            #expect(
                try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID], totalsOnly: true) == [
                    userID: "totals"
                ])
            #expect(try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID]) == [userID: "figures"])
        }
    }

    @Test("009 reverts to the schema of 008 and migrates again", arguments: Backend.available)
    func migrationReverts(backend: Backend) async throws {
        try await AttendanceStoreTests.withStore(on: backend) { store, companyID, _ in
            // setup: back to 008 (012 first, which adds to 009's table)
            try await AddLockedMonthTotals().revert(on: store.database())
            try await CreateLockedMonth().revert(on: store.database())
            try await store.sql().raw(
                "DELETE FROM _fluent_migrations WHERE name IN ('009_CreateLockedMonth', \(bind: AddLockedMonthTotals.migrationName))"
            ).run()
            #expect(try await store.pendingMigrations() == ["009_CreateLockedMonth", AddLockedMonthTotals.migrationName])
            await #expect(throws: (any Error).self) { try await store.sql().raw("SELECT id FROM locked_months").all() }

            // MUT
            try await store.migrate()

            // validation: locking works again, its figures stored and served
            #expect(try await store.pendingMigrations().isEmpty)
            guard case .started(let lock) = try await Self.begin(store, companyID: companyID) else {
                Issue.record("not started")
                return
            }
            let userID = try await AttendanceStoreTests.addEmployees(1, store: store, companyID: companyID)[0]
            let user = ReportUser(id: userID, fullName: "Angajat 0", cnp: nil, idCard: nil, markNumber: nil, teamName: nil)
            let employee = LockedEmployee(user: user, isEnabled: true, figures: "figures", totals: "totals")
            #expect(try await store.storeLockedFigures([employee], lockID: lock.id, attendanceType: .workSchedule))
            #expect(try await store.lockedFigures(lockID: lock.id, attendanceType: .workSchedule, userIDs: [userID]) == [userID: "figures"])
        }
    }
}

/// A flag one task sets and others read.
final class ManagedFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
