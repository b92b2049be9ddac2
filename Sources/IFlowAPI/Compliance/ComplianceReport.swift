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

    /// Each employee's warnings about `period`, in the order of `users`; `keep` picks the warnings to keep.
    ///
    /// The plans (and for `live`, the scans) are read over the whole window the rules look at: the reference period
    /// before `period` and the compensation window after it.
    func warnings(
        of users: [ComplianceUser], period: ClosedRange<LocalDate>, batchSize: Int = 250,
        keep: (ComplianceUser, ComplianceWarning) -> Bool = { _, _ in true }
    ) async throws -> [(user: ComplianceUser, warnings: [ComplianceWarning])] {
        let window = ComplianceCheck.window(for: period)
        // Every instant of the window's local dates in any zone (UTC offsets lie within -12 h and +14 h), as the live
        // report reads a month; the store adds the history before and the reset limit after that pairing needs.
        let secondsPerDay = ClockTime.minutesPerDay * 60
        let scansFrom = window.lowerBound.dayNumber * secondsPerDay - 14 * 3_600
        let scansThrough = (window.upperBound.dayNumber + 1) * secondsPerDay + 12 * 3_600
        var result: [(user: ComplianceUser, warnings: [ComplianceWarning])] = []
        result.reserveCapacity(users.count)
        var start = 0
        while start < users.count {
            let batch = users[start..<min(start + batchSize, users.count)]
            start += batch.count
            let ids = batch.map(\.id)
            let plans = try await store.dayPlans(userIDs: ids, from: window.lowerBound, through: window.upperBound)
            var scans: [Int: [Scan]] = [:]
            if let live {
                scans = try await store.reportScans(companyID: companyID, userIDs: ids, from: scansFrom, through: scansThrough, limits: live.limits)
            }
            for user in batch {
                let employee = ComplianceEmployee(
                    birthDate: ComplianceEmployee.birthDate(birthDateField: user.birthDate, cnp: user.cnp, today: today), shiftWork: user.shiftWork
                )
                let presence = live.map { live in
                    scans[user.id].map { ScanPairing(scans: $0, limits: live.limits, now: live.now).intervals(now: live.now) } ?? []
                }
                let found = check.warnings(for: employee, plans: plans[user.id] ?? [], presence: presence, period: period, today: today)
                result.append((user, found.filter { keep(user, $0) }))
            }
        }
        return result
    }
}
