/// A broken Labour Code rule found in an employee's plans: which rule, where, the measured figure and the limit.
///
/// Warnings never block a write; they tell an HR clerk what an inspection (ITM) would find.
public struct ComplianceWarning: Hashable, Sendable {
    public var rule: ComplianceRule
    /// The article and paragraph applied, e.g. `art. 135(2)` for the rest between shifts.
    public var article: String
    /// The first and last date involved (a rest's two working days, a week, a reference period).
    public var from: LocalDate
    public var through: LocalDate
    /// The measured span in UTC seconds, when the rule measures one (a rest, a working day).
    public var start: Int?
    public var end: Int?
    /// The measured figure and the limit, in minutes (for `minor_overtime` and `minor_night_work` the limit is 0).
    public var measuredMinutes: Int
    public var limitMinutes: Int
    /// The weekly average over the reference period (`weekly_maximum`, `night_work`), in minutes.
    public var averageMinutes: Int?
    /// The last day the time off may be given (`overtime_compensation`, `holiday_compensation`).
    public var expires: LocalDate?
    /// Whether `expires` has passed on the day checked: the hours must then be paid with the premium.
    public var expired: Bool

    public init(
        rule: ComplianceRule, article: String, from: LocalDate, through: LocalDate, start: Int? = nil, end: Int? = nil,
        measuredMinutes: Int, limitMinutes: Int, averageMinutes: Int? = nil, expires: LocalDate? = nil, expired: Bool = false
    ) {
        self.rule = rule
        self.article = article
        self.from = from
        self.through = through
        self.start = start
        self.end = end
        self.measuredMinutes = measuredMinutes
        self.limitMinutes = limitMinutes
        self.averageMinutes = averageMinutes
        self.expires = expires
        self.expired = expired
    }
}
