/// A span of wall-clock time starting on a plan's date, such as a shift `22:00-06:00`.
///
/// An end at or before the start lies on the next day: `22:00-06:00` crosses midnight and `08:00-08:00` lasts 24 hours.
/// `00:00-24:00` is the whole day. A range cannot start at `24:00`; that moment belongs to the next day's plan.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    /// Start on the plan's date, before `24:00`.
    public let start: ClockTime
    /// End on the plan's date, or on the next day when not after `start`.
    public let end: ClockTime

    /// Creates a range, or `nil` when `start` is `24:00`.
    public init?(start: ClockTime, end: ClockTime) {
        guard start < .endOfDay else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses exactly `HH:MM-HH:MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = ClockTime(parts[0]), let end = ClockTime(parts[1]) else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether the range ends on the day after its start.
    public var endsNextDay: Bool { end <= start }

    /// Minutes from the plan date's midnight to the end on the wall clock: up to two days for a range ending the next day.
    public var endOffsetMinutes: Int { endsNextDay ? end.minutes + ClockTime.minutesPerDay : end.minutes }

    /// Length on the wall clock, ignoring daylight-saving changes; from one minute to a whole day.
    public var wallMinutes: Int { endOffsetMinutes - start.minutes }

    /// Whether the two ranges, laid from the same date, share time; ranges that only touch do not overlap.
    public func overlaps(_ other: TimeRange) -> Bool {
        start.minutes < other.endOffsetMinutes && other.start.minutes < endOffsetMinutes
    }

    /// `HH:MM-HH:MM`.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.textLength) { write(into: $0, at: 0) }
    }

    /// The length of `HH:MM-HH:MM`.
    static let textLength = 2 * ClockTime.textLength + 1

    /// Writes `HH:MM-HH:MM` at `out[at...]` and returns the index after it (see `ClockTime.write(into:at:)`).
    func write(into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let dash = start.write(into: out, at: at)
        out[dash] = UInt8(ascii: "-")
        return end.write(into: out, at: dash + 1)
    }
}
