import Foundation
import IFlowStore

/// A month's lock state: `locked` (figures stored), `locking` (closed to writes, figures being stored; `month/lock`
/// again completes it) or `unlocked`, with when and by whom it was locked.
struct LockedMonthReply: Encodable, Sendable {
    var year: String
    var month: String
    var status: String
    var lockedAt: String?
    var lockedBy: String?

    enum CodingKeys: String, CodingKey {
        case year
        case month
        case status
        case lockedAt = "locked_at"
        case lockedBy = "locked_by"
    }

    init(_ lock: LockedMonth?, year: Int, month: Int) {
        self.year = String(year)
        self.month = (month < 10 ? "0" : "") + String(month)
        status = lock.map { $0.isComplete ? "locked" : "locking" } ?? "unlocked"
        lockedAt = lock.map { ISO8601DateFormatter().string(from: $0.lockedAt) }
        lockedBy = lock?.lockedBy
    }

    /// `locked_at` and `locked_by` are `null` for a month that is not locked, not left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(status, forKey: .status)
        try container.encode(lockedAt, forKey: .lockedAt)
        try container.encode(lockedBy, forKey: .lockedBy)
    }
}

/// `month/get_list`'s reply: the company's locked months, oldest first.
struct LockedMonthListReply: Encodable, Sendable {
    var months: [LockedMonthReply]
}
