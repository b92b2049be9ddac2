import Hummingbird
import Logging

/// Turns every error that escapes a route into the API's JSON envelope: 404 for unknown paths, the error's own
/// status for HTTP errors, and a bare 500 (the details go to the log, not to the client) for anything else.
///
/// The router only knows a GET route's path for GET, so another method there would be a 404; for `getOnlyPaths` it
/// is a 405 with `Allow: GET`, as for the API's POST-only endpoints.
struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Paths served for GET only, e.g. `/healthz`.
    var getOnlyPaths: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if error.status == .notFound, request.method != .get, request.method != .head, getOnlyPaths.contains(request.uri.path) {
                return Self.envelope(status: .methodNotAllowed, headers: [.allow: "GET"])
            }
            return Self.envelope(status: error.status, headers: error.headers)
        } catch let error as any HTTPResponseError {
            return Self.envelope(status: error.status, headers: [:])
        } catch {
            // The type only: database errors can quote the values they refused, and those may be personal numbers.
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Self.envelope(status: .internalServerError, headers: [:])
        }
    }

    static func envelope(status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        let (check, message) = describe(status, allowed: headers[.allow] ?? "POST")
        return APIReply.failure(status: status, check: check, message: message, headers: headers)
    }

    /// The `check_name` and message of a transport error.
    static func describe(_ status: HTTPResponse.Status, allowed: String = "POST") -> (check: String, message: String) {
        switch status {
        case .notFound: ("endpoint", "The endpoint is not available")
        case .methodNotAllowed: ("method", "Use \(allowed) for this endpoint")
        case .contentTooLarge: ("too_large", "The request body is too large")
        case .internalServerError: ("server", "The server encountered an unspecified error")
        default: ("http", status.reasonPhrase)
        }
    }
}
