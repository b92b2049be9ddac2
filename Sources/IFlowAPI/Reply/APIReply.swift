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

    private static func errors(status: HTTPResponse.Status, _ items: [APIErrorItem]) -> Response {
        // Strings and null only, which the encoder always takes.
        try! json(status: status, Envelope(apiReply: APIErrorReply(error: items)))
    }

    /// `{"api_reply": ...}`.
    struct Envelope<Body: Encodable>: Encodable {
        var apiReply: Body

        enum CodingKeys: String, CodingKey {
            case apiReply = "api_reply"
        }
    }
}

/// The reply of a request that failed: every failed check.
struct APIErrorReply: Encodable, Sendable {
    var error: [APIErrorItem]
}

/// One failed check: `field_name` (`null` for a transport error), `check_name`, the message in the request's language,
/// and `line` only for an uploaded file's line.
struct APIErrorItem: Encodable, Sendable {
    var fieldName: String?
    var checkName: String
    var message: String
    var line: String?

    init(fieldName: String?, checkName: String, message: String, line: String? = nil) {
        self.fieldName = fieldName
        self.checkName = checkName
        self.message = message
        self.line = line
    }

    init(_ issue: ValidationIssue, language: Language) {
        self.init(fieldName: issue.field, checkName: issue.check.rawValue, message: issue.message(in: language), line: issue.line.map(String.init))
    }

    enum CodingKeys: String, CodingKey {
        case fieldName = "field_name"
        case checkName = "check_name"
        case message
        case line
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(fieldName, forKey: .fieldName)
        try container.encode(checkName, forKey: .checkName)
        try container.encode(message, forKey: .message)
        if let line { try container.encode(line, forKey: .line) }
    }
}
