/// Daily rest, Codul muncii art. 135 (text of the 2011 republication, unchanged since): between two working days at
/// least 12 consecutive hours (alin. 1); in shift work at least 8 hours between shifts (alin. 2).
///
/// The rest is the real time from one plan's last end to the next plan's first start, so a rest over a
/// daylight-saving night is an hour shorter or longer than the wall clock shows.
enum DailyRestRule {
    static let restMinutes = 12 * 60
    static let shiftWorkRestMinutes = 8 * 60

    static func warnings(days: [WorkDay], shiftWork: Bool) -> [ComplianceWarning] {
        let limit = shiftWork ? shiftWorkRestMinutes : restMinutes
        var warnings: [ComplianceWarning] = []
        for (before, after) in zip(days, days.dropFirst()) where after.start >= before.end {
            let rest = (after.start - before.end) / 60
            guard rest < limit else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .dailyRest, article: shiftWork ? "art. 135(2)" : "art. 135(1)", from: before.date, through: after.date,
                    start: before.end, end: after.start, measuredMinutes: rest, limitMinutes: limit
                )
            )
        }
        return warnings
    }
}
