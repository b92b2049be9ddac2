/// Time off owed for overtime and for work on a public holiday, and when each hour of it expires.
///
/// - Overtime, Codul muncii art. 122(1): compensated with paid time off "în următoarele 60 de zile calendaristice după
///   efectuarea acesteia" in the 2011 republication; 90 calendar days for overtime worked from 22 October 2022, when
///   Legea 283/2022 (Monitorul Oficial 1013 of 19 October 2022) came into force. Time off not given by then is paid
///   with the premium of art. 123 (at least 75%).
/// - Public holidays, art. 142 (2011 republication): time off within the next 30 days, otherwise the premium of
///   art. 142(2) (at least 100%).
///
/// Time off taken on a date pays off the debts of earlier dates still open that day, the one expiring first first.
/// Work on a holiday is owed as holiday time, overtime included, and is not counted again as overtime.
enum CompensationRule {
    static let overtimeDaysBefore2022 = 60
    static let overtimeDays = 90
    static let holidayDays = 30
    /// The first day of the 90-day text of art. 122(1).
    static let ninetyDaysSince = LocalDate(year: 2022, month: 10, day: 22)!

    /// The last day time off may be given for overtime worked on `date`.
    static func overtimeExpiry(workedOn date: LocalDate) -> LocalDate {
        date.adding(days: date < ninetyDaysSince ? overtimeDaysBefore2022 : overtimeDays)
    }

    private struct Debt {
        let rule: ComplianceRule
        let date: LocalDate
        let expires: LocalDate
        var minutes: Int
    }

    static func warnings(ledger: WorkLedger, period: ClosedRange<LocalDate>, today: LocalDate, calculator: ScheduleCalculator) -> [ComplianceWarning]
    {
        let (work, off) = (ledger.workedByDay.range, ledger.timeOffByDay.range)
        let dayNumbers = work.isEmpty ? off : off.isEmpty ? work : min(work.lowerBound, off.lowerBound)..<max(work.upperBound, off.upperBound)
        var debts: [Debt] = []
        // A date without work or time off owes and pays nothing.
        for dayNumber in dayNumbers where ledger.workedByDay[dayNumber] > 0 || ledger.timeOffByDay[dayNumber] > 0 {
            let date = LocalDate(dayNumber: dayNumber)
            var timeOff = ledger.timeOffByDay[dayNumber]
            if timeOff > 0 {
                for index in debts.indices.sorted(by: { debts[$0].expires < debts[$1].expires }) where timeOff > 0 {
                    guard debts[index].minutes > 0, debts[index].expires >= date else { continue }
                    let taken = min(timeOff, debts[index].minutes)
                    debts[index].minutes -= taken
                    timeOff -= taken
                }
            }
            if calculator.dayClass(dayNumber: dayNumber) == .holiday {
                let worked = ledger.workedByDay[dayNumber]
                if worked > 0 { debts.append(Debt(rule: .holidayCompensation, date: date, expires: date.adding(days: holidayDays), minutes: worked)) }
            } else if ledger.overtimeByDay[dayNumber] > 0 {
                debts.append(
                    Debt(rule: .overtimeCompensation, date: date, expires: overtimeExpiry(workedOn: date), minutes: ledger.overtimeByDay[dayNumber]))
            }
        }
        return debts.filter { $0.minutes > 0 && period.contains($0.date) }.map { debt in
            let article =
                debt.rule == .holidayCompensation
                ? "art. 142" : debt.date < ninetyDaysSince ? "art. 122(1) (60 days), art. 123" : "art. 122(1), art. 123"
            return ComplianceWarning(
                rule: debt.rule, article: article, from: debt.date, through: debt.date, measuredMinutes: debt.minutes, limitMinutes: 0,
                expires: debt.expires, expired: debt.expires < today
            )
        }
    }
}
