/// Filters of the work-schedule report.
public struct ReportFilter: Sendable, Equatable {
    public var teamName: String?
    public var user: UserSelector?
    public var includeDisabled = false

    public init() {}
}
