import Hummingbird

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
