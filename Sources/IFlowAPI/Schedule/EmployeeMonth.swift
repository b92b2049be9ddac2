import IFlowCore
import IFlowStore

/// One employee's month as `user/get_work_schedule` and the web timesheet both compute it.
struct EmployeeMonth: Sendable {
    var user: ReportUser
    /// The month's plans and the previous month's last one (its night shift runs into the month), in date order.
    var plans: [DayPlan]
    /// The minutes of each date of the month, in date order.
    var days: [DayMinutes]
    /// The sum of `days`.
    var totals: HourTotals

    init(user: ReportUser, plans: [DayPlan], month: (year: Int, month: Int), calculator: ScheduleCalculator) {
        self.user = user
        self.plans = plans
        days = calculator.dailyMinutes(for: plans, in: month)
        var totals = HourTotals()
        for day in days { totals += day.totals }
        self.totals = totals
    }

    /// The plan starting on `date`, if any.
    func plansByDayNumber() -> [Int: DayPlan] {
        var byDay: [Int: DayPlan] = [:]
        for plan in plans { byDay[plan.date.dayNumber] = plan }
        return byDay
    }
}
