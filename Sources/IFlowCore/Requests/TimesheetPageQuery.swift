/// The query string of the web timesheet and its CSV download: `month` (`YYYY-MM`), `team`, `inactive` (`1`), `page`
/// and `attendance_type` (`work_schedule`, *Planificare*, or `live_attendance`, *Prezență reală*).
///
/// A browser's link or form, not an integration's request: a value that does not read is left at its default (the
/// current month, every team, active employees only, the first page, the plan) rather than answered with an error page.
public struct TimesheetPageQuery: Sendable, Equatable {
    /// `nil`: the current month in the company's time zone.
    public var year: Int?
    public var month: Int?
    /// The team's name as sent; the page keeps it only when the company has such a team.
    public var team: String?
    public var includeInactive: Bool
    /// 1-based.
    public var page: Int
    /// Which hours the grid shows: planned, or present.
    public var attendanceType: AttendanceType

    public init(year: Int?, month: Int?, team: String?, includeInactive: Bool, page: Int, attendanceType: AttendanceType = .workSchedule) {
        self.year = year
        self.month = month
        self.team = team
        self.includeInactive = includeInactive
        self.page = page
        self.attendanceType = attendanceType
    }

    public static func parse(_ fields: RequestFields) -> TimesheetPageQuery {
        var fields = fields
        let month = fields.yearMonth("month", years: RomanianHolidays.supportedYears)
        return TimesheetPageQuery(
            year: month?.year, month: month?.month, team: fields.text("team"), includeInactive: fields.flag("inactive", default: false),
            page: fields.page() ?? 1,
            attendanceType: fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) }
                ?? .workSchedule
        )
    }
}
