import Foundation
import IFlowCore
import IFlowStore

/// Runs a company's Labour Code checks over its employees' plans, or the time they were present, a batch of employees
/// per query.
struct ComplianceReport: Sendable {
    let store: Store
    let companyID: Int
    let check: ComplianceCheck
    /// The company's today, on which compensation expiries are judged.
    let today: LocalDate
    /// For `live_attendance`: the company's pairing limits and the instant (UTC seconds) open check-ins count up to;
    /// the rules then read the scans' time present instead of the planned shifts. `nil` checks the plans.
    var live: (limits: AttendanceLimits, now: Int)?

    /// The company's checks of its plans: its calculator and the rules it turned off.
    static func load(store: Store, calculator: ScheduleCalculator, companyID: Int) async throws -> ComplianceReport {
        let disabled = try await store.disabledComplianceRules(companyID: companyID)
        let today = calculator.localDate(ofInstant: Int(Date().timeIntervalSince1970))
        return ComplianceReport(
            store: store, companyID: companyID, check: ComplianceCheck(calculator: calculator, disabled: disabled), today: today)
    }

    /// The warnings about `period` of the company's employees `userIDs` (ids of other companies are left out), in id
    /// order; `keep` picks the warnings to keep.
    func warnings(
        ofUserIDs userIDs: [Int], period: ClosedRange<LocalDate>, batchSize: Int = 250,
        keep: (ComplianceUser, ComplianceWarning) -> Bool = { _, _ in true }
    ) async throws -> [(user: ComplianceUser, warnings: [ComplianceWarning])] {
        var result: [(user: ComplianceUser, warnings: [ComplianceWarning])] = []
        result.reserveCapacity(userIDs.count)
        try await forEachBatch(ofUserIDs: userIDs, period: period, batchSize: batchSize, keep: keep) { result += $0 }
        return result
    }

    /// Hands each batch of the employees' warnings about `period` to `body`, in id order.
    ///
    /// The employees, their plans (and for `live`, their scans) are read a batch at a time, over the whole window the
    /// rules look at: the reference period before `period` and the compensation window after it. The next batch is
    /// read while `body` and the rules handle the current one (the reading, the CNPs' opening included, runs mostly
    /// on SQLite's thread), as `MonthSchedule.forEachBatch` reads a month.
    func forEachBatch(
        ofUserIDs userIDs: [Int], period: ClosedRange<LocalDate>, batchSize: Int = 250,
        keep: (ComplianceUser, ComplianceWarning) -> Bool = { _, _ in true },
        _ body: ([(user: ComplianceUser, warnings: [ComplianceWarning])]) async throws -> Void
    ) async throws {
        let window = ComplianceCheck.window(for: period)
        // Every instant of the window's local dates in any zone (UTC offsets lie within -12 h and +14 h), as the live
        // report reads a month; the store adds the history before and the reset limit after that pairing needs.
        let secondsPerDay = ClockTime.minutesPerDay * 60
        let scansFrom = window.lowerBound.dayNumber * secondsPerDay - 14 * 3_600
        let scansThrough = (window.upperBound.dayNumber + 1) * secondsPerDay + 12 * 3_600
        let ids = userIDs.sorted()
        let batches = stride(from: 0, to: ids.count, by: batchSize).map { Array(ids[$0..<min($0 + batchSize, ids.count)]) }
        let (store, companyID, limits) = (self.store, self.companyID, live?.limits)
        typealias Batch = (users: [ComplianceUser], plans: [Int: [DayPlan]], scans: [Int: [Scan]])
        func read(_ index: Int) -> Task<Batch, any Error>? {
            guard index < batches.count else { return nil }
            let ids = batches[index]
            return Task {
                async let users = store.complianceUsers(companyID: companyID, userIDs: ids)
                async let plans = store.packedDayPlans(userIDs: ids, from: window.lowerBound, through: window.upperBound)
                var scans: [Int: [Scan]] = [:]
                if let limits {
                    scans = try await store.reportScans(companyID: companyID, userIDs: ids, from: scansFrom, through: scansThrough, limits: limits)
                }
                return (try await users, try await plans, scans)
            }
        }
        var next = read(0)
        defer { next?.cancel() }
        for index in batches.indices {
            guard let current = next else { break }
            next = read(index + 1)
            let read = try await current.value
            try await body(
                read.users.map { user in
                    let employee = ComplianceEmployee(
                        birthDate: ComplianceEmployee.birthDate(birthDateField: user.birthDate, cnp: user.cnp, today: today),
                        shiftWork: user.shiftWork
                    )
                    let presence = live.map { live in
                        read.scans[user.id].map { ScanPairing.intervals(of: $0, limits: live.limits, now: live.now) } ?? []
                    }
                    let found = check.warnings(for: employee, plans: read.plans[user.id] ?? [], presence: presence, period: period, today: today)
                    return (user, found.filter { keep(user, $0) })
                }
            )
        }
    }
}
