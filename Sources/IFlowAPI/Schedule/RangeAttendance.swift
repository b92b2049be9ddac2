import Foundation
import IFlowCore
import IFlowStore

/// Some employees' scans of a date range, with the history exact pairing needs, their pairs and their plans: what
/// `attendance/get_list`, `attendance/get_exceptions` and the timesheet's corrections read, the same way.
struct RangeAttendance<Stored> {
    var employee: ReportUser
    /// As `read` returned them: the range's scans and the history before it, in (instant, id) order.
    var scans: [Stored]
    var pairing: ScanPairing
    /// From the day before the range (a night shift runs into its first day) to its last.
    var plans: [DayPlan]

    /// Reads and pairs `employees`' scans of `dates`; `read` reads the scans of some employees between two instants
    /// (`Store.scans` with their origins, or the lean `Store.reportScans`) and `scan` is a row's bare scan.
    static func load(
        store: Store, company: CompanyContext, calculator: ScheduleCalculator, employees: [ReportUser], dates: ClosedRange<LocalDate>,
        read: (_ userIDs: [Int], _ from: Int, _ through: Int) async throws -> [Int: [Stored]], scan: KeyPath<Stored, Scan>
    ) async throws -> [RangeAttendance] {
        let ids = employees.map(\.id)
        let scans = try await read(ids, calculator.localDay(dates.lowerBound).start, calculator.localDay(dates.upperBound).end - 1)
        let plans = try await store.dayPlans(userIDs: ids, from: dates.lowerBound.adding(days: -1), through: dates.upperBound)
        let now = Int(Date().timeIntervalSince1970)
        let limits = company.attendance.limits
        return employees.map { employee in
            let stored = scans[employee.id] ?? []
            let pairing = ScanPairing(scans: stored.map { $0[keyPath: scan] }, limits: limits, now: now)
            return RangeAttendance(employee: employee, scans: stored, pairing: pairing, plans: plans[employee.id] ?? [])
        }
    }
}

extension RangeAttendance where Stored == Scan {
    /// `employees`' attendance exceptions of `dates` (late, early, missing check-out, no presence, presence without a
    /// plan), from the bare scans the live report reads.
    static func exceptions(
        store: Store, company: CompanyContext, calculator: ScheduleCalculator, employees: [ReportUser], dates: ClosedRange<LocalDate>
    ) async throws -> [(attendance: RangeAttendance, exceptions: [AttendanceException])] {
        let limits = company.attendance.limits
        let read: ([Int], Int, Int) async throws -> [Int: [Scan]] = { ids, from, through in
            try await store.reportScans(companyID: company.id, userIDs: ids, from: from, through: through, limits: limits)
        }
        let now = Int(Date().timeIntervalSince1970)
        return try await load(store: store, company: company, calculator: calculator, employees: employees, dates: dates, read: read, scan: \.self)
            .map { attendance in
                let found = calculator.exceptions(
                    plans: attendance.plans, pairing: attendance.pairing, now: now, graceMinutes: company.attendance.graceMinutes, in: dates)
                return (attendance, found)
            }
    }
}
