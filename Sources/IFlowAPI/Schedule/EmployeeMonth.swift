import IFlowCore
import IFlowStore

/// One employee's month as `user/get_work_schedule` and the web timesheet both compute it.
struct EmployeeMonth: Sendable {
    var user: ReportUser
    /// The month's plans and the previous month's last one (its night shift runs into the month), in date order.
    var plans: [DayPlan]
    /// The time present, in time order, for a `live_attendance` month; `nil` for a planned one.
    var presence: [WorkedInterval]?
    /// The minutes of each date of the month, in date order: planned, or present when `presence` is set.
    var days: [DayMinutes]
    /// The sum of `days`.
    var totals: HourTotals

    /// - Parameter presence: The pairing's intervals for a live month (`ScheduleCalculator.liveDailyMinutes`), `nil` for
    ///   the planned one (`dailyMinutes`).
    init(user: ReportUser, plans: [DayPlan], presence: [WorkedInterval]? = nil, month: (year: Int, month: Int), calculator: ScheduleCalculator) {
        self.user = user
        self.plans = plans
        self.presence = presence
        if let presence {
            days = calculator.liveDailyMinutes(for: plans, presence: presence, in: month)
        } else {
            days = calculator.dailyMinutes(for: plans, in: month)
        }
        var totals = HourTotals()
        for day in days { totals += day.totals }
        self.totals = totals
    }

    /// A month as it was computed before: a locked month's stored figures (``StoredFigures``).
    init(user: ReportUser, plans: [DayPlan], presence: [WorkedInterval]?, days: [DayMinutes], totals: HourTotals) {
        self.user = user
        self.plans = plans
        self.presence = presence
        self.days = days
        self.totals = totals
    }

    /// The plan starting on `date`, if any.
    func plansByDayNumber() -> [Int: DayPlan] {
        var byDay: [Int: DayPlan] = [:]
        for plan in plans { byDay[plan.date.dayNumber] = plan }
        return byDay
    }

    /// The intervals present, by the local date (day number) of their start; empty for a planned month.
    func presenceByDayNumber(calculator: ScheduleCalculator) -> [Int: [WorkedInterval]] {
        var byDay: [Int: [WorkedInterval]] = [:]
        for interval in presence ?? [] { byDay[calculator.localDate(ofInstant: interval.start).dayNumber, default: []].append(interval) }
        return byDay
    }
}
