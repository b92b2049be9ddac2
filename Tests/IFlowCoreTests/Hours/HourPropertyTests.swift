import Foundation
import Testing

@testable import IFlowCore

@Suite("Hour properties over random schedules")
struct HourPropertyTests {
    private let timeZone = TimeZone(identifier: "Europe/Bucharest")!
    private var calculator: ScheduleCalculator { ScheduleCalculator(timeZone: timeZone, holidays: .romania) }

    /// Foundation's calendar in the same zone: the independent reference for instants and local dates.
    private var referenceCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// A random date in 2015-2030; one in three lands in the last ten days of March or October, around the changes.
    private func randomDate(_ random: inout SplitMix64) -> LocalDate {
        if Int.random(in: 0..<3, using: &random) == 0 {
            let month = Bool.random(using: &random) ? 3 : 10
            return LocalDate(year: Int.random(in: 2015...2030, using: &random), month: month, day: Int.random(in: 22...31, using: &random))!
        }
        let first = LocalDate(year: 2015, month: 1, day: 1)!.dayNumber
        let last = LocalDate(year: 2030, month: 12, day: 31)!.dayNumber
        return LocalDate(dayNumber: Int.random(in: first...last, using: &random))
    }

    /// Minutes on the hour or half hour half of the time, so boundaries (06:00, 22:00, the changed hour) are hit exactly.
    private func randomMinutes(_ range: ClosedRange<Int>, _ random: inout SplitMix64) -> Int {
        let value = Int.random(in: range, using: &random)
        return Bool.random(using: &random) ? value : value / 30 * 30
    }

    /// A valid plan with up to four disjoint ranges shared out among shifts, overtime and time off.
    private func randomPlan(on date: LocalDate, _ random: inout SplitMix64) -> DayPlan {
        var plan = DayPlan(date: date)
        let day = ClockTime.minutesPerDay
        var cursor = randomMinutes(0...(day - 1), &random)
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let start = cursor + randomMinutes(0...180, &random)
            guard start < day else { break }
            let length = Int.random(in: 0..<10, using: &random) == 0 ? day : max(1, randomMinutes(1...720, &random))
            let end = start + length
            let range = TimeRange(start: ClockTime(minutes: start)!, end: ClockTime(minutes: end <= day ? end : end - day)!)!
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<12: plan.shifts.append(range)
            case 12..<17: plan.overtime.append(range)
            default: plan.timeOff.append(range)
            }
            cursor = end
        }
        let shiftMinutes = plan.shifts.reduce(0) { $0 + $1.wallMinutes }
        plan.breakMinutes = Int.random(in: 0...min(shiftMinutes, 180), using: &random)
        return plan
    }

    /// The instant of `minutes` after the local midnight starting `date`, by Foundation.
    private func referenceInstant(_ date: LocalDate, _ minutes: Int) -> Date {
        let local = date.adding(days: minutes / ClockTime.minutesPerDay)
        let hour = minutes % ClockTime.minutesPerDay / 60
        let components = DateComponents(year: local.year, month: local.month, day: local.day, hour: hour, minute: minutes % 60)
        return referenceCalendar.date(from: components)!
    }

    private func referenceElapsed(_ ranges: [TimeRange], on date: LocalDate) -> Int {
        ranges.reduce(0) { sum, range in
            let seconds = referenceInstant(date, range.endOffsetMinutes).timeIntervalSince(referenceInstant(date, range.start.minutes))
            return sum + max(0, Int(seconds) / 60)
        }
    }

    /// The totals identities every bucket must satisfy.
    private func checkIdentities(_ totals: HourTotals, sourceLocation: SourceLocation = #_sourceLocation) {
        for base in HourBase.allCases {
            let whole = totals.minutes(base: base)
            #expect(DayClass.allCases.reduce(0) { $0 + totals.minutes(base: base, dayClass: $1) } == whole, sourceLocation: sourceLocation)
            #expect(TimeOfDay.allCases.reduce(0) { $0 + totals.minutes(base: base, time: $1) } == whole, sourceLocation: sourceLocation)
            for dayClass in DayClass.allCases {
                let cells = TimeOfDay.allCases.reduce(0) { $0 + totals.minutes(base: base, dayClass: dayClass, time: $1) }
                #expect(cells == totals.minutes(base: base, dayClass: dayClass), sourceLocation: sourceLocation)
            }
        }
        for token in TotalsToken.all {
            let total = totals.minutes(TotalsToken(base: .total, dayClass: token.dayClass, time: token.time))
            let regular = totals.minutes(TotalsToken(base: .regular, dayClass: token.dayClass, time: token.time))
            let overtime = totals.minutes(TotalsToken(base: .overtime, dayClass: token.dayClass, time: token.time))
            let timeOff = totals.minutes(TotalsToken(base: .timeOff, dayClass: token.dayClass, time: token.time))
            let balance = totals.minutes(TotalsToken(base: .overtimeBalance, dayClass: token.dayClass, time: token.time))
            #expect(total == regular + overtime, sourceLocation: sourceLocation)
            #expect(balance == overtime - timeOff, sourceLocation: sourceLocation)
        }
    }

    @Test("2,000 random plans: the daily minutes add up to the real elapsed time less the break, and buckets add up")
    func randomPlans() {
        var random = SplitMix64(seed: 20_191_130)
        let calculator = calculator
        for _ in 0..<2000 {
            // setup
            let plan = randomPlan(on: randomDate(&random), &random)
            #expect(plan.validate().isEmpty, "generator made an invalid plan \(plan)")
            // MUT
            let byDate = calculator.minutesByDate(of: [plan])
            // validation
            let totals = byDate.values.reduce(HourTotals(), +)
            let shiftElapsed = referenceElapsed(plan.shifts, on: plan.date)
            #expect(totals.minutes(kind: .regular) == max(0, shiftElapsed - plan.breakMinutes), "\(plan)")
            #expect(totals.minutes(kind: .overtime) == referenceElapsed(plan.overtime, on: plan.date), "\(plan)")
            #expect(totals.minutes(kind: .timeOff) == referenceElapsed(plan.timeOff, on: plan.date), "\(plan)")
            #expect(byDate.keys.allSatisfy { $0 == plan.date || $0 == plan.date.adding(days: 1) }, "\(plan)")
            #expect(calculator.cells(of: [plan]).allSatisfy { $0.minutes > 0 }, "\(plan)")
            checkIdentities(totals)
            for dayTotals in byDate.values { checkIdentities(dayTotals) }
        }
    }

    @Test("500 random plans without breaks: every minute lands on Foundation's local date and day/night side")
    func minuteByMinute() {
        var random = SplitMix64(seed: 77)
        let calculator = calculator
        let calendar = referenceCalendar
        for _ in 0..<500 {
            // setup
            var plan = randomPlan(on: randomDate(&random), &random)
            plan.breakMinutes = 0
            var expected: [String: Int] = [:]
            for (kind, ranges) in [(HourKind.regular, plan.shifts), (.overtime, plan.overtime), (.timeOff, plan.timeOff)] {
                for range in ranges {
                    var instant = referenceInstant(plan.date, range.start.minutes)
                    let end = referenceInstant(plan.date, range.endOffsetMinutes)
                    while instant < end {
                        let local = calendar.dateComponents([.year, .month, .day, .hour], from: instant)
                        let date = LocalDate(year: local.year!, month: local.month!, day: local.day!)!
                        let night = local.hour! < 6 || local.hour! >= 22
                        let dayClass: DayClass = RomanianHolidays.holiday(on: date) != nil ? .holiday : date.isWeekend ? .weekend : .weekdays
                        expected["\(date) \(kind.rawValue) \(dayClass.rawValue) \(night ? "night" : "day")", default: 0] += 1
                        instant += 60
                    }
                }
            }
            // MUT
            var actual: [String: Int] = [:]
            for cell in calculator.cells(of: [plan]) {
                actual["\(cell.date) \(cell.kind.rawValue) \(cell.dayClass.rawValue) \(cell.time.rawValue)"] = cell.minutes
            }
            // validation
            #expect(actual == expected, "\(plan)")
        }
    }

    @Test("the months' daily minutes add up to each plan's own minutes and to the real elapsed time of all plans")
    func monthsAddUp() {
        var random = SplitMix64(seed: 4_242)
        let calculator = calculator
        for _ in 0..<20 {
            // setup: about three months of plans, starting on the last day of the month before.
            let firstMonth = LocalDate(year: Int.random(in: 2015...2030, using: &random), month: Int.random(in: 1...12, using: &random), day: 1)!
            var plans: [DayPlan] = []
            for offset in -1..<92 where Int.random(in: 0..<5, using: &random) != 0 {
                plans.append(randomPlan(on: firstMonth.adding(days: offset), &random))
            }
            var months: [(year: Int, month: Int)] = []
            var cursor = firstMonth.adding(days: -1)
            while cursor <= firstMonth.adding(days: 93) {
                months.append((cursor.year, cursor.month))
                let lastDay = LocalDate.daysIn(month: cursor.month, year: cursor.year)
                cursor = LocalDate(year: cursor.year, month: cursor.month, day: lastDay)!.adding(days: 1)
            }
            // MUT
            let monthly = months.map { calculator.dailyMinutes(for: plans, in: $0) }
            // validation: no minute is lost or counted twice at a month boundary.
            let monthTotals = monthly.map { rows in rows.reduce(HourTotals()) { $0 + $1.totals } }
            let everything = plans.reduce(HourTotals()) { sum, plan in calculator.minutesByDate(of: [plan]).values.reduce(sum, +) }
            #expect(monthTotals.reduce(HourTotals(), +) == everything)
            let elapsed = plans.reduce(0) { sum, plan in
                sum + max(0, referenceElapsed(plan.shifts, on: plan.date) - plan.breakMinutes) + referenceElapsed(plan.overtime, on: plan.date)
            }
            #expect(everything.minutes(base: .total) == elapsed)
            for (month, rows) in zip(months, monthly) {
                #expect(rows.count == LocalDate.daysIn(month: month.month, year: month.year))
                #expect(rows.allSatisfy { $0.date.year == month.year && $0.date.month == month.month })
            }
            for totals in monthTotals { checkIdentities(totals) }
            checkIdentities(everything)
        }
    }
}
