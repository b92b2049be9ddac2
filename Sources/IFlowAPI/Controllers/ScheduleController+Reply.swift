/// `schedule/set_day`'s reply: the day as stored, range lists in their canonical form (empty when none), and the
/// Labour Code warnings about it.
struct SetDayReply: Encodable, Sendable {
    var userID: String
    var date: String
    var type: String
    var shifts: String
    var breakMinutes: String
    var overtime: String
    var timeOff: String
    var warnings: [ComplianceWarningReply]

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case date
        case type
        case shifts
        case breakMinutes = "break_minutes"
        case overtime
        case timeOff = "time_off"
        case warnings
    }
}

/// `schedule/import`'s reply: how many days and employees the file planned, and the Labour Code warnings about them
/// (the first `ScheduleController.maxListedWarnings`; `warnings_total` counts all).
struct ImportReply: Encodable, Sendable {
    var rows: String
    var users: String
    var warningsTotal: String
    var warnings: [ComplianceWarningReply]

    enum CodingKeys: String, CodingKey {
        case rows, users
        case warningsTotal = "warnings_total"
        case warnings
    }
}
