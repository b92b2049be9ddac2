import Foundation
import Testing

@testable import IFlowCore

/// Worked cases at each rule's limits; every expected figure is worked out by hand from the article cited.
@Suite("Labour Code checks")
struct ComplianceRuleTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    private func work(_ iso: String, _ shifts: String, overtime: String = "", timeOff: String = "", breakMinutes: Int = 0) -> DayPlan {
        DayPlan(
            date: day(iso), shifts: shifts.isEmpty ? [] : shifts.split(separator: ",").map { TimeRange($0)! }, breakMinutes: breakMinutes,
            overtime: overtime.isEmpty ? [] : overtime.split(separator: ",").map { TimeRange($0)! },
            timeOff: timeOff.isEmpty ? [] : timeOff.split(separator: ",").map { TimeRange($0)! }
        )
    }

    /// The warnings of one rule, as "from through measured limit".
    private func found(
        _ rule: ComplianceRule, _ plans: [DayPlan], period: (String, String), employee: ComplianceEmployee = ComplianceEmployee(),
        today: String = "2026-12-31"
    ) -> [String] {
        ComplianceCheck(calculator: calculator).warnings(for: employee, plans: plans, period: day(period.0)...day(period.1), today: day(today))
            .filter { $0.rule == rule }.map { "\($0.from) \($0.through) \($0.measuredMinutes) \($0.limitMinutes)" }
    }

    // MARK: - art. 135: daily rest

    static let dailyRests: [(first: String, second: String, shiftWork: Bool, expected: [String])] = [
        // exactly 12 h between 08:00-20:00 and 08:00-16:00 the next day: no warning (art. 135(1): "nu poate fi mai mic de 12 ore")
        ("08:00-20:00", "08:00-16:00", false, []),
        // 11 h 59 min
        ("08:00-20:01", "08:00-16:00", false, ["2026-06-02 2026-06-03 719 720"]),
        // shift work, art. 135(2): 8 h are enough, 7 h 59 min are not
        ("14:00-22:00", "06:00-14:00", true, []),
        ("14:00-22:01", "06:00-14:00", true, ["2026-06-02 2026-06-03 479 480"]),
        // a night shift ending at 06:00 and a shift at 14:00: 8 h, short of the 12 h outside shift work
        ("22:00-06:00", "14:00-22:00", false, ["2026-06-02 2026-06-03 480 720"]),
    ]

    @Test("art. 135: at least 12 h between working days, 8 h between shifts in shift work", arguments: dailyRests)
    func dailyRest(first: String, second: String, shiftWork: Bool, expected: [String]) {
        // setup
        let plans = [work("2026-06-02", first), work("2026-06-03", second)]
        // MUT and validation
        #expect(found(.dailyRest, plans, period: ("2026-06-01", "2026-06-30"), employee: ComplianceEmployee(shiftWork: shiftWork)) == expected)
    }

    @Test("art. 135(1): 20:00 to 08:00 over the spring change is 11 h, over the autumn change 13 h")
    func dailyRestOverDaylightSaving() {
        // setup: clocks go forward on 29 March 2026 at 03:00 and back on 25 October 2026 at 04:00
        let spring = [work("2026-03-28", "08:00-20:00"), work("2026-03-29", "08:00-16:00")]
        let autumn = [work("2026-10-24", "08:00-20:00"), work("2026-10-25", "08:00-16:00")]
        // MUT and validation
        #expect(found(.dailyRest, spring, period: ("2026-03-01", "2026-03-31")) == ["2026-03-28 2026-03-29 660 720"])
        #expect(found(.dailyRest, autumn, period: ("2026-10-01", "2026-10-31")).isEmpty)
    }

    @Test("a rest belongs to the month of its first day: 31 March to 1 April shows in March only")
    func dailyRestAcrossMonthEnd() {
        // setup
        let plans = [work("2026-03-31", "12:00-22:00"), work("2026-04-01", "06:00-14:00")]
        // MUT and validation
        #expect(found(.dailyRest, plans, period: ("2026-03-01", "2026-03-31")) == ["2026-03-31 2026-04-01 480 720"])
        #expect(found(.dailyRest, plans, period: ("2026-04-01", "2026-04-30")).isEmpty)
    }

    // MARK: - art. 115(2): 24 h after a 12-hour day

    @Test("art. 115(2): a 12-hour day needs 24 h of rest; 23 h 59 min warn, 24 h do not, an 11 h 59 min day needs none")
    func longDay() {
        // setup
        let short = [work("2026-06-02", "08:00-20:00"), work("2026-06-03", "19:59-23:00")]
        let enough = [work("2026-06-02", "08:00-20:00"), work("2026-06-03", "20:00-23:00")]
        let notLong = [work("2026-06-02", "08:00-19:59"), work("2026-06-03", "19:59-23:00")]
        // MUT and validation
        #expect(found(.longDayRest, short, period: ("2026-06-01", "2026-06-30")) == ["2026-06-02 2026-06-03 1439 1440"])
        #expect(found(.longDayRest, enough, period: ("2026-06-01", "2026-06-30")).isEmpty)
        #expect(found(.longDayRest, notLong, period: ("2026-06-01", "2026-06-30")).isEmpty)
    }

    // MARK: - art. 137(1): weekly rest

    @Test("art. 137(1): 48 consecutive hours a week; Saturday 08:00 to Monday 08:00 is exactly 48 h")
    func weeklyRest() {
        // setup: Sunday 31 May until midnight, then Monday 1 June to Friday 5 June 2026, and Saturday morning
        let weekdays = [work("2026-05-31", "16:00-24:00")] + (1...5).map { work("2026-06-0\($0)", "08:00-16:00") }
        let fullSaturday = weekdays + [work("2026-06-06", "00:00-08:00"), work("2026-06-08", "08:00-16:00")]
        let lateSaturday = weekdays + [work("2026-06-06", "00:00-08:01"), work("2026-06-08", "08:00-16:00")]
        // MUT and validation
        #expect(found(.weeklyRest, fullSaturday, period: ("2026-06-01", "2026-06-07")).isEmpty)
        #expect(found(.weeklyRest, lateSaturday, period: ("2026-06-01", "2026-06-07")) == ["2026-06-01 2026-06-07 2879 2880"])
    }

    @Test("art. 137(1): a week from 29 June to 5 July 2026 worked every day shows in June and in July")
    func weeklyRestAcrossMonthEnd() {
        // setup: 28 June to 6 July, so that the rests before and after the week are known
        let plans = (0..<9).map { work(day("2026-06-28").adding(days: $0).description, "08:00-16:00") }
        // MUT and validation: the longest rest overlapping the week is 16 h each night
        #expect(found(.weeklyRest, plans, period: ("2026-06-01", "2026-06-30")) == ["2026-06-29 2026-07-05 960 2880"])
        #expect(found(.weeklyRest, plans, period: ("2026-07-01", "2026-07-31")) == ["2026-06-29 2026-07-05 960 2880"])
    }

    @Test("art. 137(1): Saturday 06:00 to Monday 06:00 is 48 h from 11 May 2015, but one free calendar day before it")
    func weeklyRestBefore2015() {
        // setup: the same week in May 2015 (Monday the 4th) and in June 2026 (Monday the 1st)
        func week(_ sunday: LocalDate) -> [DayPlan] {
            [work(sunday.description, "16:00-24:00")] + (1...5).map { work(sunday.adding(days: $0).description, "08:00-16:00") }
                + [work(sunday.adding(days: 6).description, "00:00-06:00"), work(sunday.adding(days: 8).description, "06:00-14:00")]
        }
        // MUT and validation: before, only Sunday is free (art. 137(1) 2011: "în două zile consecutive")
        #expect(found(.weeklyRest, week(day("2015-05-03")), period: ("2015-05-04", "2015-05-10")) == ["2015-05-04 2015-05-10 1440 2880"])
        #expect(found(.weeklyRest, week(day("2026-05-31")), period: ("2026-06-01", "2026-06-07")).isEmpty)
    }

    // MARK: - art. 114: 48 h a week and the 4-month average

    @Test("art. 114: a 60-hour week warns only when the 4-month average is over 48 h too")
    func weeklyMaximum() {
        // setup: 10 h a day, 6 days a week, for every week from March to June 2026 (60 h a week)
        let heavy = (0..<122).compactMap { offset -> DayPlan? in
            let date = day("2026-03-01").adding(days: offset)
            return date.isoWeekday == 7 ? nil : work(date.description, "06:00-16:00")
        }
        // one 60-hour week in June, otherwise nothing
        let single = (1...6).map { work("2026-06-0\($0)", "06:00-16:00") }
        // MUT
        let warnings = ComplianceCheck(calculator: calculator).warnings(
            for: ComplianceEmployee(), plans: heavy, period: day("2026-06-01")...day("2026-06-07"), today: day("2026-12-31")
        ).filter { $0.rule == .weeklyMaximum }
        // validation: 60 h in the week; March-June 2026 is 122 days, 18 of them Sundays: 104 days of 10 h → 62,400 min × 7 / 122
        #expect(warnings.map { "\($0.from) \($0.through) \($0.measuredMinutes) \($0.averageMinutes ?? 0)" } == ["2026-06-01 2026-06-07 3600 3580"])
        #expect(found(.weeklyMaximum, single, period: ("2026-06-01", "2026-06-30")).isEmpty)
    }

    // MARK: - art. 125: night workers

    @Test("art. 125(2)-(3): a night worker's normal time over 3 months averages at most 8 h a day")
    func nightWork() {
        // setup: 22:00-07:00 (9 h, 8 of them at night) every weekday of April to June 2026; the same at 8 h is lawful
        let dates = (0..<91).map { day("2026-04-01").adding(days: $0) }.filter { $0.isoWeekday <= 5 }
        let long = dates.map { work($0.description, "22:00-07:00") }
        let lawful = dates.map { work($0.description, "22:00-06:00") }
        // MUT and validation
        #expect(found(.nightWork, long, period: ("2026-06-01", "2026-06-30")) == ["2026-04-01 2026-06-30 540 480"])
        #expect(found(.nightWork, lawful, period: ("2026-06-01", "2026-06-30")).isEmpty)
    }

    // MARK: - art. 122-123 and 142: compensation

    @Test("art. 122(1): overtime from 22 October 2022 expires after 90 days, before it after 60")
    func overtimeExpiry() {
        #expect(CompensationRule.overtimeExpiry(workedOn: day("2022-10-21")) == day("2022-12-20"))
        #expect(CompensationRule.overtimeExpiry(workedOn: day("2022-10-22")) == day("2023-01-20"))
    }

    @Test("art. 122(1): time off within 90 days pays overtime off, the hours left are reported with their expiry")
    func overtimeCompensation() {
        // setup: 3 h of overtime on 2 June 2026, 2 h of time off on 1 September (91 days later: too late), 1 h on 31 August
        let plans = [
            work("2026-06-02", "08:00-16:00", overtime: "16:00-19:00"), work("2026-08-31", "08:00-16:00", timeOff: "16:00-17:00"),
            work("2026-09-01", "08:00-16:00", timeOff: "16:00-18:00"),
        ]
        // MUT
        let warnings = ComplianceCheck(calculator: calculator).warnings(
            for: ComplianceEmployee(), plans: plans, period: day("2026-06-01")...day("2026-06-30"), today: day("2026-09-01")
        ).filter { $0.rule == .overtimeCompensation }
        // validation: 2 h left, due by 31 August, expired on 1 September
        #expect(warnings.map { "\($0.from) \($0.measuredMinutes) \($0.expires!) \($0.expired)" } == ["2026-06-02 120 2026-08-31 true"])
    }

    @Test("art. 142: work on 1 June 2026 (Children's Day) is owed as time off within 30 days")
    func holidayCompensation() {
        // setup
        let plans = [work("2026-06-01", "08:00-16:00"), work("2026-07-01", "08:00-12:00", timeOff: "12:00-16:00")]
        let paidOff = [work("2026-06-01", "08:00-16:00"), work("2026-07-01", "08:00-16:00", timeOff: "16:00-24:00")]
        // MUT and validation: 1 July is the 30th day; the 4 h taken then leave 4 h
        #expect(found(.holidayCompensation, plans, period: ("2026-06-01", "2026-06-30")) == ["2026-06-01 2026-06-01 240 0"])
        #expect(found(.holidayCompensation, paidOff, period: ("2026-06-01", "2026-06-30")).isEmpty)
    }

    // MARK: - minors

    @Test("a minor whose 18th birthday is 16 June 2026: limits until 15 June, none from 16 June")
    func minorBirthday() {
        // setup: born 16 June 2008; 7 h with overtime and night work on the 15th and the 16th
        let minor = ComplianceEmployee(birthDate: day("2008-06-16"))
        let plans = [work("2026-06-15", "16:00-22:00", overtime: "22:00-23:00"), work("2026-06-16", "16:00-22:00", overtime: "22:00-23:00")]
        let period = ("2026-06-01", "2026-06-30")
        // MUT and validation: art. 112(2) 6 h a day, art. 124 no overtime, art. 128(1) no night work, only on the 15th
        #expect(found(.minorDailyHours, plans, period: period, employee: minor) == ["2026-06-15 2026-06-15 420 360"])
        #expect(found(.minorOvertime, plans, period: period, employee: minor) == ["2026-06-15 2026-06-15 60 0"])
        #expect(found(.minorNightWork, plans, period: period, employee: minor) == ["2026-06-15 2026-06-15 60 0"])
        #expect(ComplianceEmployee(birthDate: day("2008-02-29")).eighteenthBirthday == day("2026-03-01"))
    }

    @Test("art. 112(2): a minor's week counts only the days before the 18th birthday; 30 h is the limit")
    func minorWeek() {
        // setup: born 11 June 2008; 6 h Monday 8 to Friday 12 June 2026 (the 11th and 12th are adult days)
        let minor = ComplianceEmployee(birthDate: day("2008-06-11"))
        let plans = (8...12).map { work(day("2026-06-01").adding(days: $0 - 1).description, "08:00-14:00", overtime: "14:00-16:00") }
        let lawful = (1...5).map { work("2026-06-0\($0)", "08:00-14:00") }
        // MUT and validation: 3 minor days of 8 h = 24 h; 5 days of 6 h = 30 h exactly
        #expect(found(.minorWeeklyHours, plans, period: ("2026-06-01", "2026-06-30"), employee: minor).isEmpty)
        #expect(
            found(.minorWeeklyHours, lawful, period: ("2026-06-01", "2026-06-07"), employee: ComplianceEmployee(birthDate: day("2010-01-01"))).isEmpty
        )
        let over = (1...5).map { work("2026-06-0\($0)", "08:00-14:01") }
        #expect(
            found(.minorWeeklyHours, over, period: ("2026-06-01", "2026-06-07"), employee: ComplianceEmployee(birthDate: day("2010-01-01")))
                == ["2026-06-01 2026-06-07 1805 1800"]
        )
    }

    // MARK: - art. 134: meal breaks

    @Test("art. 134: a day over 6 h without a break warns; a minor needs 30 min after 4 h 30 min")
    func mealBreak() {
        let minor = ComplianceEmployee(birthDate: day("2010-01-01"))
        let period = ("2026-06-01", "2026-06-30")
        #expect(found(.mealBreak, [work("2026-06-02", "08:00-14:01")], period: period) == ["2026-06-02 2026-06-02 361 360"])
        #expect(found(.mealBreak, [work("2026-06-02", "08:00-14:00")], period: period).isEmpty)
        #expect(found(.mealBreak, [work("2026-06-02", "08:00-12:00,12:15-16:00")], period: period).isEmpty)
        #expect(found(.minorMealBreak, [work("2026-06-02", "08:00-12:31")], period: period, employee: minor) == ["2026-06-02 2026-06-02 0 30"])
        #expect(found(.minorMealBreak, [work("2026-06-02", "08:00-13:00", breakMinutes: 30)], period: period, employee: minor).isEmpty)
    }

    // MARK: - settings and overlaps

    @Test("a rule the company turned off is neither checked nor listed")
    func disabledRule() {
        let check = ComplianceCheck(calculator: calculator, disabled: [.mealBreak])
        let warnings = check.warnings(
            for: ComplianceEmployee(), plans: [work("2026-06-02", "08:00-16:00")], period: day("2026-06-01")...day("2026-06-30"),
            today: day("2026-06-30")
        )
        #expect(warnings.isEmpty)
        #expect(!check.rulesChecked.contains(.mealBreak) && check.rulesChecked.count == ComplianceRule.allCases.count - 1)
    }

    @Test("a night shift to 07:00 overlaps a 06:00 shift the next day; touching at 06:00 does not")
    func overlap() {
        let night = work("2026-06-01", "22:00-07:00")
        #expect(PlanOverlap.conflicts(of: work("2026-06-02", "06:00-14:00"), with: [night], calculator: calculator) == [day("2026-06-01")])
        #expect(PlanOverlap.conflicts(of: work("2026-06-02", "07:00-14:00"), with: [night], calculator: calculator).isEmpty)
        #expect(PlanOverlap.conflicts(of: night, with: [work("2026-06-02", "06:30-08:00")], calculator: calculator) == [day("2026-06-02")])
    }
}
