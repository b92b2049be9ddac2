/// One employee's locked month of one attendance type: who they were then, and their figures (IFlowAPI's stored
/// `EmployeeMonth`), which the store seals because they hold personal numbers.
public struct LockedEmployee: Sendable {
    public var user: ReportUser
    /// Whether they were enabled at lock time: a report without `include_disabled` lists the enabled ones.
    public var isEnabled: Bool
    public var figures: String
    /// The same month with its totals alone, for reports without days (migration 012).
    public var totals: String

    public init(user: ReportUser, isEnabled: Bool, figures: String, totals: String) {
        self.user = user
        self.isEnabled = isEnabled
        self.figures = figures
        self.totals = totals
    }
}
