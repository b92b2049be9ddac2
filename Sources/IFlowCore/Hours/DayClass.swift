/// The kind of a calendar date for pay purposes.
public enum DayClass: String, Sendable, CaseIterable {
    /// Monday to Friday, not a public holiday.
    case weekdays
    /// Saturday or Sunday, not a public holiday.
    case weekend
    /// A public holiday, whatever the day of the week.
    case holiday
}
