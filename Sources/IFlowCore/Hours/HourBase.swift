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
