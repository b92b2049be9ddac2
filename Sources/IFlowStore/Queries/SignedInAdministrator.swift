import IFlowCore

/// Who a valid session cookie belongs to.
public struct SignedInAdministrator: Sendable {
    public var sessionID: Int
    public var administratorID: Int
    public var email: String
    public var language: Language
    public var company: CompanyContext
    public var csrfToken: String

    /// Who this administrator is in an audit record.
    public var actor: AuditActor { AuditActor(kind: .administrator, id: administratorID, label: email) }
}
