/// Day or night work: night is from `ClockTime.nightStart` to `ClockTime.nightEnd`, 22:00-06:00 (Labour Code art. 125).
public enum TimeOfDay: String, Sendable, CaseIterable {
    case day
    case night
}
