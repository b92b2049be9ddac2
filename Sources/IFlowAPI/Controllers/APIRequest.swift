import IFlowCore
import IFlowStore
import Logging

/// An authenticated, decoded API request.
struct APIRequest: Sendable {
    var fields: FormFields
    var language: Language
    var company: CompanyContext
    var keyID: Int
    /// The key, as audit records name it.
    var actor: AuditActor
    var logger: Logger

    /// The body's fields, for the endpoint's request type: `XQuery.parse(request.requestFields)`.
    var requestFields: RequestFields { fields.requestFields }
}
