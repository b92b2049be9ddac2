/// A validated `compliance/get_warnings` request: the month, whose, and which hours are checked.
///
/// Fields: `year`, `month` (required), `team_name`, `user_by`/`user_by_value` (optional, as the schedules read them)
/// and `attendance_type` (`work_schedule`, the default: the plans; `live_attendance`: the time present from the scans).
public struct ComplianceQuery: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var filter: ReportFilter
    public var attendanceType: AttendanceType

    public static func parse(_ fields: RequestFields) -> Result<ComplianceQuery, ValidationFailure> {
        var fields = fields
        let year = fields.year()
        let month = fields.month()
        var filter = ReportFilter()
        filter.teamName = fields.teamName()
        filter.user = fields.userSelector(required: false)
        let attendanceType =
            fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) } ?? .workSchedule
        guard let year, let month else { return fields.result(nil) }
        return fields.result(ComplianceQuery(year: year, month: month, filter: filter, attendanceType: attendanceType))
    }

    /// The first and last day of the month.
    public var period: ClosedRange<LocalDate>? {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        return first...first.lastOfMonth
    }
}
