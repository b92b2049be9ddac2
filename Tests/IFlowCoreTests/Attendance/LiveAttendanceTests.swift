import Foundation
import Testing

@testable import IFlowCore

@Suite("Hours actually worked")
struct LiveAttendanceTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// UTC seconds of `hour:minute` on `iso` on a wall clock `utcOffset` hours ahead of UTC, worked out by hand.
    private func instant(_ iso: String, _ hour: Int, _ minute: Int, utcOffset: Int) -> Int {
        ((day(iso).dayNumber * 24 + hour - utcOffset) * 60 + minute) * 60
    }

    /// The non-zero cells of the live minutes of `months`, as "date kind class time minutes".
    private func cells(_ plans: [DayPlan], _ presence: [WorkedInterval], months: [(year: Int, month: Int)]) -> [String] {
        months.flatMap { month in
            calculator.liveDailyMinutes(for: plans, presence: presence, in: month).flatMap { row in
                HourKind.allCases.flatMap { kind in
                    DayClass.allCases.flatMap { dayClass in
                        TimeOfDay.allCases.compactMap { time in
                            let minutes = row.totals[kind, dayClass, time]
                            return minutes == 0 ? nil : "\(row.date) \(kind.rawValue) \(dayClass.rawValue) \(time.rawValue) \(minutes)"
                        }
                    }
                }
            }
        }
    }

    /// Saturdays before the last Sundays of March and October, with the offsets (hours) at 22:00 and at 06:00 after.
    static let dstNights: [(saturday: String, sunday: String, offsetAt22: Int, offsetAt06: Int, onSunday: Int)] = [
        ("2019-03-30", "2019-03-31", 2, 3, 300), ("2019-10-26", "2019-10-27", 3, 2, 420),
        ("2021-03-27", "2021-03-28", 2, 3, 300), ("2021-10-30", "2021-10-31", 3, 2, 420),
        ("2024-03-30", "2024-03-31", 2, 3, 300), ("2024-10-26", "2024-10-27", 3, 2, 420),
        ("2025-03-29", "2025-03-30", 2, 3, 300), ("2025-10-25", "2025-10-26", 3, 2, 420),
        ("2026-03-28", "2026-03-29", 2, 3, 300), ("2026-10-24", "2026-10-25", 3, 2, 420),
    ]

    @Test("a check-in at 22:00 and a check-out at 06:00 are 7 h on the spring night and 9 h on the autumn night", arguments: dstNights)
    func dstNight(saturday: String, sunday: String, offsetAt22: Int, offsetAt06: Int, onSunday: Int) {
        // setup
        let presence = [WorkedInterval(start: instant(saturday, 22, 0, utcOffset: offsetAt22), end: instant(sunday, 6, 0, utcOffset: offsetAt06))]
        let month = (year: day(saturday).year, month: day(saturday).month)
        let plan = DayPlan(date: day(saturday), shifts: [TimeRange("22:00-06:00")!])
        // MUT and validation: inside the planned night it is regular time, without a plan it is all overtime.
        #expect(cells([plan], presence, months: [month]) == ["\(saturday) regular weekend night 120", "\(sunday) regular weekend night \(onSunday)"])
        #expect(cells([], presence, months: [month]) == ["\(saturday) overtime weekend night 120", "\(sunday) overtime weekend night \(onSunday)"])
    }

    @Test("a night worked from 30 November (St Andrew) gives 2 h to November and 6 h to 1 December, both holidays")
    func monthEnd() {
        // setup
        let plan = DayPlan(date: day("2026-11-30"), shifts: [TimeRange("22:00-06:00")!])
        let presence = [WorkedInterval(start: instant("2026-11-30", 22, 0, utcOffset: 2), end: instant("2026-12-01", 6, 0, utcOffset: 2))]
        // MUT and validation
        #expect(cells([plan], presence, months: [(2026, 11)]) == ["2026-11-30 regular holiday night 120"])
        #expect(cells([plan], presence, months: [(2026, 12)]) == ["2026-12-01 regular holiday night 360"])
    }

    /// 08:00-16:30 with a 30-minute break on Wednesday 2026-12-02: what is present, and the cells it gives.
    static let breakCases: [(presence: [String], cells: [String])] = [
        (["08:00-16:30"], ["regular weekdays day 480"]),
        (["08:00-12:00", "12:30-16:30"], ["regular weekdays day 480"]),
        (["08:00-12:00", "12:10-16:30"], ["regular weekdays day 480"]),
        (["08:00-12:00", "13:00-16:30"], ["regular weekdays day 450"]),
        (["09:00-16:30"], ["regular weekdays day 420"]),
        (["07:00-16:30"], ["regular weekdays day 480", "overtime weekdays day 60"]),
        (["08:00-16:30", "18:00-23:00"], ["regular weekdays day 480", "overtime weekdays day 240", "overtime weekdays night 60"]),
        (["17:00-18:00"], ["overtime weekdays day 60"]),
    ]

    @Test("regular is presence in the shift less the break not taken; presence outside it is overtime", arguments: breakCases)
    func breakRule(presence: [String], expected: [String]) {
        // setup
        let plan = DayPlan(date: day("2026-12-02"), shifts: [TimeRange("08:00-16:30")!], breakMinutes: 30)
        let intervals = presence.map { text in
            let range = TimeRange(text)!
            return WorkedInterval(
                start: instant("2026-12-02", range.start.minutes / 60, range.start.minutes % 60, utcOffset: 2),
                end: instant("2026-12-02", range.end.minutes / 60, range.end.minutes % 60, utcOffset: 2))
        }
        // MUT and validation
        #expect(cells([plan], intervals, months: [(2026, 12)]) == expected.map { "2026-12-02 \($0)" })
    }

    @Test("present for exactly the planned shifts, the live minutes are the planned minutes")
    func presentAsPlanned() {
        // setup
        let plans = [
            DayPlan(date: day("2026-12-03"), shifts: [TimeRange("22:00-07:00")!], breakMinutes: 45, timeOff: [TimeRange("08:00-09:00")!]),
            DayPlan(date: day("2026-12-07"), shifts: [TimeRange("06:00-10:00")!, TimeRange("11:00-15:00")!], breakMinutes: 20),
        ]
        let presence = plans.flatMap { plan in
            plan.shifts.map { range in
                WorkedInterval(
                    start: instant(plan.date.description, range.start.minutes / 60, 0, utcOffset: 2),
                    end: instant(
                        range.endsNextDay ? plan.date.adding(days: 1).description : plan.date.description, range.end.minutes / 60, 0, utcOffset: 2))
            }
        }
        // MUT
        let live = calculator.liveDailyMinutes(for: plans, presence: presence, in: (2026, 12))
        // validation
        #expect(live == calculator.dailyMinutes(for: plans, in: (2026, 12)))
        #expect(live[2].regular == 120 - 45 && live[3].regular == 360 + 60 && live[2].timeOff == 60)
    }

    @Test("a scan's seconds are dropped: time counts from the minute it falls in")
    func secondsDropped() {
        let start = instant("2026-12-05", 10, 0, utcOffset: 2)
        let presence = [WorkedInterval(start: start + 59, end: start + 3_600 + 1)]
        #expect(cells([], presence, months: [(2026, 12)]) == ["2026-12-05 overtime weekend day 60"])
    }

    @Test("a plan ending in an hour skipped at midnight puts the time after the change on the next date (Nuuk, 2024-03-30)")
    func skippedHourAtMidnight() throws {
        // setup: at 01:00 UTC on 31 March 2024 Nuuk went from UTC-2 to UTC-1, so 23:00-24:00 on the 30th never happened;
        // 23:15 is read as 00:15 on the 31st.
        let nuuk = ScheduleCalculator(timeZone: try #require(TimeZone(identifier: "America/Nuuk")), holidays: .romania)
        let plan = DayPlan(date: day("2024-03-30"), shifts: [TimeRange("19:45-23:15")!])
        // MUT
        let cells = nuuk.cells(of: [plan]).map(\.description)
        // validation
        #expect(cells == ["2024-03-30 regular weekend day 135", "2024-03-30 regular weekend night 60", "2024-03-31 regular weekend night 15"])
    }
}
