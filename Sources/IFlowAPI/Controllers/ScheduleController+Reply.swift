/// `schedule/set_day`'s reply: the day as stored, range lists in their canonical form (empty when none).
struct SetDayReply: Encodable, Sendable {
    var userID: String
    var date: String
    var type: String
    var shifts: String
    var breakMinutes: String
    var overtime: String
    var timeOff: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case date
        case type
        case shifts
        case breakMinutes = "break_minutes"
        case overtime
        case timeOff = "time_off"
    }
}

/// `schedule/import`'s reply: how many days and employees the file planned.
struct ImportReply: Encodable, Sendable {
    var rows: String
    var users: String
}
