import IFlowCore
import IFlowStore

/// The Labour Code warnings of the employees a timesheet page shows, found by `ComplianceReport` exactly as
/// `compliance/get_warnings` finds them (the company's rules, the same look-back, the plan or the time present), for
/// the marks and the list.
struct TimesheetWarnings {
    /// The rules the company checks, in declaration order.
    var rulesChecked: [ComplianceRule]
    /// Each employee's warnings, by employee id.
    var byUser: [Int: [ComplianceWarning]]

    /// - Parameter live: for *Prezență reală*, the company's pairing limits and the instant open check-ins count up to
    ///   (`ComplianceReport.live`); `nil` checks the plans.
    static func load(
        store: Store, calculator: ScheduleCalculator, companyID: Int, userIDs: [Int], period: ClosedRange<LocalDate>,
        live: (limits: AttendanceLimits, now: Int)?
    ) async throws -> TimesheetWarnings {
        var report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: companyID)
        report.live = live
        let found = try await report.warnings(ofUserIDs: userIDs, period: period)
        return TimesheetWarnings(
            rulesChecked: report.check.rulesChecked, byUser: Dictionary(found.map { ($0.user.id, $0.warnings) }) { first, _ in first }
        )
    }

    /// The warnings that mark each date of `period` for one employee: a warning marks its first and last date, and
    /// the `worked` dates between them (a week without rest marks the days worked in it, not the free ones).
    static func marks(_ warnings: [ComplianceWarning], worked: Set<LocalDate>, period: ClosedRange<LocalDate>) -> [LocalDate: [ComplianceWarning]] {
        var marks: [LocalDate: [ComplianceWarning]] = [:]
        for warning in warnings {
            var date = max(warning.from, period.lowerBound)
            while date <= min(warning.through, period.upperBound) {
                if date == warning.from || date == warning.through || worked.contains(date) { marks[date, default: []].append(warning) }
                date = date.adding(days: 1)
            }
        }
        return marks
    }
}
