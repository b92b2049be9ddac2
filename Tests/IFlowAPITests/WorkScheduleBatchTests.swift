import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@Suite("get_work_schedule across batches")
struct WorkScheduleBatchTests {
    @Test("a company larger than one batch: every employee once, in id order, each with their own hours")
    func manyBatches() async throws {
        try await withApp { client, f in
            // setup: 260 employees (the report reads 250 at a time), employee i planned 1 + i % 8 hours on one day.
            let count = 260
            let ids = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let update = try UserUpdate.parse([
                            "update_by": "id_card", "update_by_value": "RX\(100_000 + index)", "full_name": "Employee \(index)",
                        ]).get()
                        return (index, try await f.store.applyUserUpdate(update, companyID: f.companyID, actor: .commandLine).user.id)
                    }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
            }
            let day = try #require(LocalDate(year: 2025, month: 5, day: 6))
            let plans = try (0..<count).map { index in
                let shift = try #require(TimeRange(start: ClockTime(minutes: 8 * 60)!, end: ClockTime(minutes: (9 + index % 8) * 60)!))
                return (userID: ids[index]!, plan: DayPlan(date: day, shifts: [shift]))
            }
            try await f.store.importPlans(
                plans, companyID: f.companyID,
                calculator: ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania),
                actor: .commandLine)

            // MUT
            let reply = try await client.post(
                "/api/api_v2/user/get_work_schedule",
                ["api_key": f.key, "api_language": "en_US", "year": "2025", "month": "05", "include_days": "0", "totals": "regular"]
            )

            // validation
            let users = try reply.decode(WorkScheduleReplyMirror.self).users
            let listed = users.compactMap { Int($0.userID) }
            #expect(listed == ids.values.sorted())
            let expected = Dictionary(uniqueKeysWithValues: ids.map { index, id in (id, HoursFormat.hours(minutes: (1 + index % 8) * 60)) })
            for user in users {
                let id = try #require(Int(user.userID))
                #expect(user.totals == ["regular": expected[id]], "user \(id)")
            }
        }
    }
}
