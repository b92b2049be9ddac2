import Foundation
import Testing

@testable import IFlowCore

/// The rules read on the time actually present (`live_attendance`); every figure is worked out by hand.
@Suite("Labour Code checks on the time present")
struct ComplianceLiveTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    private func plan(_ iso: String, _ shifts: String, timeOff: String = "", breakMinutes: Int = 0) -> DayPlan {
        DayPlan(
            date: day(iso), shifts: shifts.isEmpty ? [] : shifts.split(separator: ",").map { TimeRange($0)! }, breakMinutes: breakMinutes,
            timeOff: timeOff.isEmpty ? [] : timeOff.split(separator: ",").map { TimeRange($0)! }
        )
    }

    /// Present from `from` to `to`, local `YYYY-MM-DD HH:MM` in June 2026 (EEST, UTC+3).
    private func present(_ from: String, _ to: String) -> WorkedInterval {
        func instant(_ text: String) -> Int {
            let parts = text.split(separator: " ")
            let clock = parts[1].split(separator: ":").map { Int($0)! }
            return day(String(parts[0])).dayNumber * 86_400 + clock[0] * 3_600 + clock[1] * 60 - 3 * 3_600
        }
        return WorkedInterval(start: instant(from), end: instant(to))
    }

    /// June's warnings, as "rule from through measured limit".
    private func found(_ plans: [DayPlan], presence: [WorkedInterval]?) -> [String] {
        ComplianceCheck(calculator: calculator)
            .warnings(
                for: ComplianceEmployee(), plans: plans, presence: presence, period: day("2026-06-01")...day("2026-06-30"), today: day("2026-12-31")
            )
            .map { "\($0.rule.rawValue) \($0.from) \($0.through) \($0.measuredMinutes) \($0.limitMinutes)" }
    }

    @Test("art. 115(2): a 12-hour day present (05:30-18:00, 30 min break) needs 24 h of rest; the plans alone warn nothing")
    func longDayPresent() {
        // setup: planned 08:00-16:00 with 30 min break on 2 and 3 June; present 05:30-18:00, then 06:00-14:00
        let plans = [plan("2026-06-02", "08:00-16:00", breakMinutes: 30), plan("2026-06-03", "08:00-16:00", breakMinutes: 30)]
        let presence = [present("2026-06-02 05:30", "2026-06-02 18:00"), present("2026-06-03 06:00", "2026-06-03 14:00")]
        // MUT and validation: 7 h 30 min regular and 4 h 30 min overtime make 12 h; 12 h of rest follow. 3 June has 5 h 30 min
        // regular (06:00-08:00 is overtime, the break comes out of the shift) and 2 h overtime; both overtimes are owed.
        #expect(found(plans, presence: nil).isEmpty)
        #expect(
            found(plans, presence: presence) == [
                "long_day_rest 2026-06-02 2026-06-03 720 1440", "overtime_compensation 2026-06-02 2026-06-02 270 0",
                "overtime_compensation 2026-06-03 2026-06-03 120 0",
            ])
    }

    @Test("art. 135(1): a night shift present with a pause after midnight is one working day; 8 h of rest follow it")
    func nightShiftWithPause() {
        // setup: 22:00-06:00 on 2 June, out 02:00-02:30; 14:00-22:00 on 3 June
        let plans = [plan("2026-06-02", "22:00-06:00", breakMinutes: 30), plan("2026-06-03", "14:00-22:00", breakMinutes: 30)]
        let presence = [
            present("2026-06-02 22:00", "2026-06-03 02:00"), present("2026-06-03 02:30", "2026-06-03 06:00"),
            present("2026-06-03 14:00", "2026-06-03 22:00"),
        ]
        // MUT and validation: the rest is 06:00-14:00, not the 30 min pause
        #expect(found(plans, presence: presence) == ["daily_rest 2026-06-02 2026-06-03 480 720"])
    }

    @Test("presence without a plan counts by its local date, all of it overtime; time off planned later pays it off")
    func presenceWithoutPlan() {
        // setup: present 08:00-20:00 on 2 June and 07:00-15:00 on 3 June with a 30 min pause; 10 h of time off planned on 8-9 June
        let plans = [plan("2026-06-08", "", timeOff: "08:00-16:00"), plan("2026-06-09", "", timeOff: "08:00-10:00")]
        let presence = [
            present("2026-06-02 08:00", "2026-06-02 20:00"), present("2026-06-03 07:00", "2026-06-03 11:00"),
            present("2026-06-03 11:30", "2026-06-03 15:00"),
        ]
        // MUT and validation: 11 h of rest; the first 12 h of overtime are paid off to 2 h, the 7 h 30 min of 3 June are owed
        #expect(
            found(plans, presence: presence) == [
                "daily_rest 2026-06-02 2026-06-03 660 720", "long_day_rest 2026-06-02 2026-06-03 660 1440",
                "overtime_compensation 2026-06-02 2026-06-02 120 0", "meal_break 2026-06-02 2026-06-02 720 360",
                "overtime_compensation 2026-06-03 2026-06-03 450 0",
            ])
    }
}
