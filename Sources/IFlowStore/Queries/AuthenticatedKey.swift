/// The identity a valid key grants.
public struct AuthenticatedKey: Sendable {
    public var keyID: Int
    public var company: CompanyContext
    /// Who this key is in an audit record: its label and first characters.
    public var actor: AuditActor
}
