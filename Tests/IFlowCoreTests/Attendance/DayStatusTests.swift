import Foundation
import Testing

@testable import IFlowCore

@Suite("Day status")
struct DayStatusTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)
    private let wednesday = LocalDate(iso: "2026-12-02")!
    private var dayShift: DayPlan { DayPlan(date: wednesday, shifts: [TimeRange("08:00-16:30")!], breakMinutes: 30) }

    /// UTC seconds of a wall time in Bucharest's winter time (UTC+2), worked out by hand; `day` counts from Wednesday.
    private func at(_ hour: Int, _ minute: Int, day: Int = 0) -> Int {
        (((wednesday.dayNumber + day) * 24 + hour - 2) * 60 + minute) * 60
    }

    private func live(_ instants: [Int], plans: [DayPlan], now: Int, date: LocalDate? = nil) -> DayStatus {
        let scans = instants.enumerated().map { Scan(id: Int64($0.offset + 1), instant: $0.element) }
        return DayStatus.live(
            date: date ?? wednesday, plans: plans, pairing: ScanPairing(scans: scans, now: now), now: now, graceMinutes: 5, calculator: calculator)
    }

    struct LiveCase: Sendable, CustomTestStringConvertible {
        var why: String
        var scans: [(Int, Int)]
        var nowHour: Int
        var nowMinute: Int
        var expected: DayStatus.Kind
        var testDescription: String { why }
    }

    static let liveCases: [LiveCase] = [
        LiveCase(why: "checked in at 07:58: at work", scans: [(7, 58)], nowHour: 10, nowMinute: 0, expected: .atWork),
        LiveCase(why: "checked in late at 09:00 and still in: at work", scans: [(9, 0)], nowHour: 10, nowMinute: 0, expected: .atWork),
        LiveCase(why: "no scan at 08:05, inside the grace: missing", scans: [], nowHour: 8, nowMinute: 5, expected: .missing),
        LiveCase(why: "no scan at 08:06, past the grace: late", scans: [], nowHour: 8, nowMinute: 6, expected: .late),
        LiveCase(why: "no scan before the shift: missing", scans: [], nowHour: 7, nowMinute: 0, expected: .missing),
        LiveCase(why: "no scan all day, after the shift: missing", scans: [], nowHour: 17, nowMinute: 0, expected: .missing),
        LiveCase(why: "in and out: left", scans: [(7, 58), (12, 0)], nowHour: 13, nowMinute: 0, expected: .left),
        LiveCase(why: "in, out and in again: at work", scans: [(7, 58), (12, 0), (12, 30)], nowHour: 13, nowMinute: 0, expected: .atWork),
    ]

    @Test("live: at work, late past the grace, missing, left", arguments: liveCases)
    func liveStatus(_ testCase: LiveCase) {
        // MUT
        let status = live(testCase.scans.map { at($0.0, $0.1) }, plans: [dayShift], now: at(testCase.nowHour, testCase.nowMinute))
        // validation
        #expect(status.kind == testCase.expected)
        #expect(status.atWork == (testCase.expected == .atWork))
        #expect(status.shifts == [TimeRange("08:00-16:30")!])
    }

    @Test("live: the minutes so far are the live-attendance regular and overtime minutes of the date")
    func minutesSoFar() {
        // MUT: 07:50 to 12:00 (10 min before the shift: overtime), and 12:30 open at 14:00
        let status = live([at(7, 50), at(12, 0), at(12, 30)], plans: [dayShift], now: at(14, 0))
        // validation: 4 h + 1 h 30 inside the shift, less nothing of the 30-minute break (taken away 12:00–12:30), + 10 min
        #expect(status.minutes == 240 + 90 + 10)
        #expect(status.pairs.count == 2)
        #expect(status.pairs.last?.isOpen == true)
    }

    @Test("live: an absence code is absent, with its wording in both languages; presence that day is at work")
    func absence() {
        // setup
        let sick = DayPlan(date: wednesday, type: .CM)
        // MUT
        let away = live([], plans: [sick], now: at(10, 0))
        let came = live([at(9, 0)], plans: [sick], now: at(10, 0))
        // validation
        #expect(away.kind == .absent)
        #expect(away.absence == .CM)
        #expect(away.text(in: .enUS) == "Missing, Medical leave")
        #expect(away.text(in: .roRO) == "Absent, Concediu medical")
        #expect(came.kind == .atWork)
    }

    @Test("live: no plan and no presence is not planned; presence without a plan that ended is left")
    func notPlanned() {
        #expect(live([], plans: [], now: at(10, 0)).kind == .notPlanned)
        #expect(live([at(8, 0), at(9, 0)], plans: [], now: at(10, 0)).kind == .left)
        #expect(live([], plans: [], now: at(10, 0)).text(in: .roRO) == "Neplanificat")
    }

    @Test("live: the night shift from the day before makes the morning late without a scan, and counts on both dates")
    func nightShift() {
        // setup
        let tuesday = wednesday.adding(days: -1)
        let night = DayPlan(date: tuesday, shifts: [TimeRange("22:00-06:00")!])
        // MUT
        let lateMorning = live([], plans: [night], now: at(1, 0))
        let present = live([at(21, 58, day: -1)], plans: [night], now: at(5, 0))
        let before = live([at(21, 58, day: -1)], plans: [night], now: at(23, 0, day: -1), date: tuesday)
        // validation
        #expect(lateMorning.kind == .late)
        #expect(present.kind == .atWork)
        #expect(present.minutes == 300)
        #expect(present.pairs.count == 1)
        #expect(before.minutes == 62)
    }

    struct PlanCase: Sendable, CustomTestStringConvertible {
        var why: String
        var plan: DayPlan?
        var now: Int?
        var expected: DayStatus.Kind
        var testDescription: String { why }
    }

    static var planCases: [PlanCase] {
        let wednesday = LocalDate(iso: "2026-12-02")!
        let shift = DayPlan(date: wednesday, shifts: [TimeRange("08:00-16:30")!])
        // 10:00, 07:00 and 17:00 in Bucharest on Wednesday (UTC+2).
        let ten = ((wednesday.dayNumber * 24 + 8) * 60) * 60
        return [
            PlanCase(why: "inside the shift: at work", plan: shift, now: ten, expected: .atWork),
            PlanCase(why: "before the shift: missing", plan: shift, now: ten - 3 * 3600, expected: .missing),
            PlanCase(why: "after the shift: left", plan: shift, now: ten + 7 * 3600, expected: .left),
            PlanCase(why: "a day ahead with a shift: at work, as iFlow answers", plan: shift, now: nil, expected: .atWork),
            PlanCase(why: "vacation: absent", plan: DayPlan(date: wednesday, type: .CO), now: nil, expected: .absent),
            PlanCase(
                why: "a business trip: absent (D)", plan: DayPlan(date: wednesday, type: .D, shifts: [TimeRange("08:00-16:00")!]), now: ten,
                expected: .absent),
            PlanCase(why: "no plan: not planned", plan: nil, now: ten, expected: .notPlanned),
            PlanCase(why: "a work plan without shifts: not planned", plan: DayPlan(date: wednesday), now: nil, expected: .notPlanned),
        ]
    }

    @Test("from the plan: inside a shift, before, after, a day ahead, absences", arguments: planCases)
    func plannedStatus(_ testCase: PlanCase) {
        // MUT
        let status = DayStatus.planned(date: wednesday, plans: testCase.plan.map { [$0] } ?? [], now: testCase.now, calculator: calculator)
        // validation
        #expect(status.kind == testCase.expected)
        #expect(status.pairs.isEmpty)
    }

    @Test("from the plan: the minutes are the planned regular and overtime minutes")
    func plannedMinutes() {
        // setup
        let plan = DayPlan(date: wednesday, shifts: [TimeRange("08:00-16:30")!], breakMinutes: 30, overtime: [TimeRange("17:00-18:00")!])
        // MUT
        let status = DayStatus.planned(date: wednesday, plans: [plan], now: nil, calculator: calculator)
        // validation
        #expect(status.minutes == 480 + 60)
        #expect(status.text(in: .enUS) == "At work")
        #expect(status.text(in: .roRO) == "La lucru")
    }

    @Test("every status has wording in both languages, each different from the others")
    func wording() {
        for language in [Language.enUS, .roRO] {
            let texts = DayStatus.Kind.allCases.filter { $0 != .absent }.map { kind in
                DayStatus(kind: kind, absence: nil, shifts: [], pairs: [], minutes: 0).text(in: language)
            }
            #expect(Set(texts).count == texts.count, "\(language)")
        }
    }

    @Test("a local day is 23 or 25 hours on the nights the clocks change")
    func localDay() {
        let spring = calculator.localDay(LocalDate(iso: "2026-03-29")!)
        let autumn = calculator.localDay(LocalDate(iso: "2026-10-25")!)
        #expect(spring.end - spring.start == 23 * 3600)
        #expect(autumn.end - autumn.start == 25 * 3600)
    }
}
