import Foundation
import Testing

@testable import IFlowCore

@Suite("Labour Code checks over random schedules")
struct CompliancePropertyTests {
    /// UTC and no public holidays, so that moving a schedule by whole weeks moves nothing else under it.
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "UTC")!, holidays: HolidayCalendar(years: 1...1))

    /// A random month of plans from `first`: day, evening, night and 12-hour shifts, overtime, time off and free days.
    private func randomPlans(from first: LocalDate, _ random: inout SplitMix64) -> [DayPlan] {
        let shifts = ["06:00-14:00", "14:00-22:00", "22:00-06:00", "08:00-20:00", "07:00-13:00", "20:00-08:00", "09:00-12:00,13:00-17:00"]
        return (0..<35).compactMap { offset -> DayPlan? in
            guard Int.random(in: 0..<4, using: &random) > 0 else { return nil }
            let ranges = shifts.randomElement(using: &random)!.split(separator: ",").map { TimeRange($0)! }
            let overtime =
                Int.random(in: 0..<5, using: &random) == 0
                ? [TimeRange(start: ranges.last!.end, end: ClockTime(minutes: (ranges.last!.end.minutes + 60) % 1440)!)!] : []
            return DayPlan(
                date: first.adding(days: offset), shifts: ranges, breakMinutes: [0, 0, 30].randomElement(using: &random)!, overtime: overtime,
                timeOff: Int.random(in: 0..<8, using: &random) == 0 && ranges.count == 1
                    ? [TimeRange(start: ranges[0].end, end: ClockTime(minutes: (ranges[0].end.minutes + 60) % 1440)!)!] : []
            )
        }
    }

    @Test("moving a whole schedule by whole weeks moves its warnings and changes none of them")
    func shiftByWeeks() {
        var random = SplitMix64(seed: 14)
        // The 4-month and 3-month averages run over calendar months, which a move does not carry along: left out.
        let check = ComplianceCheck(calculator: calculator, disabled: [.weeklyMaximum, .nightWork])
        let first = LocalDate(iso: "2026-03-02")!
        var seen: Set<ComplianceRule> = []
        for _ in 0..<200 {
            // setup
            let plans = randomPlans(from: first, &random)
            let weeks = Int.random(in: -20...20, using: &random)
            let days = weeks * 7
            let moved = plans.map { plan -> DayPlan in
                var plan = plan
                plan.date = plan.date.adding(days: days)
                return plan
            }
            let employee = ComplianceEmployee(birthDate: Int.random(in: 0..<3, using: &random) == 0 ? LocalDate(iso: "2015-01-01")! : nil)
            let period = first...first.adding(days: 41)
            let today = first.adding(days: 60)
            // MUT
            let before = check.warnings(for: employee, plans: plans, period: period, today: today)
            let after = check.warnings(
                for: employee, plans: moved, period: period.lowerBound.adding(days: days)...period.upperBound.adding(days: days),
                today: today.adding(days: days)
            )
            // validation
            let expected = before.map { warning -> ComplianceWarning in
                var warning = warning
                warning.from = warning.from.adding(days: days)
                warning.through = warning.through.adding(days: days)
                warning.start = warning.start.map { $0 + days * 86_400 }
                warning.end = warning.end.map { $0 + days * 86_400 }
                warning.expires = warning.expires?.adding(days: days)
                return warning
            }
            #expect(after == expected)
            seen.formUnion(before.map(\.rule))
        }
        // The schedules are rough enough to break most rules somewhere, so the comparison is not between empty lists.
        #expect(seen.count >= 8)
    }
}
