/// Rest after a long day, Codul muncii art. 115(2) (2011 republication, unchanged since): a working day of 12 hours
/// is followed by 24 hours of rest.
///
/// A day counts from 12 hours of work (shifts less the break, plus overtime).
enum LongDayRestRule {
    static let longDayMinutes = 12 * 60
    static let restMinutes = 24 * 60

    static func warnings(days: [WorkDay]) -> [ComplianceWarning] {
        var warnings: [ComplianceWarning] = []
        for (before, after) in zip(days, days.dropFirst()) where before.workedMinutes >= longDayMinutes && after.start >= before.end {
            let rest = (after.start - before.end) / 60
            guard rest < restMinutes else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .longDayRest, article: "art. 115(2)", from: before.date, through: after.date, start: before.end, end: after.start,
                    measuredMinutes: rest, limitMinutes: restMinutes
                )
            )
        }
        return warnings
    }
}
