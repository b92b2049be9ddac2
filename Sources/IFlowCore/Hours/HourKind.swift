/// The counted kinds of time in a plan.
public enum HourKind: String, Sendable, CaseIterable {
    /// Shift time less the unpaid break.
    case regular
    case overtime
    case timeOff = "time_off"
}
