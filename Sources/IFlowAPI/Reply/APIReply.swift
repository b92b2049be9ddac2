import HTTPTypes
import Hummingbird
import IFlowCore
import NIOCore

/// Builds the `{"api_reply": ...}` responses every endpoint answers with, from the endpoint's reply type.
enum APIReply {
    static let contentType = "application/json; charset=utf-8"

    /// A successful reply: HTTP 200 with `{"api_reply": body}`.
    static func ok(_ body: some Encodable & Sendable) throws -> Response {
        try json(Envelope(apiReply: body))
    }

    /// A validation failure: HTTP 200 (as the API document specifies) listing every failed check.
    static func validationFailed(_ issues: [ValidationIssue], language: Language) -> Response {
        errors(status: .ok, issues.map { APIErrorItem($0, language: language) })
    }

    /// A transport-level failure (404, 405, 413, 500, ...) in the same envelope, with a message and no internals.
    static func failure(status: HTTPResponse.Status, check: String, message: String, headers: HTTPFields = [:]) -> Response {
        var response = errors(status: status, [APIErrorItem(fieldName: nil, checkName: check, message: message)])
        response.headers.append(contentsOf: headers)
        return response
    }

    /// `body` as the whole JSON document, e.g. `/healthz`'s, which has no `api_reply` envelope.
    static func json(status: HTTPResponse.Status = .ok, _ body: some Encodable) throws -> Response {
        var buffer = ByteBuffer()
        try APIJSONEncoder.encode(body, into: &buffer)
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }

    /// The error envelope; it holds strings and `null` only, which the encoder always takes, so the fixed 500 reply
    /// is a guard that a later change to the envelope cannot turn into a crash.
    private static func errors(status: HTTPResponse.Status, _ items: [APIErrorItem]) -> Response {
        do {
            return try json(status: status, Envelope(apiReply: APIErrorReply(error: items)))
        } catch {
            let body = ByteBuffer(staticString: unspecifiedError)
            return Response(status: .internalServerError, headers: [.contentType: contentType], body: .init(byteBuffer: body))
        }
    }

    /// The envelope `ErrorEnvelopeMiddleware` sends for a 500, written out (a test checks it against the encoder's).
    static let unspecifiedError: StaticString =
        #"{"api_reply":{"error":[{"field_name":null,"check_name":"server","message":"The server encountered an unspecified error"}]}}"#

    /// `{"api_reply": ...}`.
    struct Envelope<Body: Encodable>: Encodable {
        var apiReply: Body

        enum CodingKeys: String, CodingKey {
            case apiReply = "api_reply"
        }
    }
}
