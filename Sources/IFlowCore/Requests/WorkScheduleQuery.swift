/// A validated `user/get_work_schedule` request: the month, the totals asked for, whose, and from the plan or from presence.
public struct WorkScheduleQuery: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var totals: [TotalsToken]
    public var includeDays: Bool
    public var filter: ReportFilter
    /// `work_schedule` (the default: planned hours) or `live_attendance` (hours actually present).
    public var attendanceType: AttendanceType

    /// What `in_list` names as allowed for an unknown totals item.
    static let allowedTotals =
        "BASE[_weekdays|_weekend|_holiday][_day|_night], BASE = regular, overtime, total, time_off, overtime_balance"

    public static func parse(_ fields: RequestFields) -> Result<WorkScheduleQuery, ValidationFailure> {
        var fields = fields
        let year = fields.year()
        let month = fields.month()
        var totals: [TotalsToken] = []
        if let text = fields.text("totals", .required) {
            let parsed = TotalsList.parse(text)
            totals = parsed.tokens
            for unknown in parsed.unknown {
                let parameters = ["value": String(unknown.prefix(60)), "allowed": allowedTotals]
                fields.report(ValidationIssue(field: "totals", check: .inList, parameters: parameters))
            }
        }
        let includeDays = fields.flag("include_days", default: true)
        var filter = ReportFilter()
        filter.includeDisabled = fields.flag("include_disabled", default: false)
        filter.teamName = fields.teamName()
        filter.user = fields.userSelector(required: false)
        let attendanceType = fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) }
        guard let year, let month else { return fields.result(nil) }
        return fields.result(
            WorkScheduleQuery(
                year: year, month: month, totals: totals, includeDays: includeDays, filter: filter, attendanceType: attendanceType ?? .workSchedule
            )
        )
    }
}
