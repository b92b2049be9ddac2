import IFlowCore

/// What the employees page searches for.
public struct EmployeeSearch: Sendable {
    /// Part of the name or mark number (any case), or a whole CNP (CNPs are sealed at rest, so only an exact one is found),
    /// as the request type trimmed it (`EmployeeListPageQuery`).
    public var text: String?
    public var teamName: String?
    public var isEnabled: Bool?
    public var limit = 50
    public var offset = 0

    public init() {}
}
