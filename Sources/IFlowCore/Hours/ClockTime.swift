/// A wall-clock time of day, as minutes since local midnight; `24:00` is the midnight that ends the day.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since local midnight, `0...ClockTime.minutesPerDay`.
    public let minutes: Int

    /// Minutes in a calendar day on the wall clock (a daylight-saving day lasts longer or shorter in real time).
    public static let minutesPerDay = 24 * 60

    /// The midnight that ends the day, `24:00`.
    public static let endOfDay = ClockTime(validMinutes: minutesPerDay)

    /// Night work starts at 22:00: the Labour Code (art. 125) makes work between 22:00 and 06:00 night work.
    public static let nightStart = ClockTime(validMinutes: 22 * 60)

    /// Night work ends at 06:00 (Labour Code art. 125).
    public static let nightEnd = ClockTime(validMinutes: 6 * 60)

    /// Creates a time when `minutes` is in `0...ClockTime.minutesPerDay`, otherwise `nil`.
    public init?(minutes: Int) {
        guard (0...Self.minutesPerDay).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    private init(validMinutes: Int) { minutes = validMinutes }

    /// Parses exactly `HH:MM`: two-digit hours 00-24 and minutes 00-59, with hour 24 only as `24:00`.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return nil }
        func digit(_ index: Int) -> Int? {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            return Int(byte - UInt8(ascii: "0"))
        }
        guard let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return nil }
        let hour = h1 * 10 + h2
        let minute = m1 * 10 + m2
        guard hour <= 24, minute <= 59, hour < 24 || minute == 0 else { return nil }
        minutes = hour * 60 + minute
    }

    /// `HH:MM`, e.g. `08:30` or `24:00`.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.textLength) { write(into: $0, at: 0) }
    }

    /// The length of `HH:MM`.
    static let textLength = 5

    /// Writes `HH:MM` at `out[at...]` and returns the index after it: a month's report formats millions of times, and
    /// writing digits costs no intermediate strings.
    func write(into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let hour = minutes / 60
        let minute = minutes % 60
        out[at] = UInt8(ascii: "0") + UInt8(hour / 10)
        out[at + 1] = UInt8(ascii: "0") + UInt8(hour % 10)
        out[at + 2] = UInt8(ascii: ":")
        out[at + 3] = UInt8(ascii: "0") + UInt8(minute / 10)
        out[at + 4] = UInt8(ascii: "0") + UInt8(minute % 10)
        return at + Self.textLength
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
