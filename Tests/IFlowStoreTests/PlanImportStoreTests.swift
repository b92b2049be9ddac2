import Foundation
import IFlowCore
import SQLKit
import Testing

@testable import IFlowStore

/// The store's side of `schedule/import`: rows staged in several calls (by `COPY` on PostgreSQL, by `INSERT` on
/// SQLite) come back field for field, duplicates across the calls are found, and the applied plans are the staged ones.
@Suite("Plan import store")
struct PlanImportStoreTests {
    typealias Backend = StoreBackend

    /// A migrated store with a company and `employees` employees of it.
    static func withStore(on backend: Backend, employees: Int, _ body: (Store, _ companyID: Int, _ userIDs: [Int]) async throws -> Void) async throws
    {
        try await backend.withMigratedStore { store in
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            let companyID = try #require(company.id)
            var ids: [Int] = []
            for index in 0..<employees {
                let update = try UserUpdate.parse(
                    ["update_by": "id_card", "update_by_value": "RX\(100_000 + index)", "full_name": "Angajat \(index)"]
                ).get()
                ids.append(try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine).user.id)
            }
            try await body(store, companyID, ids)
        }
    }

    static let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    static func ranges(_ text: String) throws -> [TimeRange] { try TimeRangeList.parse(text).get() }

    /// Employee `e`'s plan of day `d` (from 1 March 2027): every kind of field, varied by employee and day.
    static func plan(_ e: Int, _ d: Int) throws -> DayPlan {
        let date = LocalDate(year: 2027, month: 3, day: 1)!.adding(days: d)
        switch (e + d) % 4 {
        case 0: return DayPlan(date: date, shifts: try ranges("08:00-16:30"), breakMinutes: 30)
        case 1: return DayPlan(date: date, shifts: try ranges("22:00-06:00"), breakMinutes: 0, overtime: try ranges("21:00-22:00"))
        case 2:
            return DayPlan(
                date: date, shifts: try ranges("07:00-11:00,12:00-16:00"), breakMinutes: 15, timeOff: try ranges("09:00-10:00"))
        default: return DayPlan(date: date, type: .CO)
        }
    }

    @Test("rows staged in several calls are applied field for field; a duplicate across calls is found", arguments: Backend.available)
    func stagedAndApplied(_ backend: Backend) async throws {
        try await Self.withStore(on: backend, employees: 30) { store, companyID, ids in
            var rows: [StagedPlan] = []
            for d in 0..<12 {
                for (e, id) in ids.enumerated() { rows.append(StagedPlan(line: rows.count + 2, userID: id, plan: try Self.plan(e, d))) }
            }
            // MUT: three calls of uneven size, the last larger than one INSERT's rows.
            let planImport = try await store.beginPlanImport(companyID: companyID)
            try await store.stage(Array(rows[0..<7]), in: planImport)
            try await store.stage(Array(rows[7..<(rows.count - 10)]), in: planImport)
            try await store.stage(Array(rows[(rows.count - 10)...]), in: planImport)
            #expect(try await store.duplicateLines(in: planImport, limit: 10).isEmpty)

            // A second import holding, in its second call, a row for the same employee and day as its first call's.
            let other = try await store.beginPlanImport(companyID: companyID)
            try await store.stage([rows[3]], in: other)
            var again = rows[3]
            again.line = 90
            try await store.stage([rows[4], again], in: other)
            #expect(try await store.duplicateLines(in: other, limit: 10) == [90])
            try await store.discardPlanImport(other)

            let summary = try await store.applyPlanImport(planImport, calculator: Self.calculator, actor: .commandLine, listing: 10)
            try await store.discardPlanImport(planImport)
            #expect(summary.rows == rows.count)
            #expect(summary.users == ids.count)
            #expect(summary.first == LocalDate(year: 2027, month: 3, day: 1))
            #expect(summary.last == LocalDate(year: 2027, month: 3, day: 12))

            let stored = try await store.dayPlans(
                userIDs: ids, from: LocalDate(year: 2027, month: 2, day: 28)!, through: LocalDate(year: 2027, month: 3, day: 31)!)
            for (e, id) in ids.enumerated() {
                #expect(stored[id] == (try (0..<12).map { try Self.plan(e, $0) }), "employee \(e)")
            }
            struct Count: Decodable { var n: Int }
            let left = try await store.sql().raw("SELECT COUNT(*) AS n FROM plan_import_rows").first(decoding: Count.self)?.n
            #expect(left == 0)
        }
    }

    @Test("on PostgreSQL the staging table is unlogged; the plans it feeds are not", .enabled(if: TestStores.postgresAdminURL != nil))
    func unloggedOnPostgres() async throws {
        try await Self.withStore(on: .postgres, employees: 0) { store, _, _ in
            struct Row: Decodable {
                var relname: String
                var relpersistence: String
            }
            let rows = try await store.sql().raw(
                "SELECT relname, relpersistence::text AS relpersistence FROM pg_class WHERE relname IN ('plan_import_rows', 'day_plans') ORDER BY relname"
            ).all(decoding: Row.self)
            #expect(rows.map(\.relname) == ["day_plans", "plan_import_rows"])
            #expect(rows.map(\.relpersistence) == ["p", "u"])
        }
    }

    @Test(
        "COPY's text format escapes what would end or change a column",
        arguments: [
            ("08:00-16:00", "08:00-16:00"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"), ("a\rb", "a\\rb"), ("a\\b", "a\\\\b"),
            ("ță\t\\", "ță\\t\\\\"), ("", ""),
        ])
    func copyEscapes(_ value: String, _ expected: String) {
        #expect(PlanImportCopy.escaped(value) == expected)
    }

    @Test("a row's COPY line has every column in order")
    func copyLine() throws {
        let planImport = PlanImport(id: "0000000001-ab-cd", companyID: 7)
        let plan = DayPlan(date: LocalDate(year: 2027, month: 3, day: 2)!, shifts: try Self.ranges("22:00-06:00"), breakMinutes: 20)
        let buffer = PlanImportCopy.text(of: [StagedPlan(line: 12, userID: 345, plan: plan)], in: planImport)
        #expect(String(buffer: buffer) == "0000000001-ab-cd\t12\t7\t345\t2027-03-02\twork\t22:00-06:00\t20\t\t\n")
    }
}
