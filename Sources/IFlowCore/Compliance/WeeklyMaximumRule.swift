/// Maximum working time, Codul muncii art. 114 (2011 republication, unchanged since): at most 48 hours a week
/// including overtime (alin. 1); a longer week is lawful while the average over the reference period, 4 calendar
/// months by default (alin. 2), stays within 48 hours.
///
/// So a week over 48 hours is reported only when the average of the 4 calendar months ending with the week's month
/// (the month of its Thursday) is over 48 hours too. Minors are left to the 30-hour rule (alin. 6 excludes them).
enum WeeklyMaximumRule {
    static let weekMinutes = 48 * 60
    static let referenceMonths = 4

    static func warnings(ledger: WorkLedger, weeks: [LocalDate], employee: ComplianceEmployee) -> [ComplianceWarning] {
        var warnings: [ComplianceWarning] = []
        for monday in weeks {
            let sunday = monday.adding(days: 6)
            guard !employee.isMinor(on: monday) else { continue }
            let week = ledger.worked(from: monday, through: sunday)
            guard week > weekMinutes else { continue }
            let thursday = monday.adding(days: 3)
            let first = thursday.firstOfMonth(adding: 1 - referenceMonths)
            let last = thursday.lastOfMonth
            let days = last.dayNumber - first.dayNumber + 1
            let average = ledger.worked(from: first, through: last) * 7 / days
            guard average > weekMinutes else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .weeklyMaximum, article: "art. 114(1)-(2)", from: monday, through: sunday, measuredMinutes: week,
                    limitMinutes: weekMinutes, averageMinutes: average
                )
            )
        }
        return warnings
    }
}
