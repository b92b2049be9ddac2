import Foundation
import IFlowCore
import IFlowStore

/// `attendance/add`: the stored entry, and the employee's pairs of its local date as they stand with it.
struct AttendanceAddReply: Encodable, Sendable {
    var attendance: AttendanceEntryReply
    var events: [AttendanceEventReply]
}

/// `attendance/delete`: the entry now marked deleted, whose employee, and why.
struct AttendanceDeleteReply: Encodable, Sendable {
    var attendanceID: String
    var userID: String
    var reason: String

    enum CodingKeys: String, CodingKey {
        case attendanceID = "attendance_id"
        case userID = "user_id"
        case reason
    }
}

/// `attendance/get_list`: a page of employees, each with the scans and entries of the range and their pairs.
struct AttendanceListReply: Encodable, Sendable {
    var page: RangePageReplyFields
    var users: [User]

    struct User: Encodable, Sendable {
        var employee: EmployeeReplyFields
        var attendances: [AttendanceEntryReply]
        var events: [AttendanceEventReply]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: ReplyKey.self)
            try employee.encode(into: &container)
            try container.encode(attendances, forKey: ReplyKey("attendances"))
            try container.encode(events, forKey: ReplyKey("events"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        try page.encode(into: &container)
        try container.encode(users, forKey: ReplyKey("users"))
    }
}

/// `attendance/get_exceptions`: a page of employees, each with the exceptions of the range in date order.
struct AttendanceExceptionsReply: Encodable, Sendable {
    var page: RangePageReplyFields
    var users: [User]

    struct User: Encodable, Sendable {
        var employee: EmployeeReplyFields
        var exceptions: [Exception]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: ReplyKey.self)
            try employee.encode(into: &container)
            try container.encode(exceptions, forKey: ReplyKey("exceptions"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        try page.encode(into: &container)
        try container.encode(users, forKey: ReplyKey("users"))
    }

    /// One exception: its code and date, the planned and actual times it compares (`HH:MM`, local), the minutes late
    /// or early, the scans it concerns and what it means in the request's language.
    struct Exception: Encodable, Sendable {
        var type: String
        var date: String
        var plannedTime: String?
        var checkIn: String?
        var checkOut: String?
        var minutes: String?
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
}

/// One scan or manual entry as recorded, with what pairing made of it.
///
/// `direction` is derived: `check_in`, `check_out`, `duplicate` (of `duplicate_of`), `deleted` or `unmatched` (a
/// forced check-out with no check-in); `pair_id` is the check-in id of its pair. `source_label` names who sent it: the
/// terminal's label, the API key's or the web administrator's.
struct AttendanceEntryReply: Encodable, Sendable {
    var id: String
    var userID: String
    var date: String
    var time: String
    var direction: String
    var pairID: String?
    var duplicateOf: String?
    var forcedDirection: String?
    var source: String
    var sourceLabel: String
    var rfidAgentID: String?
    var arrival: String
    var note: String?
    var recordedAt: String
    var deletionReason: String?
    var deletedBy: String?
    var deletedAt: String?

    init(_ stored: StoredScan, pairing: ScanPairing, pairOf: [Int64: Int64], calculator: ScheduleCalculator) {
        let scan = stored.scan
        let wall = calculator.wallTime(ofInstant: scan.instant)
        id = String(scan.id)
        userID = String(stored.userID)
        date = wall.date.description
        time = Self.clock(wall.secondOfDay)
        switch pairing.statuses[scan.id] {
        case .checkIn: direction = "check_in"
        case .checkOut: direction = "check_out"
        case .unmatchedCheckOut: direction = "unmatched"
        case .duplicate(let of):
            direction = "duplicate"
            duplicateOf = String(of)
        case .deleted, nil: direction = "deleted"
        }
        pairID = pairOf[scan.id].map(String.init)
        forcedDirection = scan.direction?.rawValue
        source = scan.source.rawValue
        sourceLabel = stored.deviceLabel ?? stored.actorLabel
        rfidAgentID = stored.deviceID.map(String.init)
        arrival = stored.arrival.rawValue
        note = stored.note
        recordedAt = stored.recordedAt.ISO8601Format()
        deletionReason = stored.deletionReason
        deletedBy = stored.deletedBy
        deletedAt = stored.deletedAt?.ISO8601Format()
    }

    /// `HH:MM:SS`.
    static func clock(_ secondOfDay: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }

    /// The check-in id of the pair each paired scan belongs to, by scan id.
    static func pairs(of pairing: ScanPairing) -> [Int64: Int64] {
        var pairOf: [Int64: Int64] = [:]
        for pair in pairing.pairs {
            pairOf[pair.checkInID] = pair.checkInID
            if let checkOut = pair.checkOutID { pairOf[checkOut] = pair.checkInID }
        }
        return pairOf
    }

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
