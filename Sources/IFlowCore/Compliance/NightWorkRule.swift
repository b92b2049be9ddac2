/// Night workers, Codul muncii art. 125 (2011 republication, unchanged since).
///
/// Alin. (2): a night worker does at least 3 hours of night work (22:00-06:00) in a working day, or at least 30% of
/// the month's working time at night. Alin. (3): a night worker's normal working time is at most 8 hours a day on
/// average over a reference period of at most 3 calendar months. The check takes the longest period the law allows,
/// the 3 months ending with the month checked, and averages regular time (shifts less the break) over working days.
/// Alin. (4), 8 hours in any 24 for work in special conditions, needs facts the plans do not hold and is not checked.
enum NightWorkRule {
    static let nightDayMinutes = 3 * 60
    static let nightSharePercent = 30
    static let averageDayMinutes = 8 * 60
    static let referenceMonths = 3

    static func warnings(ledger: WorkLedger, months: [LocalDate], employee: ComplianceEmployee) -> [ComplianceWarning] {
        var warnings: [ComplianceWarning] = []
        for first in months {
            let last = first.lastOfMonth
            guard !employee.isMinor(on: last) else { continue }
            let inMonth = ledger.days.filter { $0.date >= first && $0.date <= last }
            let worked = inMonth.reduce(0) { $0 + $1.workedMinutes }
            let night = inMonth.reduce(0) { $0 + $1.nightMinutes }
            let isNightWorker = inMonth.contains { $0.nightMinutes >= nightDayMinutes } || (worked > 0 && night * 100 >= worked * nightSharePercent)
            guard isNightWorker else { continue }
            let referenceStart = first.firstOfMonth(adding: 1 - referenceMonths)
            let reference = ledger.days.filter { $0.date >= referenceStart && $0.date <= last && $0.regularMinutes > 0 }
            guard !reference.isEmpty else { continue }
            let average = reference.reduce(0) { $0 + $1.regularMinutes } / reference.count
            guard average > averageDayMinutes else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .nightWork, article: "art. 125(2)-(3)", from: referenceStart, through: last, measuredMinutes: average,
                    limitMinutes: averageDayMinutes, averageMinutes: average
                )
            )
        }
        return warnings
    }
}
