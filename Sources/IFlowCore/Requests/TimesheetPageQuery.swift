/// The query string of the web timesheet, its printable sheet and its downloads: `month` (`YYYY-MM`), `team`,
/// `inactive` (`1`), `page`, `attendance_type` (`work_schedule`, *Planificare*, or `live_attendance`, *Prezență
/// reală*), and for a download `format` (`csv_symbols`, `csv_hours`) and `decimal_comma` (`1`).
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
    /// The download's file, as `report/get_collective_sheet` names them; `csv_symbols` unless another is named.
    public var format: CollectiveSheetQuery.Format
    public var decimalComma: Bool

    public init(
        year: Int?, month: Int?, team: String?, includeInactive: Bool, page: Int, attendanceType: AttendanceType = .workSchedule,
        format: CollectiveSheetQuery.Format = .csvSymbols, decimalComma: Bool = false
    ) {
        self.year = year
        self.month = month
        self.team = team
        self.includeInactive = includeInactive
        self.page = page
        self.attendanceType = attendanceType
        self.format = format
        self.decimalComma = decimalComma
    }

    public static func parse(_ fields: RequestFields) -> TimesheetPageQuery {
        var fields = fields
        let month = fields.yearMonth("month", years: RomanianHolidays.supportedYears)
        return TimesheetPageQuery(
            year: month?.year, month: month?.month, team: fields.text("team"), includeInactive: fields.flag("inactive", default: false),
            page: fields.page() ?? 1,
            attendanceType: fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) }
                ?? .workSchedule,
            format: fields.inList("format", CollectiveSheetQuery.Format.allCases.map(\.rawValue)) { CollectiveSheetQuery.Format(rawValue: $0) }
                .flatMap { $0 == .json ? nil : $0 } ?? .csvSymbols,
            decimalComma: fields.flag("decimal_comma", default: false)
        )
    }
}
