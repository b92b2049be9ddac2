/// One employee's plan for one date: the day's type, its shifts and unpaid break, and its overtime and time off.
///
/// Every range starts on `date`; one ending at or before its start runs into the next day (see `TimeRange`).
public struct DayPlan: Hashable, Sendable {
    /// The date every range starts on.
    public var date: LocalDate
    /// Work or an absence code.
    public var type: DayType
    /// Regular working time.
    public var shifts: [TimeRange]
    /// Unpaid break taken out of the shifts, in minutes.
    public var breakMinutes: Int
    /// Work beyond the regular time.
    public var overtime: [TimeRange]
    /// Time off granted against overtime.
    public var timeOff: [TimeRange]

    /// At most this many ranges in each of `shifts`, `overtime` and `timeOff`.
    public static let maximumRangesPerField = 10

    public init(
        date: LocalDate,
        type: DayType = .work,
        shifts: [TimeRange] = [],
        breakMinutes: Int = 0,
        overtime: [TimeRange] = [],
        timeOff: [TimeRange] = []
    ) {
        self.date = date
        self.type = type
        self.shifts = shifts
        self.breakMinutes = breakMinutes
        self.overtime = overtime
        self.timeOff = timeOff
    }
}
