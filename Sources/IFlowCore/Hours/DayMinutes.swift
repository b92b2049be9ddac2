/// The minutes that fall on one calendar date.
public struct DayMinutes: Hashable, Sendable {
    /// The calendar date.
    public let date: LocalDate
    /// This date's minutes by kind, day class and time of day (one day class per date).
    public let totals: HourTotals

    public init(date: LocalDate, totals: HourTotals) {
        self.date = date
        self.totals = totals
    }

    /// Regular minutes on this date (after breaks).
    public var regular: Int { totals.minutes(kind: .regular) }
    /// Overtime minutes on this date.
    public var overtime: Int { totals.minutes(kind: .overtime) }
    /// Time-off minutes on this date.
    public var timeOff: Int { totals.minutes(kind: .timeOff) }
}
