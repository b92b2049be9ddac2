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

struct ImportReplyMirror: Decodable {
    var rows: String
    var users: String
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
