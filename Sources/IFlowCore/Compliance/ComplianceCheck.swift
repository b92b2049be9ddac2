/// Checks an employee's plans against the Labour Code rules a company has not turned off.
///
/// The rules read more than the period reported: the rest before its first day, the weeks that cross its edges, the
/// reference periods of averages (up to 4 months back) and the time off that may still compensate its overtime
/// (up to 90 days on). ``window(for:)`` says which plans to pass.
public struct ComplianceCheck: Sendable {
    public let calculator: ScheduleCalculator
    /// The rules the company turned off (a collective agreement that provides otherwise).
    public let disabled: Set<ComplianceRule>

    public init(calculator: ScheduleCalculator, disabled: Set<ComplianceRule> = []) {
        self.calculator = calculator
        self.disabled = disabled
    }

    /// The rules this check applies, in declaration order.
    public var rulesChecked: [ComplianceRule] { ComplianceRule.allCases.filter { !disabled.contains($0) } }

    /// The dates whose plans ``warnings(for:plans:presence:period:today:)`` reads for `period` (and whose presence, when live).
    public static func window(for period: ClosedRange<LocalDate>) -> ClosedRange<LocalDate> {
        let firstWeekMonday = period.lowerBound.monday
        let referenceStart = firstWeekMonday.adding(days: 3).firstOfMonth(adding: 1 - WeeklyMaximumRule.referenceMonths)
        return min(referenceStart, firstWeekMonday.adding(days: -1))...period.upperBound.adding(days: CompensationRule.overtimeDays + 1)
    }

    /// The warnings about `period`: rests, days and compensation debts that start in it, weeks and months that overlap it.
    ///
    /// - Parameters:
    ///   - plans: The employee's plans over ``window(for:)`` (others are read too, but edges may then be missed).
    ///   - presence: The time present over that window (`live_attendance`): the rules then read it instead of the
    ///     plans' shifts and overtime; `nil` checks the plans.
    ///   - today: The day expiries are judged on.
    public func warnings(
        for employee: ComplianceEmployee, plans: [DayPlan], presence: [WorkedInterval]? = nil, period: ClosedRange<LocalDate>, today: LocalDate
    ) -> [ComplianceWarning] {
        let ledger =
            presence.map { WorkLedger(plans: plans, presence: $0, calculator: calculator) } ?? WorkLedger(plans: plans, calculator: calculator)
        var weeks: [LocalDate] = []
        var monday = period.lowerBound.monday
        while monday <= period.upperBound {
            weeks.append(monday)
            monday = monday.adding(days: 7)
        }
        var months: [LocalDate] = []
        var month = period.lowerBound.firstOfMonth(adding: 0)
        while month <= period.upperBound {
            months.append(month)
            month = month.firstOfMonth(adding: 1)
        }
        let rules = Set(rulesChecked)
        var warnings: [ComplianceWarning] = []
        if rules.contains(.dailyRest) { warnings += DailyRestRule.warnings(days: ledger.days, shiftWork: employee.shiftWork) }
        if rules.contains(.longDayRest) { warnings += LongDayRestRule.warnings(days: ledger.days) }
        if rules.contains(.mealBreak) || rules.contains(.minorMealBreak) { warnings += MealBreakRule.warnings(days: ledger.days, employee: employee) }
        warnings += MinorRules.warnings(ledger: ledger, weeks: weeks, employee: employee)
        if rules.contains(.weeklyRest) { warnings += WeeklyRestRule.warnings(ledger: ledger, weeks: weeks, calculator: calculator) }
        if rules.contains(.weeklyMaximum) { warnings += WeeklyMaximumRule.warnings(ledger: ledger, weeks: weeks, employee: employee) }
        if rules.contains(.nightWork) { warnings += NightWorkRule.warnings(ledger: ledger, months: months, employee: employee) }
        if rules.contains(.overtimeCompensation) || rules.contains(.holidayCompensation) {
            warnings += CompensationRule.warnings(ledger: ledger, period: period, today: today, calculator: calculator)
        }
        return
            warnings
            .filter { rules.contains($0.rule) && Self.belongs($0, to: period) }
            .sorted { ($0.from, $0.rule, $0.start ?? 0) < ($1.from, $1.rule, $1.start ?? 0) }
    }

    /// Rests and days belong to the period of their first date; weeks and reference periods to each period they overlap.
    private static func belongs(_ warning: ComplianceWarning, to period: ClosedRange<LocalDate>) -> Bool {
        switch warning.rule {
        case .weeklyRest, .weeklyMaximum, .minorWeeklyHours, .nightWork: warning.through >= period.lowerBound && warning.from <= period.upperBound
        default: period.contains(warning.from)
        }
    }
}
