/// A validated `attendance/get_list` or `attendance/get_exceptions` request: whose attendance, between which local
/// dates, and which page of employees.
///
/// Fields: `date_interval_start` and `date_interval_end` (required, inclusive, at most ``maxDays`` days), the
/// schedules' employee filters (`user_by`/`user_by_value`, `team_name`, `include_disabled`), and `limit` (employees
/// per page, ``defaultLimit`` by default, at most ``maxLimit``) and `offset`, as `user/get_list` pages.
public struct AttendanceRangeQuery: Sendable, Equatable {
    public var dates: ClosedRange<LocalDate>
    public var filter: ReportFilter
    public var limit: Int
    public var offset: Int

    /// The longest range: a year, leap day included.
    public static let maxDays = 366
    public static let defaultLimit = 100
    /// Employees per page: a page of a year's scans stays a few megabytes.
    public static let maxLimit = 100

    public static func parse(_ fields: RequestFields) -> Result<AttendanceRangeQuery, ValidationFailure> {
        var fields = fields
        let years = RomanianHolidays.supportedYears
        let start = fields.date("date_interval_start", .sent, years: years)
        let end = fields.date("date_interval_end", .sent, years: years)
        var filter = ReportFilter()
        filter.includeDisabled = fields.flag("include_disabled", default: false)
        filter.teamName = fields.teamName()
        filter.user = fields.userSelector(required: false)
        let page = fields.paging(maxLimit: maxLimit)
        guard let start, let end else { return fields.result(nil) }
        if end < start {
            fields.report(ValidationIssue(field: "date_interval_end", check: .dateOrder, parameters: ["other": "date_interval_start"]))
        } else if end.dayNumber - start.dayNumber >= maxDays {
            let bounds = ["min": start.description, "max": start.adding(days: maxDays - 1).description]
            fields.report(ValidationIssue(field: "date_interval_end", check: .between, parameters: bounds))
        }
        return fields.result(
            fields.issues.isEmpty
                ? AttendanceRangeQuery(dates: start...end, filter: filter, limit: page.limit ?? defaultLimit, offset: page.offset ?? 0) : nil)
    }
}
