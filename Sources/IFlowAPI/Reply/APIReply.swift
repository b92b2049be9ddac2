import HTTPTypes
import Hummingbird
import IFlowCore
import NIOCore

/// Builds the `{"api_reply": ...}` responses every endpoint answers with.
enum APIReply {
    static let contentType = "application/json; charset=utf-8"

    /// A successful reply: HTTP 200 with `{"api_reply": body}`.
    static func ok(_ body: [(String, JSONValue)]) -> Response {
        response(status: .ok, reply: .object(body))
    }

    /// A validation failure: HTTP 200 (as the API document specifies) listing every failed check.
    static func validationFailed(_ issues: [ValidationIssue], language: Language) -> Response {
        response(status: .ok, reply: errorBody(issues, language: language))
    }

    static func errorBody(_ issues: [ValidationIssue], language: Language) -> JSONValue {
        .object([
            (
                "error",
                .array(
                    issues.map { issue in
                        var members: [(String, JSONValue)] = [
                            ("field_name", .string(issue.field)),
                            ("check_name", .string(issue.check.rawValue)),
                            ("message", .string(issue.message(in: language))),
                        ]
                        if let line = issue.line { members.append(("line", .string(String(line)))) }
                        return .object(members)
                    }
                )
            )
        ])
    }

    /// A transport-level failure (404, 405, 413, 500, ...) in the same envelope, with a message and no internals.
    static func failure(status: HTTPResponse.Status, check: String, message: String, headers: HTTPFields = [:]) -> Response {
        let body = JSONValue.object([
            (
                "error",
                .array([
                    .object([
                        ("field_name", .null),
                        ("check_name", .string(check)),
                        ("message", .string(message)),
                    ])
                ])
            )
        ])
        var response = response(status: status, reply: body)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func response(status: HTTPResponse.Status, reply: JSONValue) -> Response {
        var buffer = ByteBuffer()
        JSONValue.object([("api_reply", reply)]).write(into: &buffer)
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }
}
