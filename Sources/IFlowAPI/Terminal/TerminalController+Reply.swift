import IFlowCore
import IFlowStore

/// `rfid_devices/auto_attendance`: what the terminal shows, who scanned, and their pairs of the day.
struct AutoAttendanceReply: Encodable, Sendable {
    var scanMessage: String
    var user: TerminalUserReply
    var event: [AttendanceEventReply]

    enum CodingKeys: String, CodingKey {
        case scanMessage = "scan_msg"
        case user
        case event
    }
}

/// The employee as iFlow's terminal reply shows them: the keys of iFlow's user object this server has, every value a
/// string (`check_in_reset_limit` too, which iFlow prints as a number).
struct TerminalUserReply: Encodable, Sendable {
    var id: String
    var isEnabled: String
    var companyID: String
    var teamID: String?
    var fullName: String
    /// The employee's own zone; employees have none here, so it is empty, as iFlow sends it unset.
    var timezone: String
    var checkInResetLimit: String
    var companyCheckInResetLimit: String
    var defaultTimezone: String
    /// `1`: the company's months can be locked (`month/lock`), as iFlow's terminals read it.
    var useLockedMonths: String
    var timeBetweenCheckIns: String
    /// The terminal that read the badge.
    var agentID: String

    init(employee: ScanEmployee, device: AuthenticatedDevice) {
        let limits = device.company.attendance.limits
        id = String(employee.userID)
        isEnabled = employee.isDisabled ? "0" : "1"
        companyID = String(device.company.id)
        teamID = employee.teamID.map(String.init)
        fullName = employee.fullName
        timezone = ""
        checkInResetLimit = String(limits.checkInResetLimit)
        companyCheckInResetLimit = String(limits.checkInResetLimit)
        defaultTimezone = device.company.timeZone.identifier
        useLockedMonths = "1"
        timeBetweenCheckIns = String(limits.timeBetweenCheckIns)
        agentID = String(device.deviceID)
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case isEnabled = "is_enabled"
        case companyID = "company_id"
        case teamID = "team_id"
        case fullName = "full_name"
        case timezone
        case checkInResetLimit = "check_in_reset_limit"
        case companyCheckInResetLimit = "company_check_in_reset_limit"
        case defaultTimezone = "default_timezone"
        case useLockedMonths = "use_locked_months"
        case timeBetweenCheckIns = "time_between_check_ins"
        case agentID = "agent_id"
    }
}

/// One row of an offline batch sent back: the row as sent and what became of it, each error empty when it did not
/// occur (all three empty: stored).
struct OfflineAttendanceRowReply: Encodable, Sendable {
    var date: String
    var time: String
    var rfidTag: String
    var errorMsg: String
    /// The token was missing, unknown or revoked: nothing of the batch was stored.
    var errorAuthenticate = ""
    /// A duplicate, an unknown badge, an inactive employee or a time ahead of the server's clock.
    var errorCheckInOut = ""
    /// The row does not read: date, time or tag malformed, or a local time the clocks skip.
    var errorCSV = ""

    init(_ row: OfflineScanRow) {
        date = row.date
        time = row.time
        rfidTag = row.rfidTag
        errorMsg = row.errorMsg
    }

    enum CodingKeys: String, CodingKey {
        case date
        case time
        case rfidTag
        case errorMsg
        case errorAuthenticate = "error_authenticate"
        case errorCheckInOut = "error_check_in_out"
        case errorCSV = "error_csv"
    }
}
