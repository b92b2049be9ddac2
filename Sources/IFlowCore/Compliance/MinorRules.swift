/// The limits for employees under 18 on the day (2011 republication, unchanged since):
/// - art. 112(2): at most 6 hours a day and 30 hours a week;
/// - art. 124: no overtime;
/// - art. 128(1): no night work (22:00-06:00, art. 125(1)).
///
/// A week in which the 18th birthday falls counts only the minutes of the days before it.
enum MinorRules {
    static let dayMinutes = 6 * 60
    static let weekMinutes = 30 * 60

    static func warnings(ledger: WorkLedger, weeks: [LocalDate], employee: ComplianceEmployee) -> [ComplianceWarning] {
        guard employee.eighteenthBirthday != nil else { return [] }
        var warnings: [ComplianceWarning] = []
        for day in ledger.days where employee.isMinor(on: day.date) {
            func warn(_ rule: ComplianceRule, _ article: String, measured: Int, limit: Int) {
                warnings.append(
                    ComplianceWarning(
                        rule: rule, article: article, from: day.date, through: day.date, start: day.start, end: day.end,
                        measuredMinutes: measured, limitMinutes: limit
                    )
                )
            }
            if day.workedMinutes > dayMinutes { warn(.minorDailyHours, "art. 112(2)", measured: day.workedMinutes, limit: dayMinutes) }
            if day.overtimeMinutes > 0 { warn(.minorOvertime, "art. 124", measured: day.overtimeMinutes, limit: 0) }
            if day.nightMinutes > 0 { warn(.minorNightWork, "art. 128(1)", measured: day.nightMinutes, limit: 0) }
        }
        for monday in weeks where employee.isMinor(on: monday) {
            let sunday = monday.adding(days: 6)
            let week = ledger.worked(from: monday, through: sunday, where: employee.isMinor(on:))
            guard week > weekMinutes else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .minorWeeklyHours, article: "art. 112(2)", from: monday, through: sunday, measuredMinutes: week, limitMinutes: weekMinutes
                )
            )
        }
        return warnings
    }
}
