import Foundation
import IFlowCore
import IFlowStore

/// A month's lock state: `locked` (figures stored), `locking` (closed to writes, figures being stored; `month/lock`
/// again completes it) or `unlocked`, with when and by whom it was locked.
struct LockedMonthReply: Encodable, Sendable {
    var year: String
    var month: String
    var status: String
    var lockedAt: String?
    var lockedBy: String?
    /// What to do about a `locking` month, in the request's language; `null` otherwise.
    var note: String?

    enum CodingKeys: String, CodingKey {
        case year
        case month
        case status
        case lockedAt = "locked_at"
        case lockedBy = "locked_by"
        case note
    }

    init(_ lock: LockedMonth?, year: Int, month: Int, language: Language) {
        self.year = String(year)
        self.month = (month < 10 ? "0" : "") + String(month)
        status = lock.map { $0.isComplete ? "locked" : "locking" } ?? "unlocked"
        lockedAt = lock.map { ISO8601DateFormatter().string(from: $0.lockedAt) }
        lockedBy = lock?.lockedBy
        note = lock.flatMap { $0.isComplete ? nil : Self.unfinishedNote(language) }
    }

    /// A lock still `locking` was cut short (or is running on another server): closed to writes, its reports computed
    /// from the frozen data, and never acknowledged; the hint says how to finish it either way.
    static func unfinishedNote(_ language: Language) -> String {
        switch language {
        case .enUS:
            "The lock is not finished: changes to its hours are refused, but its reports are computed, not stored. "
                + "month/lock again completes it; month/unlock reopens the month."
        case .roRO:
            "Închiderea nu s-a terminat: modificările orelor se refuză, dar rapoartele se calculează, nu sunt păstrate. "
                + "month/lock din nou o termină; month/unlock redeschide luna."
        }
    }

    /// `locked_at` and `locked_by` are `null` for a month that is not locked, and `note` for one that is not `locking`, not left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(status, forKey: .status)
        try container.encode(lockedAt, forKey: .lockedAt)
        try container.encode(lockedBy, forKey: .lockedBy)
        try container.encode(note, forKey: .note)
    }
}

/// `month/get_list`'s reply: the company's locked months, oldest first.
struct LockedMonthListReply: Encodable, Sendable {
    var months: [LockedMonthReply]
}
