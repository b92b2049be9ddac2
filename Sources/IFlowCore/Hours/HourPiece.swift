/// A stretch of one plan's time that falls on one calendar date and one side of the day/night boundary.
public struct HourPiece: Hashable, Sendable {
    /// The calendar date (in the calculator's time zone) on which the piece starts.
    public let date: LocalDate
    /// Regular, overtime or time off.
    public let kind: HourKind
    /// The class of `date`.
    public let dayClass: DayClass
    /// Night when the piece lies in 22:00-06:00 local time.
    public let time: TimeOfDay
    /// Real elapsed minutes, always positive.
    public let minutes: Int

    public init(date: LocalDate, kind: HourKind, dayClass: DayClass, time: TimeOfDay, minutes: Int) {
        self.date = date
        self.kind = kind
        self.dayClass = dayClass
        self.time = time
        self.minutes = minutes
    }
}
