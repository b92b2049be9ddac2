import Foundation
import Hummingbird
import IFlowCore
import IFlowStore
import Logging

/// One action of the API, e.g. `user/update`.
struct APIEndpoint: Sendable {
    /// `group/action`.
    var path: String
    /// Endpoints that take a file upload allow a larger body.
    var acceptsUpload = false
    var handle: @Sendable (APIRequest) async throws -> Response
}

extension APIEndpoint {
    /// An endpoint whose handler returns its reply type, sent as `{"api_reply": ...}`: the handler's signature names
    /// the reply, and the handler neither builds a response nor knows the envelope.
    init<Reply: Encodable & Sendable>(path: String, acceptsUpload: Bool = false, handle: @escaping @Sendable (APIRequest) async throws -> Reply) {
        self.init(path: path, acceptsUpload: acceptsUpload) { request in try APIReply.ok(await handle(request)) }
    }
}

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
    var requestFields: RequestFields { RequestFields(fields.values) }
}

extension Language {
    /// Reads `api_language`: `en_US` (also `US`, as the API document's update section writes it) or `ro_RO`.
    init?(apiValue: String) {
        switch TextField.trimmed(apiValue).lowercased() {
        case "en_us", "us", "en", "en-us": self = .enUS
        case "ro_ro", "ro", "ro-ro": self = .roRO
        default: return nil
        }
    }
}
