/// What `iflow demo` made.
public struct DemoCompany: Sendable {
    public var companyID: Int
    public var key: IssuedAPIKey
    public var employees: Int
    public var plans: Int
    public var months: [(year: Int, month: Int)]
}
