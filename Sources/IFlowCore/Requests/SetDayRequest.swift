/// A validated `schedule/set_day` request, and a validated row of a `schedule/import` file: one employee-day.
///
/// Fields: `user_by`, `user_by_value`, `date`, `type`, `shifts`, `break_minutes`, `overtime`, `time_off`; both
/// endpoints parse with this type, so a row of a file accepts exactly what the single request does.
public struct SetDayRequest: Sendable, Equatable {
    public var user: UserSelector
    public var plan: DayPlan

    /// Dates outside these years are refused: the holiday calendar covers them and nothing else.
    public static let years = RomanianHolidays.supportedYears
    /// The `type` values `in_list` names.
    static let types = DayType.allCases.map(\.rawValue)

    /// The employee-day, or every failed check; the plan's own rules (``DayPlan/validate()``) are checked once its
    /// fields read cleanly.
    public static func parse(_ fields: RequestFields) -> Result<SetDayRequest, ValidationFailure> {
        var fields = fields
        let user = fields.userSelector(required: true)
        let issuesBefore = fields.issues.count
        let date = fields.date("date", .sent, years: years)
        let type = fields.inList("type", types) { DayType(rawValue: $0) ?? DayType(rawValue: $0.uppercased()) } ?? .work
        let shifts = ranges("shifts", in: &fields)
        let overtime = ranges("overtime", in: &fields)
        let timeOff = ranges("time_off", in: &fields)
        let breakMinutes = fields.integer("break_minutes", in: 0...ClockTime.minutesPerDay, maxDigits: 6) ?? 0

        var plan: DayPlan?
        if fields.issues.count == issuesBefore, let date {
            let candidate = DayPlan(date: date, type: type, shifts: shifts, breakMinutes: breakMinutes, overtime: overtime, timeOff: timeOff)
            let problems = candidate.validate()
            for problem in problems { fields.report(problem.issue) }
            if problems.isEmpty { plan = candidate }
        }
        return fields.result(user.flatMap { user in plan.map { SetDayRequest(user: user, plan: $0) } })
    }

    /// A list of time ranges (`HH:MM-HH:MM`, comma-separated); none when the field is absent or empty.
    private static func ranges(_ name: String, in fields: inout RequestFields) -> [TimeRange] {
        fields.read(name) { text in
            switch TimeRangeList.parse(text) {
            case .success(let ranges):
                .success(ranges)
            case .failure(.invalidFormat(let item, _)):
                .failure(ValidationIssue(field: name, check: .validTimeRanges, parameters: ["detail": String(item.prefix(40))]))
            case .failure(.overlap(let first, let second)):
                .failure(ValidationIssue(field: name, check: .noOverlap, parameters: ["detail": "\(first + 1), \(second + 1)"]))
            }
        } ?? []
    }
}
