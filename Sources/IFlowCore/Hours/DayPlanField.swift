/// A field of `DayPlan`, named as the API spells it.
public enum DayPlanField: String, Sendable, CaseIterable {
    case shifts
    case breakMinutes = "break_minutes"
    case overtime
    case timeOff = "time_off"
}
