import IFlowCore
import IFlowStore

/// Loads a company's employees, their plans and (live) their scans for one date, and answers each one's `DayStatus`:
/// the one builder behind the status endpoints and the Today page.
struct TodayBoard {
    let store: Store
    let calculators: CalculatorCache
    /// Employees whose plans and scans are read per query.
    static let batchSize = 500

    /// The employees employed on `date` (enabled unless the filter says otherwise), by id, with their status.
    /// - Parameters:
    ///   - now: the current instant (UTC seconds) when `date` is today; `nil` for a day ahead, which is read from the plan.
    ///   - attendanceType: `live_attendance` reads the scans (with `now` only), `work_schedule` the plan.
    func statuses(
        company: CompanyContext, date: LocalDate, now: Int?, attendanceType: AttendanceType, filter: ReportFilter = ReportFilter()
    ) async throws -> [EmployeeDayStatus] {
        let calculator = calculators.calculator(for: company.timeZone)
        let limits = company.attendance.limits
        let employees = try await store.reportUsers(companyID: company.id, from: date, through: date, filter: filter)
        let live = attendanceType == .liveAttendance ? now : nil
        var result: [EmployeeDayStatus] = []
        result.reserveCapacity(employees.count)
        for start in stride(from: 0, to: employees.count, by: Self.batchSize) {
            let batch = employees[start..<min(start + Self.batchSize, employees.count)]
            let ids = batch.map(\.id)
            let plans = try await store.dayPlans(userIDs: ids, from: date.adding(days: -1), through: date)
            var scans: [Int: [StoredScan]] = [:]
            if live != nil {
                let from = calculator.localDay(date.adding(days: -1)).start
                scans = try await store.scans(
                    companyID: company.id, userIDs: ids, from: from, through: calculator.localDay(date).end - 1, limits: limits)
            }
            for employee in batch {
                let employeePlans = plans[employee.id] ?? []
                guard let now = live else {
                    let status = DayStatus.planned(date: date, plans: employeePlans, now: now, calculator: calculator)
                    result.append(EmployeeDayStatus(employee: employee, status: status, events: []))
                    continue
                }
                let stored = scans[employee.id] ?? []
                let pairing = ScanPairing(scans: stored.map(\.scan), limits: limits, now: now)
                let status = DayStatus.live(
                    date: date, plans: employeePlans, pairing: pairing, now: now, graceMinutes: company.attendance.graceMinutes,
                    calculator: calculator
                )
                let origins = AttendanceEventReply.origins(of: stored)
                let events = status.pairs.map {
                    AttendanceEventReply(pair: $0, companyID: company.id, userID: employee.id, origins: origins, calculator: calculator)
                }
                result.append(EmployeeDayStatus(employee: employee, status: status, events: events))
            }
        }
        return result
    }
}
