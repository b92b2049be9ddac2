import Hummingbird
import IFlowCore

/// One action of the API, e.g. `user/update`.
struct APIEndpoint: Sendable {
    /// `group/action`.
    var path: String
    /// Endpoints that take a file upload allow a larger body.
    var acceptsUpload = false
    /// Also served for GET, its fields read from the query string, where iFlow documents GET (`users/get_today_status`).
    var allowsGET = false
    /// The language of a request that names none; `nil` makes `api_language` required, as iFlow's original actions do.
    var defaultLanguage: Language?
    var handle: @Sendable (APIRequest) async throws -> Response
}

extension APIEndpoint {
    /// An endpoint whose handler returns its reply type, sent as `{"api_reply": ...}`: the handler's signature names
    /// the reply, and the handler neither builds a response nor knows the envelope.
    init<Reply: Encodable & Sendable>(
        path: String, acceptsUpload: Bool = false, allowsGET: Bool = false, defaultLanguage: Language? = nil,
        handle: @escaping @Sendable (APIRequest) async throws -> Reply
    ) {
        self.init(path: path, acceptsUpload: acceptsUpload, allowsGET: allowsGET, defaultLanguage: defaultLanguage) { request in
            try APIReply.ok(await handle(request))
        }
    }

    /// The methods it answers, as its 405 names them in `Allow`.
    var allowedMethods: String { allowsGET ? "GET, POST" : "POST" }
}
