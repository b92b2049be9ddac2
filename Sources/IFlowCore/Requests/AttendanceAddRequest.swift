/// A validated `attendance/add` request: a manual entry (web, mobile, or a correction) for one employee.
///
/// Fields: `user_by`, `user_by_value`, `time` (`YYYY-MM-DD HH:MM[:SS]` on the company's wall clock), `direction`
/// (`in` or `out`, optional: the sequence decides, as for a badge) and `note`.
public struct AttendanceAddRequest: Sendable, Equatable {
    public var user: UserSelector
    public var date: LocalDate
    /// Seconds after the date's local midnight.
    public var secondOfDay: Int
    public var direction: ScanDirection?
    public var note: String?

    public static func parse(_ fields: RequestFields) -> Result<AttendanceAddRequest, ValidationFailure> {
        var fields = fields
        let user = fields.userSelector(required: true)
        let time = fields.localDateTime("time", years: RomanianHolidays.supportedYears)
        let direction = fields.inList("direction", ScanDirection.allCases.map(\.rawValue)) { ScanDirection(rawValue: $0) }
        let note = fields.attendanceText("note")
        guard let user, let time else { return fields.result(nil) }
        return fields.result(AttendanceAddRequest(user: user, date: time.date, secondOfDay: time.secondOfDay, direction: direction, note: note))
    }
}
