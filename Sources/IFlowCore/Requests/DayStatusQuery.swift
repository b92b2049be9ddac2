/// A validated `users/get_today_status`, `users/get_tomorrow_status` or `users/get_next_work_day_status` request.
///
/// Fields: `attendance_type` (`live_attendance`, the default, or `work_schedule`; a day ahead is always read from the
/// plan) and the schedules' employee filters (`user_by`/`user_by_value`, `team_name`, `include_disabled`).
public struct DayStatusQuery: Sendable, Equatable {
    public var attendanceType: AttendanceType
    public var filter: ReportFilter

    public static func parse(_ fields: RequestFields) -> Result<DayStatusQuery, ValidationFailure> {
        var fields = fields
        let type = fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) }
        var filter = ReportFilter()
        filter.includeDisabled = fields.flag("include_disabled", default: false)
        filter.teamName = fields.teamName()
        filter.user = fields.userSelector(required: false)
        return fields.result(DayStatusQuery(attendanceType: type ?? .liveAttendance, filter: filter))
    }
}
