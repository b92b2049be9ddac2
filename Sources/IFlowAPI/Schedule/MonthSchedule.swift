import IFlowCore
import IFlowStore

/// A month of a company's schedules: which employees it lists, and their computed months a batch at a time.
struct MonthSchedule: Sendable {
    let store: Store
    let calculator: ScheduleCalculator
    let companyID: Int
    let year: Int
    let month: Int
    /// The employees the month lists (`Store.reportUsers`), by id.
    let users: [ReportUser]

    static func load(
        store: Store, calculator: ScheduleCalculator, companyID: Int, year: Int, month: Int, filter: ReportFilter
    ) async throws
        -> MonthSchedule
    {
        let users = try await store.reportUsers(companyID: companyID, month: (year, month), filter: filter)
        return MonthSchedule(store: store, calculator: calculator, companyID: companyID, year: year, month: month, users: users)
    }

    /// The same month for `users[range]` only.
    func restricted(to range: Range<Int>) -> MonthSchedule {
        MonthSchedule(store: store, calculator: calculator, companyID: companyID, year: year, month: month, users: Array(users[range]))
    }

    var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    var lastDay: LocalDate { firstDay.adding(days: LocalDate.daysIn(month: month, year: year) - 1) }

    /// Reads the plans of `size` employees per query and hands each batch's computed months to `body`, in id order.
    ///
    /// The next batch is read while `body` handles the current one: the reading runs mostly on SQLite's thread and
    /// the computing on ours, so on two cores the two overlap. At most two batches are in memory; a failing `body`
    /// cancels the read in flight.
    func forEachBatch(size: Int, _ body: ([EmployeeMonth]) async throws -> Void) async throws {
        let from = firstDay.adding(days: -1)
        let through = lastDay
        let store = self.store
        let batches = stride(from: 0, to: users.count, by: size).map { users[$0..<min($0 + size, users.count)] }
        func read(_ index: Int) -> Task<[Int: [DayPlan]], any Error>? {
            guard index < batches.count else { return nil }
            let ids = batches[index].map(\.id)
            return Task { try await store.dayPlans(userIDs: ids, from: from, through: through) }
        }
        var next = read(0)
        defer { next?.cancel() }
        for (index, batch) in batches.enumerated() {
            guard let current = next else { break }
            next = read(index + 1)
            let plans = try await current.value
            try await body(batch.map { EmployeeMonth(user: $0, plans: plans[$0.id] ?? [], month: (year, month), calculator: calculator) })
        }
    }
}
