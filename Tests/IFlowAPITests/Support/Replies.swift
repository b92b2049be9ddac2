import Foundation
import Testing

// The API's replies as the tests read them: a `String` where the API promises a string, `@Nullable String?` where it
// promises a string or `null` (the key must be there either way), arrays of typed items. A number where a string
// belongs, a missing key or a `null` where none is allowed fails the decoding, and with it the test.

/// A key that is always sent, with a string or `null`; a missing key fails the decoding (a plain `String?` would not).
@propertyWrapper
struct Nullable: Decodable, Sendable {
    var wrappedValue: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(String.self)
    }
}

/// `{"api_reply": ...}`.
struct EnvelopeMirror<Body: Decodable>: Decodable {
    var apiReply: Body

    enum CodingKeys: String, CodingKey {
        case apiReply = "api_reply"
    }
}

/// A failed request's `error` list; absent from a successful reply.
struct ErrorReplyMirror: Decodable {
    var error: [ErrorItemMirror]?
}

/// One failed check; `line` is absent unless the check failed on a line of an uploaded file.
struct ErrorItemMirror: Decodable, Sendable {
    @Nullable var field: String?
    var check: String
    var message: String
    var line: String?

    enum CodingKeys: String, CodingKey {
        case field = "field_name"
        case check = "check_name"
        case message
        case line
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _field = try container.decode(Nullable.self, forKey: .field)
        check = try container.decode(String.self, forKey: .check)
        message = try container.decode(String.self, forKey: .message)
        // Sent only with a value: `null` here fails, as a missing key would for the others.
        line = container.contains(.line) ? try container.decode(String.self, forKey: .line) : nil
    }
}

struct UserUpdateReplyMirror: Decodable {
    var updateBy: String
    var updateByValue: String
    var userID: String
    var action: String
    var newUser: UserMirror

    enum CodingKeys: String, CodingKey {
        case updateBy = "update_by"
        case updateByValue = "update_by_value"
        case userID = "user_id"
        case action
        case newUser = "new_user"
    }
}

struct UserListReplyMirror: Decodable {
    var total: String
    var limit: String
    var offset: String
    var users: [UserMirror]
}

/// `new_user` and the items of `user/get_list`: every field of the document, always sent.
struct UserMirror: Decodable {
    var userID: String
    @Nullable var teamID: String?
    @Nullable var teamName: String?
    var fullName: String
    var isEnabled: String
    @Nullable var disableDate: String?
    @Nullable var rfidTag: String?
    @Nullable var cnp: String?
    @Nullable var idCard: String?
    @Nullable var idCardIssuedBy: String?
    @Nullable var idCardIssueDate: String?
    @Nullable var bankAccount: String?
    @Nullable var birthDate: String?
    @Nullable var employmentDate: String?
    @Nullable var jobTitle: String?
    @Nullable var markNumber: String?
    @Nullable var contractNumber: String?
    @Nullable var section: String?
    @Nullable var address: String?
    @Nullable var city: String?
    @Nullable var county: String?
    @Nullable var phoneOne: String?
    @Nullable var phoneTwo: String?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case teamID = "team_id"
        case teamName = "team_name"
        case fullName = "full_name"
        case isEnabled = "is_enabled"
        case disableDate = "disable_date"
        case rfidTag = "rfid_tag"
        case cnp
        case idCard = "id_card"
        case idCardIssuedBy = "id_card_issued_by"
        case idCardIssueDate = "id_card_issue_date"
        case bankAccount = "bank_account"
        case birthDate = "birth_date"
        case employmentDate = "employment_date"
        case jobTitle = "job_title"
        case markNumber = "mark_number"
        case contractNumber = "contract_number"
        case section
        case address
        case city
        case county
        case phoneOne = "phone_one"
        case phoneTwo = "phone_two"
    }

    /// A field by its API name, for the tests that send every field and compare what comes back.
    subscript(field: String) -> String? {
        guard let key = CodingKeys(rawValue: field) else {
            Issue.record("the reply has no field \(field)")
            return nil
        }
        return switch key {
        case .userID: userID
        case .teamID: teamID
        case .teamName: teamName
        case .fullName: fullName
        case .isEnabled: isEnabled
        case .disableDate: disableDate
        case .rfidTag: rfidTag
        case .cnp: cnp
        case .idCard: idCard
        case .idCardIssuedBy: idCardIssuedBy
        case .idCardIssueDate: idCardIssueDate
        case .bankAccount: bankAccount
        case .birthDate: birthDate
        case .employmentDate: employmentDate
        case .jobTitle: jobTitle
        case .markNumber: markNumber
        case .contractNumber: contractNumber
        case .section: section
        case .address: address
        case .city: city
        case .county: county
        case .phoneOne: phoneOne
        case .phoneTwo: phoneTwo
        }
    }
}

struct SetDayReplyMirror: Decodable {
    var userID: String
    var date: String
    var type: String
    var shifts: String
    var breakMinutes: String
    var overtime: String
    var timeOff: String
    var warnings: [ComplianceWarningMirror]

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

struct ImportReplyMirror: Decodable {
    var rows: String
    var users: String
    var warningsTotal: String
    var warnings: [ComplianceWarningMirror]

    enum CodingKeys: String, CodingKey {
        case rows, users, warnings
        case warningsTotal = "warnings_total"
    }
}

struct ComplianceReplyMirror: Decodable {
    var year: String
    var month: String
    var attendanceType: String
    var rulesChecked: [Rule]
    var users: [User]

    struct Rule: Decodable {
        var rule: String
        var article: String
    }

    struct User: Decodable {
        var userID: String
        var fullName: String
        @Nullable var markNumber: String?
        @Nullable var teamName: String?
        var warnings: [ComplianceWarningMirror]

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case fullName = "full_name"
            case markNumber = "mark_number"
            case teamName = "team_name"
            case warnings
        }
    }

    enum CodingKeys: String, CodingKey {
        case year, month, users
        case attendanceType = "attendance_type"
        case rulesChecked = "rules_checked"
    }
}

/// A Labour Code warning; `user_id` only in an import's list.
struct ComplianceWarningMirror: Decodable {
    var userID: String?
    var rule: String
    var article: String
    var from: String
    var through: String
    @Nullable var start: String?
    @Nullable var end: String?
    var measuredHours: String
    var limitHours: String
    @Nullable var averageHours: String?
    @Nullable var expires: String?
    @Nullable var expired: String?
    var message: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case rule, article, from, through, start, end, expires, expired, message
        case measuredHours = "measured_hours"
        case limitHours = "limit_hours"
        case averageHours = "average_hours"
    }
}

struct HolidaysReplyMirror: Decodable {
    var year: String
    var holidays: [Holiday]

    struct Holiday: Decodable {
        var date: String
        var name: String
    }
}

struct AuditListReplyMirror: Decodable {
    var total: String
    var events: [Event]

    struct Event: Decodable {
        var id: String
        var time: String
        var actorType: String
        @Nullable var actorID: String?
        var actor: String
        var action: String
        var entity: String
        @Nullable var entityID: String?
        var fields: [String]
        var detail: String

        enum CodingKeys: String, CodingKey {
            case id
            case time
            case actorType = "actor_type"
            case actorID = "actor_id"
            case actor
            case action
            case entity
            case entityID = "entity_id"
            case fields
            case detail
        }
    }
}

struct WorkScheduleReplyMirror: Decodable {
    var year: String
    var month: String
    var users: [WorkScheduleUserMirror]
}

/// `days` is absent with `include_days=0`; `totals` has the tokens asked for.
struct WorkScheduleUserMirror: Decodable {
    var userID: String
    var fullName: String
    @Nullable var cnp: String?
    @Nullable var idCard: String?
    @Nullable var markNumber: String?
    @Nullable var teamName: String?
    var days: [WorkScheduleDayMirror]?
    var totals: [String: String]

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case fullName = "full_name"
        case cnp
        case idCard = "id_card"
        case markNumber = "mark_number"
        case teamName = "team_name"
        case days
        case totals
    }
}

struct WorkScheduleDayMirror: Decodable {
    var date: String
    var dayType: String
    @Nullable var holidayName: String?
    @Nullable var type: String?
    @Nullable var shifts: String?
    @Nullable var breakMinutes: String?
    @Nullable var overtime: String?
    @Nullable var timeOff: String?
    /// Only in a `live_attendance` report.
    var intervals: String?
    var regularHours: String
    var overtimeHours: String
    var timeOffHours: String

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case holidayName = "holiday_name"
        case type
        case shifts
        case breakMinutes = "break_minutes"
        case overtime
        case timeOff = "time_off"
        case intervals
        case regularHours = "regular_hours"
        case overtimeHours = "overtime_hours"
        case timeOffHours = "time_off_hours"
    }
}

/// `/healthz`'s body, which has no envelope.
struct HealthMirror: Decodable {
    var status: String
}

/// A reply that does not decode as the test expects, with the reply's start to see why.
struct ReplyMismatch: Error, CustomStringConvertible {
    var type: String
    var error: any Error
    var text: String

    var description: String { "the reply is not a \(type): \(error)\n\(text.prefix(2000))" }
}

extension Reply {
    /// `api_reply` decoded as `type`; throws (failing the test) on a wrong type, a missing key or a number for a string.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeBody(EnvelopeMirror<T>.self).apiReply
    }

    /// The whole body decoded as `type`, for the replies without an envelope.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw ReplyMismatch(type: "\(T.self)", error: error, text: text)
        }
    }

    /// The `error` list (empty for a successful reply); an envelope that does not decode fails the test.
    var errors: [ErrorItemMirror] {
        do {
            return try decode(ErrorReplyMirror.self).error ?? []
        } catch {
            Issue.record("\(error)")
            return []
        }
    }

    /// The failed checks as `field:check` (`-` for a transport error's `null` field).
    var checks: Set<String> { Set(errors.map { "\($0.field ?? "-"):\($0.check)" }) }
}

/// `rfid_devices/auto_attendance`.
struct AutoAttendanceReplyMirror: Decodable {
    var scanMessage: String
    var user: TerminalUserMirror
    var event: [AttendanceEventMirror]

    enum CodingKeys: String, CodingKey {
        case scanMessage = "scan_msg"
        case user
        case event
    }
}

/// The employee of a terminal reply, as iFlow's user object: every value a string.
struct TerminalUserMirror: Decodable {
    var id: String
    var isEnabled: String
    var companyID: String
    @Nullable var teamID: String?
    var fullName: String
    var timezone: String
    var checkInResetLimit: String
    var companyCheckInResetLimit: String
    var defaultTimezone: String
    var useLockedMonths: String
    var timeBetweenCheckIns: String
    var agentID: String

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

/// One check-in/check-out pair (`event`).
struct AttendanceEventMirror: Decodable {
    var id: String
    var companyID: String
    var userID: String
    var date: String
    var startTime: String
    @Nullable var endTime: String?
    var terminalType: String
    @Nullable var rfidAgentID: String?
    @Nullable var closedTerminalType: String?
    @Nullable var closedRFIDAgentID: String?
    var status: String

    /// Every value in key order, `nil` for `null`, to compare events whole.
    var values: [String?] {
        [id, companyID, userID, date, startTime, endTime, terminalType, rfidAgentID, closedTerminalType, closedRFIDAgentID, status]
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case companyID = "company_id"
        case userID = "user_id"
        case date
        case startTime = "start_time"
        case endTime = "end_time"
        case terminalType = "terminal_type"
        case rfidAgentID = "rfid_agent_id"
        case closedTerminalType = "closed_terminal_type"
        case closedRFIDAgentID = "closed_rfid_agent_id"
        case status
    }
}

/// One row of `rfid_v2/offline_attendance/store_attendances`' reply: the row as sent and its three errors.
struct OfflineRowMirror: Decodable, Equatable {
    var date: String
    var time: String
    var rfidTag: String
    var errorMsg: String
    var errorAuthenticate: String
    var errorCheckInOut: String
    var errorCSV: String

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

/// One scan or entry of `attendance/add` and `attendance/get_list`.
struct AttendanceEntryMirror: Decodable {
    var id: String
    var userID: String
    var date: String
    var time: String
    var direction: String
    @Nullable var pairID: String?
    @Nullable var duplicateOf: String?
    @Nullable var forcedDirection: String?
    var source: String
    var sourceLabel: String
    @Nullable var rfidAgentID: String?
    var arrival: String
    @Nullable var note: String?
    var recordedAt: String
    @Nullable var deletionReason: String?
    @Nullable var deletedBy: String?
    @Nullable var deletedAt: String?

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case userID = "user_id"
        case date, time, direction
        case pairID = "pair_id"
        case duplicateOf = "duplicate_of"
        case forcedDirection = "forced_direction"
        case source
        case sourceLabel = "source_label"
        case rfidAgentID = "rfid_agent_id"
        case arrival, note
        case recordedAt = "recorded_at"
        case deletionReason = "deletion_reason"
        case deletedBy = "deleted_by"
        case deletedAt = "deleted_at"
    }
}

/// `attendance/add`.
struct AttendanceAddReplyMirror: Decodable {
    var attendance: AttendanceEntryMirror
    var events: [AttendanceEventMirror]
}

/// `attendance/delete`.
struct AttendanceDeleteReplyMirror: Decodable {
    var attendanceID: String
    var userID: String
    var reason: String

    enum CodingKeys: String, CodingKey {
        case attendanceID = "attendance_id"
        case userID = "user_id"
        case reason
    }
}

/// `attendance/get_list`.
struct AttendanceListReplyMirror: Decodable {
    var total: String
    var limit: String
    var offset: String
    var dateIntervalStart: String
    var dateIntervalEnd: String
    var users: [User]

    struct User: Decodable {
        var userID: String
        var fullName: String
        @Nullable var markNumber: String?
        @Nullable var teamName: String?
        var attendances: [AttendanceEntryMirror]
        var events: [AttendanceEventMirror]

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case fullName = "full_name"
            case markNumber = "mark_number"
            case teamName = "team_name"
            case attendances, events
        }
    }

    enum CodingKeys: String, CodingKey {
        case total, limit, offset
        case dateIntervalStart = "date_interval_start"
        case dateIntervalEnd = "date_interval_end"
        case users
    }
}

/// `attendance/get_exceptions`.
struct AttendanceExceptionsReplyMirror: Decodable {
    var total: String
    var limit: String
    var offset: String
    var dateIntervalStart: String
    var dateIntervalEnd: String
    var users: [User]

    struct User: Decodable {
        var userID: String
        var fullName: String
        @Nullable var markNumber: String?
        @Nullable var teamName: String?
        var exceptions: [Exception]

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case fullName = "full_name"
            case markNumber = "mark_number"
            case teamName = "team_name"
            case exceptions
        }
    }

    struct Exception: Decodable {
        var type: String
        var date: String
        @Nullable var plannedTime: String?
        @Nullable var checkIn: String?
        @Nullable var checkOut: String?
        @Nullable var minutes: String?
        var scanIDs: [String]
        var message: String

        enum CodingKeys: String, CodingKey {
            case type, date
            case plannedTime = "planned_time"
            case checkIn = "check_in"
            case checkOut = "check_out"
            case minutes
            case scanIDs = "scan_ids"
            case message
        }
    }

    enum CodingKeys: String, CodingKey {
        case total, limit, offset
        case dateIntervalStart = "date_interval_start"
        case dateIntervalEnd = "date_interval_end"
        case users
    }
}

/// `users/get_today_status`, `users/get_tomorrow_status`, `users/get_next_work_day_status`.
struct DayStatusReplyMirror: Decodable {
    var date: String
    var attendanceType: String
    var users: [User]

    struct User: Decodable {
        var userID: String
        var fullName: String
        @Nullable var cnp: String?
        @Nullable var markNumber: String?
        @Nullable var teamName: String?
        var status: String
        var statusCode: String
        var atWork: String
        var plannedShifts: String
        @Nullable var absenceCode: String?
        var minutesWorked: String
        var events: [AttendanceEventMirror]

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

/// `report/get_collective_sheet` (JSON).
struct CollectiveSheetReplyMirror: Decodable {
    var year: String
    var month: String
    var companyName: String
    @Nullable var teamName: String?
    var attendanceType: String
    var days: [CollectiveSheetDateMirror]
    var codes: [CollectiveSheetCodeMirror]
    var users: [CollectiveSheetUserMirror]

    enum CodingKeys: String, CodingKey {
        case year, month
        case companyName = "company_name"
        case teamName = "team_name"
        case attendanceType = "attendance_type"
        case days, codes, users
    }
}

struct CollectiveSheetDateMirror: Decodable {
    var date: String
    var dayType: String
    @Nullable var holidayName: String?

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case holidayName = "holiday_name"
    }
}

struct CollectiveSheetCodeMirror: Decodable {
    var code: String
    var name: String
}

struct CollectiveSheetUserMirror: Decodable {
    var number: String
    var userID: String
    var fullName: String
    @Nullable var markNumber: String?
    @Nullable var cnp: String?
    @Nullable var teamName: String?
    @Nullable var jobTitle: String?
    var days: [CollectiveSheetCellMirror]
    var totals: [String: String]
    var codeDays: [String: String]

    enum CodingKeys: String, CodingKey {
        case number
        case userID = "user_id"
        case fullName = "full_name"
        case markNumber = "mark_number"
        case cnp
        case teamName = "team_name"
        case jobTitle = "job_title"
        case days, totals
        case codeDays = "code_days"
    }
}

struct CollectiveSheetCellMirror: Decodable {
    var date: String
    var dayType: String
    @Nullable var code: String?
    var hours: String

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case code, hours
    }
}

/// `month/lock`, `month/unlock`, and each month of `month/get_list`.
struct LockedMonthMirror: Decodable, Equatable {
    var year: String
    var month: String
    var status: String
    @Nullable var lockedAt: String?
    @Nullable var lockedBy: String?
    @Nullable var note: String?

    enum CodingKeys: String, CodingKey {
        case year
        case month
        case status
        case lockedAt = "locked_at"
        case lockedBy = "locked_by"
        case note
    }
}

/// `month/get_list`.
struct LockedMonthListMirror: Decodable {
    var months: [LockedMonthMirror]
}
