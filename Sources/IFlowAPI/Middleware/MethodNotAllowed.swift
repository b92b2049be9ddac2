import HTTPTypes
import Hummingbird
import IFlowCore

/// A method a path does not serve: the 405, the methods it does serve, and the language of its message when the request
/// names none (the endpoint's own, e.g. Romanian for the badge terminals, which send no `api_language`).
struct MethodNotAllowed: HTTPResponseError {
    var allow: String
    var defaultLanguage: Language

    var status: HTTPResponse.Status { .methodNotAllowed }
    var headers: HTTPFields { [.allow: allow] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        ErrorEnvelopeMiddleware<AppRequestContext>.envelope(status: status, headers: headers, language: defaultLanguage)
    }
}
