import IFlowCore
import IFlowStore

/// The `users/get_*_status` reply: the date reported, how it was read, and one entry per employee.
struct DayStatusReply: Encodable, Sendable {
    var date: String
    var attendanceType: String
    var users: [User]

    /// iFlow's fields (`user_id`, `full_name`, `cnp`, `mark_number`, `status`, `at_work`, `events`) and ours: the
    /// status code, the team, the planned shifts, the absence code and the minutes worked so far (planned, from the plan).
    struct User: Encodable, Sendable {
        var userID: String
        var fullName: String
        var cnp: String?
        var markNumber: String?
        var teamName: String?
        var status: String
        var statusCode: String
        var atWork: String
        var plannedShifts: String
        var absenceCode: String?
        var minutesWorked: String
        var events: [AttendanceEventReply]

        init(_ day: EmployeeDayStatus, language: Language) {
            userID = String(day.employee.id)
            fullName = day.employee.fullName
            cnp = day.employee.cnp
            markNumber = day.employee.markNumber
            teamName = day.employee.teamName
            status = day.status.text(in: language)
            statusCode = day.status.kind.rawValue
            atWork = day.status.atWork ? "1" : "0"
            plannedShifts = TimeRangeList.format(day.status.shifts)
            absenceCode = day.status.absence?.rawValue
            minutesWorked = String(day.status.minutes)
            events = day.events
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case fullName = "full_name"
            case cnp
            case markNumber = "mark_number"
            case teamName = "team_name"
            case status
            case statusCode = "status_code"
            case atWork = "at_work"
            case plannedShifts = "planned_shifts"
            case absenceCode = "absence_code"
            case minutesWorked = "minutes_worked"
            case events
        }
    }

    enum CodingKeys: String, CodingKey {
        case date
        case attendanceType = "attendance_type"
        case users
    }
}
