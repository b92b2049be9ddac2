/// What a quantity of hours measures, as the totals grammar spells it.
///
/// `regular`, `overtime` and `timeOff` are counted; `total` (regular + overtime) and `overtimeBalance`
/// (overtime − time off, possibly negative) are derived from them.
public enum HourBase: String, Sendable, CaseIterable {
    case regular
    case overtime
    case total
    case timeOff = "time_off"
    case overtimeBalance = "overtime_balance"
}

/// The kind of a calendar date for pay purposes.
public enum DayClass: String, Sendable, CaseIterable {
    /// Monday to Friday, not a public holiday.
    case weekdays
    /// Saturday or Sunday, not a public holiday.
    case weekend
    /// A public holiday, whatever the day of the week.
    case holiday
}

/// Day or night work: night is from `ClockTime.nightStart` to `ClockTime.nightEnd`, 22:00-06:00 (Labour Code art. 125).
public enum TimeOfDay: String, Sendable, CaseIterable {
    case day
    case night
}

/// The counted kinds of time in a plan.
public enum HourKind: String, Sendable, CaseIterable {
    /// Shift time less the unpaid break.
    case regular
    case overtime
    case timeOff = "time_off"
}
