import Foundation
import Testing

@testable import IFlowCore

@Suite("Schedule calculator")
struct ScheduleCalculatorTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    private func ranges(_ text: String) -> [TimeRange] { (try? TimeRangeList.parse(text).get()) ?? [] }

    /// Pieces as (date, kind, class, time, minutes) for compact comparison.
    private func summary(_ plan: DayPlan) -> [String] {
        calculator.pieces(of: plan).map { "\($0.date) \($0.kind.rawValue) \($0.dayClass.rawValue) \($0.time.rawValue) \($0.minutes)" }
    }

    /// The Saturdays before the last Sundays of March (spring forward) and October (fall back), Europe/Bucharest.
    static let dstNights: [(saturday: String, sunday: String, minutes: Int, onSunday: Int)] = [
        ("2019-03-30", "2019-03-31", 420, 300), ("2019-10-26", "2019-10-27", 540, 420),
        ("2020-03-28", "2020-03-29", 420, 300), ("2020-10-24", "2020-10-25", 540, 420),
        ("2021-03-27", "2021-03-28", 420, 300), ("2021-10-30", "2021-10-31", 540, 420),
        ("2023-03-25", "2023-03-26", 420, 300), ("2023-10-28", "2023-10-29", 540, 420),
        ("2024-03-30", "2024-03-31", 420, 300), ("2024-10-26", "2024-10-27", 540, 420),
        ("2025-03-29", "2025-03-30", 420, 300), ("2025-10-25", "2025-10-26", 540, 420),
    ]

    @Test("22:00-06:00 across a daylight-saving change lasts 7 h in spring and 9 h in autumn", arguments: dstNights)
    func dstNight(saturday: String, sunday: String, minutes: Int, onSunday: Int) {
        // setup
        let plan = DayPlan(date: day(saturday), shifts: ranges("22:00-06:00"))
        // MUT
        let pieces = calculator.pieces(of: plan)
        // validation
        #expect(pieces.reduce(0) { $0 + $1.minutes } == minutes)
        #expect(pieces.allSatisfy { $0.time == .night && $0.dayClass == .weekend && $0.kind == .regular })
        #expect(pieces.map(\.date.description) == [saturday, sunday])
        #expect(pieces.map(\.minutes) == [120, onSunday])
        #expect(calculator.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day(saturday)) == minutes)
    }

    @Test("an ordinary night is 8 h")
    func ordinaryNight() {
        #expect(
            summary(DayPlan(date: day("2019-11-13"), shifts: ranges("22:00-06:00"))) == [
                "2019-11-13 regular weekdays night 120", "2019-11-14 regular weekdays night 360",
            ])
    }

    @Test("times inside the changed hour: skipped ones move forward, repeated ones take the earlier occurrence")
    func changedHour() {
        // 2019-03-31 03:00-04:00 does not exist; 2019-10-27 03:00-04:00 happens twice.
        #expect(calculator.elapsedMinutes(of: TimeRange("02:00-05:00")!, on: day("2019-03-31")) == 120)
        #expect(calculator.elapsedMinutes(of: TimeRange("03:30-05:00")!, on: day("2019-03-31")) == 30)
        #expect(calculator.elapsedMinutes(of: TimeRange("03:30-04:15")!, on: day("2019-03-31")) == 0)
        #expect(calculator.elapsedMinutes(of: TimeRange("02:00-05:00")!, on: day("2019-10-27")) == 240)
        #expect(calculator.elapsedMinutes(of: TimeRange("03:30-04:30")!, on: day("2019-10-27")) == 120)
        #expect(calculator.elapsedMinutes(of: TimeRange("00:00-24:00")!, on: day("2019-03-31")) == 1380)
        #expect(calculator.elapsedMinutes(of: TimeRange("00:00-24:00")!, on: day("2019-10-27")) == 1500)
        #expect(calculator.elapsedMinutes(of: TimeRange("08:00-08:00")!, on: day("2019-10-26")) == 1500)
    }

    @Test("a night shift on 30 November gives 2 h to November and 6 h to December")
    func monthBoundary() {
        // setup
        let plans = [DayPlan(date: day("2019-11-30"), shifts: ranges("22:00-06:00"))]
        // MUT
        let november = calculator.totals(for: plans, in: (2019, 11))
        let december = calculator.totals(for: plans, in: (2019, 12))
        // validation: 30 November (Saint Andrew) and 1 December (National Day) are both holidays.
        #expect(november.minutes(base: .regular) == 120)
        #expect(november.minutes(base: .regular, dayClass: .holiday, time: .night) == 120)
        #expect(december.minutes(base: .regular) == 360)
        #expect(december.minutes(base: .regular, dayClass: .holiday, time: .night) == 360)
    }

    @Test("a night shift on New Year's Eve gives 6 holiday night hours to January")
    func newYear() {
        let plans = [DayPlan(date: day("2019-12-31"), shifts: ranges("22:00-06:00"))]
        let december = calculator.totals(for: plans, in: (2019, 12))
        let january = calculator.totals(for: plans, in: (2020, 1))
        #expect(december.minutes(base: .regular, dayClass: .weekdays, time: .night) == 120)
        #expect(december.minutes(base: .regular) == 120)
        #expect(january.minutes(base: .regular, dayClass: .holiday, time: .night) == 360)
        #expect(january.minutes(base: .regular) == 360)
        #expect(calculator.totals(for: plans, in: (2020, 13)).isZero)
    }

    @Test("day classes: holiday, weekend, weekdays")
    func dayClasses() {
        #expect(summary(DayPlan(date: day("2019-12-25"), shifts: ranges("08:00-16:00"))) == ["2019-12-25 regular holiday day 480"])
        #expect(summary(DayPlan(date: day("2019-12-21"), shifts: ranges("08:00-16:00"))) == ["2019-12-21 regular weekend day 480"])
        #expect(summary(DayPlan(date: day("2019-12-22"), shifts: ranges("08:00-16:00"))) == ["2019-12-22 regular weekend day 480"])
        #expect(summary(DayPlan(date: day("2019-12-19"), shifts: ranges("08:00-16:00"))) == ["2019-12-19 regular weekdays day 480"])
        // A holiday on a Sunday is a holiday.
        #expect(calculator.dayClass(of: day("2019-12-01")) == .holiday)
    }

    @Test("20:00-23:00 is 2 h day and 1 h night")
    func dayNightSplit() {
        #expect(
            summary(DayPlan(date: day("2019-12-19"), shifts: ranges("20:00-23:00"))) == [
                "2019-12-19 regular weekdays day 120", "2019-12-19 regular weekdays night 60",
            ])
        #expect(
            summary(DayPlan(date: day("2019-12-19"), shifts: ranges("05:00-07:00"))) == [
                "2019-12-19 regular weekdays night 60", "2019-12-19 regular weekdays day 60",
            ])
    }

    @Test("a 24 h shift from Friday morning is cut at 22:00, midnight and 06:00")
    func fullDay() {
        #expect(
            summary(DayPlan(date: day("2019-12-20"), shifts: ranges("08:00-08:00"))) == [
                "2019-12-20 regular weekdays day 840", "2019-12-20 regular weekdays night 120",
                "2019-12-21 regular weekend night 360", "2019-12-21 regular weekend day 120",
            ])
    }

    @Test("overtime and time off are counted apart from regular time, without the break")
    func kinds() {
        // setup
        let plan = DayPlan(
            date: day("2019-12-19"), shifts: ranges("08:00-16:00"), breakMinutes: 30, overtime: ranges("16:00-23:00"), timeOff: ranges("06:00-08:00")
        )
        // MUT
        let totals = calculator.totals(for: [plan])
        // validation
        #expect(
            summary(plan) == [
                "2019-12-19 regular weekdays day 450", "2019-12-19 overtime weekdays day 360", "2019-12-19 overtime weekdays night 60",
                "2019-12-19 time_off weekdays day 120",
            ])
        #expect(totals.minutes(base: .regular) == 450)
        #expect(totals.minutes(base: .overtime) == 420)
        #expect(totals.minutes(base: .overtime, time: .night) == 60)
        #expect(totals.minutes(base: .total) == 870)
        #expect(totals.minutes(base: .timeOff) == 120)
        #expect(totals.minutes(base: .overtimeBalance) == 300)
        #expect(totals.minutes(TotalsToken("overtime_balance_night")!) == 60)
    }

    @Test("the overtime balance goes negative when time off exceeds overtime")
    func negativeBalance() {
        let plan = DayPlan(date: day("2019-12-19"), type: .work, timeOff: ranges("08:00-12:00"))
        let totals = calculator.totals(for: [plan])
        #expect(totals.minutes(base: .overtimeBalance) == -240)
        #expect(HoursFormat.hours(minutes: totals.minutes(base: .overtimeBalance)) == "-4.00")
    }

    /// Wednesday 2019-11-13, a weekday followed by a weekday.
    static let breakCases: [(shifts: String, breakMinutes: Int, pieces: [String])] = [
        ("08:00-16:00", 30, ["2019-11-13 day 450"]),
        ("08:00-12:00,13:00-17:00", 60, ["2019-11-13 day 180", "2019-11-13 day 240"]),
        // No day minutes on D: the break comes out of D's night.
        ("22:00-06:00", 30, ["2019-11-13 night 90", "2019-11-14 night 360"]),
        // D's day minutes first, then D's night, then the next day's pieces in order.
        ("20:00-06:00", 60, ["2019-11-13 day 60", "2019-11-13 night 120", "2019-11-14 night 360"]),
        ("20:00-06:00", 180, ["2019-11-13 night 60", "2019-11-14 night 360"]),
        ("20:00-06:00", 300, ["2019-11-14 night 300"]),
        ("23:00-07:00", 120, ["2019-11-14 night 300", "2019-11-14 day 60"]),
        ("23:00-07:00", 400, ["2019-11-14 night 20", "2019-11-14 day 60"]),
        // Night minutes early on D count as D's night, before the next day's.
        ("04:00-07:00,22:00-02:00", 90, ["2019-11-13 night 90", "2019-11-13 night 120", "2019-11-14 night 120"]),
        // Never negative: a break longer than the shifts leaves nothing; a negative break deducts nothing.
        ("08:00-09:00", 90, []),
        ("08:00-09:00", -15, ["2019-11-13 day 60"]),
    ]

    @Test("breaks come out of the plan date's day minutes, then its night minutes, then the following pieces", arguments: breakCases)
    func breaks(shifts: String, breakMinutes: Int, pieces: [String]) {
        // setup
        let plan = DayPlan(date: day("2019-11-13"), shifts: ranges(shifts), breakMinutes: breakMinutes)
        // MUT
        let actual = calculator.pieces(of: plan)
        // validation
        #expect(actual.map { "\($0.date) \($0.time.rawValue) \($0.minutes)" } == pieces)
        #expect(actual.allSatisfy { $0.kind == .regular && $0.minutes > 0 })
    }

    @Test("daily minutes list every date of the month and add up to the month's totals")
    func daily() {
        // setup
        let plans = [
            DayPlan(date: day("2019-11-30"), shifts: ranges("22:00-06:00")),
            DayPlan(date: day("2019-12-02"), shifts: ranges("08:00-16:00"), breakMinutes: 30, overtime: ranges("16:00-18:00")),
            DayPlan(date: day("2019-12-31"), shifts: ranges("22:00-06:00"), timeOff: ranges("08:00-09:00")),
        ]
        // MUT
        let rows = calculator.dailyMinutes(for: plans, in: (2019, 12))
        // validation
        #expect(rows.count == 31)
        #expect(rows.first?.date.description == "2019-12-01")
        #expect(rows.last?.date.description == "2019-12-31")
        #expect(rows[0].regular == 360)
        #expect(rows[1].regular == 450)
        #expect(rows[1].overtime == 120)
        #expect(rows[30].regular == 120)
        #expect(rows[30].timeOff == 60)
        #expect(rows.reduce(HourTotals()) { $0 + $1.totals } == calculator.totals(for: plans, in: (2019, 12)))
        #expect(calculator.dailyMinutes(for: plans, in: (2019, 0)).isEmpty)
    }

    @Test("plans outside the calendar's years are still measured, without holidays")
    func outsideCachedYears() {
        let narrow = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: HolidayCalendar(years: 2019...2019))
        let night = DayPlan(date: day("2030-03-30"), shifts: ranges("22:00-06:00"))
        #expect(narrow.pieces(of: night).map(\.minutes) == [120, 300])
        #expect(narrow.dayClass(of: day("2030-12-25")) == .weekdays)
        #expect(calculator.dayClass(of: day("2030-12-25")) == .holiday)
    }

    @Test("other time zones: UTC has no changes, New York changes at 02:00")
    func otherZones() {
        let utc = ScheduleCalculator(timeZone: TimeZone(identifier: "UTC")!, holidays: .romania)
        #expect(utc.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day("2019-03-30")) == 480)
        let newYork = ScheduleCalculator(timeZone: TimeZone(identifier: "America/New_York")!, holidays: .romania)
        #expect(newYork.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day("2019-03-09")) == 420)
        #expect(newYork.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day("2019-11-02")) == 540)
        #expect(newYork.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day("2019-03-30")) == 480)
    }
}
