import Foundation

/// A company's locked month as `locked_months` holds it.
public struct LockedMonth: Sendable, Equatable {
    public var id: Int
    public var year: Int
    public var month: Int
    /// `false` while the figures are being stored (or when storing them was cut short): the month is closed to writes
    /// already, and its report is computed until `month/lock` completes it.
    public var isComplete: Bool
    /// The month's local midnights as UTC seconds, `startsAt..<endsAt`: the scans that fall in it.
    public var startsAt: Int
    public var endsAt: Int
    /// The company's zone at lock time: a live month's intervals are shown on its clock.
    public var timeZone: String
    /// The month's dates as they were (IFlowAPI's `MonthCalendar`, stored form).
    public var calendar: String
    /// The instant open check-ins were paired up to, so a lock completed later computes the same figures.
    public var computedAt: Int
    public var lockedAt: Date
    /// Who locked it (the audit actor's label).
    public var lockedBy: String

    public init(
        id: Int, year: Int, month: Int, isComplete: Bool, startsAt: Int, endsAt: Int, timeZone: String, calendar: String, computedAt: Int,
        lockedAt: Date, lockedBy: String
    ) {
        self.id = id
        self.year = year
        self.month = month
        self.isComplete = isComplete
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.timeZone = timeZone
        self.calendar = calendar
        self.computedAt = computedAt
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
    }

    /// `2026-11`, as messages and the audit trail name a month.
    public var label: String { Self.label(year: year, month: month) }

    public static func label(year: Int, month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
