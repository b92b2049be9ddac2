import Foundation
import Testing

@testable import IFlowCore

@Suite("Schedule calculator")
struct ScheduleCalculatorTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    private func ranges(_ text: String) -> [TimeRange] { (try? TimeRangeList.parse(text).get()) ?? [] }

    /// The plan's non-zero cells as "date kind class time minutes", by date, kind, class and time.
    private func summary(_ plan: DayPlan) -> [String] { calculator.cells(of: [plan]).map(\.description) }

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
        let cells = calculator.cells(of: [plan])
        // validation
        #expect(cells.map(\.description) == ["\(saturday) regular weekend night 120", "\(sunday) regular weekend night \(onSunday)"])
        #expect(cells.reduce(0) { $0 + $1.minutes } == minutes)
        #expect(calculator.elapsedMinutes(of: TimeRange("22:00-06:00")!, on: day(saturday)) == minutes)
    }

    @Test("an ordinary night is 8 h")
    func ordinaryNight() {
        #expect(
            summary(DayPlan(date: day("2019-11-13"), shifts: ranges("22:00-06:00"))) == [
                "2019-11-13 regular weekdays night 120", "2019-11-14 regular weekdays night 360",
            ])
    }

    /// 2019-03-31 03:00-04:00 does not exist; 2019-10-27 03:00-04:00 happens twice.
    static let changedHourCases: [(range: String, date: String, minutes: Int)] = [
        ("02:00-05:00", "2019-03-31", 120), ("03:30-05:00", "2019-03-31", 30), ("03:30-04:15", "2019-03-31", 0),
        ("02:00-05:00", "2019-10-27", 240), ("03:30-04:30", "2019-10-27", 120),
        ("00:00-24:00", "2019-03-31", 1380), ("00:00-24:00", "2019-10-27", 1500), ("08:00-08:00", "2019-10-26", 1500),
    ]

    @Test("times inside the changed hour: skipped ones move forward, repeated ones take the earlier occurrence", arguments: changedHourCases)
    func changedHour(range: String, date: String, minutes: Int) {
        // MUT and validation
        #expect(calculator.elapsedMinutes(of: TimeRange(range)!, on: day(date)) == minutes)
    }

    @Test("a night shift on 30 November gives 2 h to November and 6 h to December")
    func monthBoundary() {
        // setup
        let plans = [DayPlan(date: day("2019-11-30"), shifts: ranges("22:00-06:00"))]
        // MUT
        let november = calculator.monthTotals(of: plans, in: (2019, 11))
        let december = calculator.monthTotals(of: plans, in: (2019, 12))
        // validation: 30 November (Saint Andrew) and 1 December (National Day) are both holidays.
        #expect(november.minutes(base: .regular) == 120)
        #expect(november.minutes(base: .regular, dayClass: .holiday, time: .night) == 120)
        #expect(december.minutes(base: .regular) == 360)
        #expect(december.minutes(base: .regular, dayClass: .holiday, time: .night) == 360)
    }

    @Test("a night shift on New Year's Eve gives 6 holiday night hours to January")
    func newYear() {
        // setup
        let plans = [DayPlan(date: day("2019-12-31"), shifts: ranges("22:00-06:00"))]
        // MUT
        let december = calculator.monthTotals(of: plans, in: (2019, 12))
        let january = calculator.monthTotals(of: plans, in: (2020, 1))
        // validation
        #expect(december.minutes(base: .regular, dayClass: .weekdays, time: .night) == 120)
        #expect(december.minutes(base: .regular) == 120)
        #expect(january.minutes(base: .regular, dayClass: .holiday, time: .night) == 360)
        #expect(january.minutes(base: .regular) == 360)
        #expect(calculator.dailyMinutes(for: plans, in: (2020, 13)).isEmpty)
    }

    @Test(
        "day classes: holiday, weekend, weekdays",
        arguments: [
            ("2019-12-25", "2019-12-25 regular holiday day 480"), ("2019-12-21", "2019-12-21 regular weekend day 480"),
            ("2019-12-22", "2019-12-22 regular weekend day 480"), ("2019-12-19", "2019-12-19 regular weekdays day 480"),
        ])
    func dayClasses(date: String, cell: String) {
        // setup
        let plan = DayPlan(date: day(date), shifts: ranges("08:00-16:00"))
        // MUT and validation
        #expect(summary(plan) == [cell])
    }

    @Test("a holiday on a Sunday is a holiday")
    func holidayOnSunday() {
        #expect(calculator.dayClass(of: day("2019-12-01")) == .holiday)
        #expect(summary(DayPlan(date: day("2019-12-01"), shifts: ranges("08:00-16:00"))) == ["2019-12-01 regular holiday day 480"])
    }

    @Test("20:00-23:00 is 2 h day and 1 h night; 05:00-07:00 is 1 h night and 1 h day")
    func dayNightSplit() {
        #expect(
            summary(DayPlan(date: day("2019-12-19"), shifts: ranges("20:00-23:00"))) == [
                "2019-12-19 regular weekdays day 120", "2019-12-19 regular weekdays night 60",
            ])
        #expect(
            summary(DayPlan(date: day("2019-12-19"), shifts: ranges("05:00-07:00"))) == [
                "2019-12-19 regular weekdays day 60", "2019-12-19 regular weekdays night 60",
            ])
    }

    @Test("a 24 h shift from Friday morning is cut at 22:00, midnight and 06:00")
    func fullDay() {
        #expect(
            summary(DayPlan(date: day("2019-12-20"), shifts: ranges("08:00-08:00"))) == [
                "2019-12-20 regular weekdays day 840", "2019-12-20 regular weekdays night 120",
                "2019-12-21 regular weekend day 120", "2019-12-21 regular weekend night 360",
            ])
    }

    @Test("overtime and time off are counted apart from regular time, without the break")
    func kinds() {
        // setup
        let plan = DayPlan(
            date: day("2019-12-19"), shifts: ranges("08:00-16:00"), breakMinutes: 30, overtime: ranges("16:00-23:00"), timeOff: ranges("06:00-08:00")
        )
        // MUT
        let totals = calculator.monthTotals(of: [plan], in: (2019, 12))
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
        // setup
        let plan = DayPlan(date: day("2019-12-19"), type: .work, timeOff: ranges("08:00-12:00"))
        // MUT
        let totals = calculator.monthTotals(of: [plan], in: (2019, 12))
        // validation
        #expect(totals.minutes(base: .overtimeBalance) == -240)
        #expect(HoursFormat.hours(minutes: totals.minutes(base: .overtimeBalance)) == "-4.00")
    }

    /// Wednesday 2019-11-13, a weekday followed by a weekday: each date's regular day and night minutes after the break.
    static let breakCases: [(shifts: String, breakMinutes: Int, cells: [String])] = [
        ("08:00-16:00", 30, ["2019-11-13 day 450"]),
        ("08:00-12:00,13:00-17:00", 60, ["2019-11-13 day 420"]),
        // No day minutes on D: the break comes out of D's night.
        ("22:00-06:00", 30, ["2019-11-13 night 90", "2019-11-14 night 360"]),
        // D's day minutes first, then D's night, then the next day's minutes in chronological order.
        ("20:00-06:00", 60, ["2019-11-13 day 60", "2019-11-13 night 120", "2019-11-14 night 360"]),
        ("20:00-06:00", 180, ["2019-11-13 night 60", "2019-11-14 night 360"]),
        ("20:00-06:00", 300, ["2019-11-14 night 300"]),
        ("23:00-07:00", 120, ["2019-11-14 day 60", "2019-11-14 night 300"]),
        // The next day's night (00:00-06:00) comes before its day (06:00-07:00).
        ("23:00-07:00", 400, ["2019-11-14 day 60", "2019-11-14 night 20"]),
        // Night minutes early on D count as D's night, before the next day's.
        ("04:00-07:00,22:00-02:00", 90, ["2019-11-13 night 210", "2019-11-14 night 120"]),
        // Never negative: a break longer than the shifts leaves nothing; a negative break deducts nothing.
        ("08:00-09:00", 90, []),
        ("08:00-09:00", -15, ["2019-11-13 day 60"]),
    ]

    @Test("breaks come out of the plan date's day minutes, then its night minutes, then the following minutes", arguments: breakCases)
    func breaks(shifts: String, breakMinutes: Int, cells: [String]) {
        // setup
        let plan = DayPlan(date: day("2019-11-13"), shifts: ranges(shifts), breakMinutes: breakMinutes)
        // MUT
        let actual = calculator.cells(of: [plan])
        // validation
        #expect(actual.map { "\($0.date) \($0.time.rawValue) \($0.minutes)" } == cells)
        #expect(actual.allSatisfy { $0.kind == .regular && $0.dayClass == .weekdays && $0.minutes > 0 })
    }

    @Test("daily minutes list every date of the month, with the month's part of the nights at either end")
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
        #expect(rows.map(\.date) == (0..<31).map { day("2019-12-01").adding(days: $0) })
        #expect(rows.filter { $0.totals != HourTotals() }.map(\.date.description) == ["2019-12-01", "2019-12-02", "2019-12-31"])
        #expect(rows[0].regular == 360)
        #expect(rows[1].regular == 450)
        #expect(rows[1].overtime == 120)
        #expect(rows[30].regular == 120)
        #expect(rows[30].timeOff == 60)
        #expect(calculator.monthTotals(of: plans, in: (2019, 12)).minutes(base: .total) == 360 + 450 + 120 + 120)
        #expect(calculator.dailyMinutes(for: plans, in: (2019, 0)).isEmpty)
    }

    @Test("plans outside the calendar's years are still measured, without holidays")
    func outsideCachedYears() {
        // setup
        let narrow = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: HolidayCalendar(years: 2019...2019))
        let night = DayPlan(date: day("2030-03-30"), shifts: ranges("22:00-06:00"))
        // MUT and validation
        #expect(narrow.cells(of: [night]).map(\.minutes) == [120, 300])
        #expect(narrow.dayClass(of: day("2030-12-25")) == .weekdays)
        #expect(calculator.dayClass(of: day("2030-12-25")) == .holiday)
        #expect(narrow.cells(of: [DayPlan(date: day("2030-12-25"), shifts: ranges("08:00-16:00"))]).map(\.dayClass) == [.weekdays])
    }

    @Test("other time zones: UTC has no changes, New York changes at 02:00")
    func otherZones() {
        // setup
        let utc = ScheduleCalculator(timeZone: TimeZone(identifier: "UTC")!, holidays: .romania)
        let newYork = ScheduleCalculator(timeZone: TimeZone(identifier: "America/New_York")!, holidays: .romania)
        let night = TimeRange("22:00-06:00")!
        // MUT and validation
        #expect(utc.elapsedMinutes(of: night, on: day("2019-03-30")) == 480)
        #expect(newYork.elapsedMinutes(of: night, on: day("2019-03-09")) == 420)
        #expect(newYork.elapsedMinutes(of: night, on: day("2019-11-02")) == 540)
        #expect(newYork.elapsedMinutes(of: night, on: day("2019-03-30")) == 480)
    }
}
