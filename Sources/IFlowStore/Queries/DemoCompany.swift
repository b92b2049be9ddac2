/// What `iflow demo` made.
public struct DemoCompany: Sendable {
    public var companyID: Int
    public var key: IssuedAPIKey
    /// The web administration's demo administrator; the password is shown once and stored only as a bcrypt hash.
    public var administratorEmail: String
    public var administratorPassword: String
    public var employees: Int
    public var plans: Int
    public var months: [(year: Int, month: Int)]
    /// The two badge terminals; their tokens are shown once.
    public var terminals: [IssuedDevice]
    /// Scans stored for the last 30 days.
    public var scans: Int
    /// The first employee's badge, for a first scan by hand.
    public var rfidTag: String?
}
