/// A validated `report/get_collective_sheet` request: the month, whose rows, from the plan or from presence, and in
/// which format.
public struct CollectiveSheetQuery: Sendable, Equatable {
    /// What the reply is: the `api_reply` JSON or one of the payroll imports' CSV files.
    public enum Format: String, Sendable, CaseIterable {
        case json
        /// One row per employee, one symbol (hours or code) per day: a simplified timesheet import.
        case csvSymbols = "csv_symbols"
        /// One row per employee and hour type, the hours per day: a detailed timesheet import.
        case csvHours = "csv_hours"
        /// The sheet as an Office Open XML workbook (`.xlsx`), its cells those of `csv_symbols`.
        case xlsx
    }

    public var year: Int
    public var month: Int
    /// `team_name` and `include_disabled`; never one employee, since a sheet is the whole company's or a team's.
    public var filter: ReportFilter
    public var attendanceType: AttendanceType
    public var format: Format
    /// `decimal_comma=1`: the CSV's numbers written `7,5` for spreadsheets set to Romanian; `7.5` by default.
    public var decimalComma: Bool

    public static func parse(_ fields: RequestFields) -> Result<CollectiveSheetQuery, ValidationFailure> {
        var fields = fields
        let year = fields.year()
        let month = fields.month()
        var filter = ReportFilter()
        filter.teamName = fields.teamName()
        filter.includeDisabled = fields.flag("include_disabled", default: false)
        let attendanceType = fields.inList("attendance_type", AttendanceType.allCases.map(\.rawValue)) { AttendanceType(rawValue: $0) }
        let format = fields.inList("format", Format.allCases.map(\.rawValue)) { Format(rawValue: $0) }
        let decimalComma = fields.flag("decimal_comma", default: false)
        guard let year, let month else { return fields.result(nil) }
        return fields.result(
            CollectiveSheetQuery(
                year: year, month: month, filter: filter, attendanceType: attendanceType ?? .workSchedule, format: format ?? .json,
                decimalComma: decimalComma
            )
        )
    }
}
