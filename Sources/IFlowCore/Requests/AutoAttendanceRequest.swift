/// `rfid_devices/auto_attendance`: the badge a terminal read. The terminal itself is named by `access_token`, which the
/// terminal dispatcher reads before this.
public struct AutoAttendanceRequest: Sendable, Equatable {
    /// The tag as an employee record stores it (trimmed, one line, at most `FieldLimits.rfidTag` characters).
    public var rfidTag: String

    public static func parse(_ fields: RequestFields) -> Result<AutoAttendanceRequest, ValidationFailure> {
        var fields = fields
        let tag = fields.userField(.rfidTag, .notEmpty)
        return fields.result(tag.map { AutoAttendanceRequest(rfidTag: $0) })
    }
}
