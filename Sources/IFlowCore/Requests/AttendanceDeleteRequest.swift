/// A validated `attendance/delete` request: the entry's id and why it is deleted (kept with the deletion and audited).
public struct AttendanceDeleteRequest: Sendable, Equatable {
    public var attendanceID: Int64
    public var reason: String

    public static func parse(_ fields: RequestFields) -> Result<AttendanceDeleteRequest, ValidationFailure> {
        var fields = fields
        let id = fields.integer("attendance_id", in: 1...Int(Int64.max / 2), .sent)
        let reason = fields.attendanceText("reason", .notEmpty)
        guard let id, let reason else { return fields.result(nil) }
        return fields.result(AttendanceDeleteRequest(attendanceID: Int64(id), reason: reason))
    }
}
