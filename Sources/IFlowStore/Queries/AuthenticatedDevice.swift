/// The identity a valid device token grants: the terminal and the one company it scans for.
public struct AuthenticatedDevice: Sendable {
    public let deviceID: Int
    public let label: String
    public let company: CompanyContext
    /// Who the terminal is in an audit record and a scan: its label and first digits.
    public let actor: AuditActor
}
