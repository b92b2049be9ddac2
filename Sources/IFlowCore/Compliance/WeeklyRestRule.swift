/// Weekly rest, Codul muncii art. 137(1), in the version in force on the week checked:
/// - from 11 May 2015 (as amended that day): "48 de ore consecutive, de regulă sâmbăta şi duminica";
/// - before (2011 republication): "în două zile consecutive", two consecutive calendar days without work.
///
/// A week runs Monday 00:00 to Monday 00:00, local time. A rest that overlaps the week counts for it at its full
/// length, so a rest from Sunday morning to Tuesday morning serves both weeks it touches.
enum WeeklyRestRule {
    static let restMinutes = 48 * 60
    /// The first day of the 48-hour text.
    static let fortyEightHoursSince = LocalDate(year: 2015, month: 5, day: 11)!

    static func warnings(ledger: WorkLedger, weeks: [LocalDate], calculator: ScheduleCalculator) -> [ComplianceWarning] {
        let rests = ledger.rests
        var warnings: [ComplianceWarning] = []
        for monday in weeks {
            let sunday = monday.adding(days: 6)
            guard ledger.worked(from: monday, through: sunday) > 0 else { continue }
            let measured: Int
            if monday >= fortyEightHoursSince {
                let weekStart = calculator.midnight(of: monday)
                let weekEnd = calculator.midnight(of: monday.adding(days: 7))
                let longest =
                    rests.filter { $0.start < weekEnd && $0.end > weekStart }.map { rest -> Int in
                        rest.start == Int.min || rest.end == Int.max ? Int.max : (rest.end - rest.start) / 60
                    }.max() ?? 0
                measured = longest
            } else {
                measured = longestFreeDays(ledger: ledger, monday: monday) * ClockTime.minutesPerDay
            }
            guard measured < restMinutes else { continue }
            warnings.append(
                ComplianceWarning(
                    rule: .weeklyRest, article: "art. 137(1)", from: monday, through: sunday, measuredMinutes: measured, limitMinutes: restMinutes
                )
            )
        }
        return warnings
    }

    /// The longest run of consecutive dates without work that overlaps the week, counting free days beyond its edges.
    private static func longestFreeDays(ledger: WorkLedger, monday: LocalDate) -> Int {
        var longest = 0
        var run = 0
        for offset in -6...13 {
            let dayNumber = monday.dayNumber + offset
            if ledger.workedByDay[dayNumber] == 0 {
                run += 1
                // A run counts once it reaches into the week.
                if offset >= 0 && offset - run + 1 <= 6 { longest = max(longest, run) }
            } else {
                run = 0
            }
        }
        return longest
    }
}
