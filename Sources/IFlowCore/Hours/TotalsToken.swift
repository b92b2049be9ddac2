/// One requested total, `BASE[_CLASS][_TIME]`: e.g. `regular`, `regular_weekend`, `overtime_holiday_night`,
/// `total_night`, `time_off_weekdays_day`, `overtime_balance_night`.
public struct TotalsToken: Hashable, Sendable, CustomStringConvertible {
    /// What is measured.
    public let base: HourBase
    /// `nil` sums over all day classes.
    public let dayClass: DayClass?
    /// `nil` sums day and night.
    public let time: TimeOfDay?

    public init(base: HourBase, dayClass: DayClass? = nil, time: TimeOfDay? = nil) {
        self.base = base
        self.dayClass = dayClass
        self.time = time
    }

    /// Parses a token; `nil` when the text is not exactly one of the 60 spellings (lower case, no spaces).
    public init?(_ text: some StringProtocol) {
        for base in Self.basesLongestFirst where text.hasPrefix(base.rawValue) {
            var rest = text.dropFirst(base.rawValue.count)
            var dayClass: DayClass?
            var time: TimeOfDay?
            if let found = DayClass.allCases.first(where: { rest.hasPrefix("_" + $0.rawValue) }) {
                dayClass = found
                rest = rest.dropFirst(found.rawValue.count + 1)
            }
            if let found = TimeOfDay.allCases.first(where: { rest == "_" + $0.rawValue }) {
                time = found
                rest = rest.dropFirst(found.rawValue.count + 1)
            }
            if rest.isEmpty {
                self.init(base: base, dayClass: dayClass, time: time)
                return
            }
        }
        return nil
    }

    // `overtime_balance` and `time_off` contain underscores and `overtime` prefixes `overtime_balance`, so the longest
    // base is tried first.
    private static let basesLongestFirst = HourBase.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// The token's spelling, e.g. `time_off_weekend_night`.
    public var description: String {
        var text = base.rawValue
        if let dayClass { text += "_" + dayClass.rawValue }
        if let time { text += "_" + time.rawValue }
        return text
    }
}
