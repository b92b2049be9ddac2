import Hummingbird
import IFlowCore
import Logging
import NIOCore

/// Turns every error that escapes a route into the API's JSON envelope: 404 for unknown paths, the error's own
/// status for HTTP errors, and a bare 500 (the details go to the log, not to the client) for anything else.
///
/// The router only knows a GET route's path for GET, so another method there would be a 404; for `getOnlyPaths` it
/// is a 405 with `Allow: GET`, as for the API's POST-only endpoints.
struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Paths served for GET only, e.g. `/healthz`.
    var getOnlyPaths: Set<String> = []
    /// The router's limits: a body read for its `api_language` is held to the same size and field limits as the API's.
    var limits = RequestLimits()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as MethodNotAllowed {
            // Answered before any handler read the body, so its api_language can still be read there.
            let language = await language(of: request, readingBody: true, otherwise: error.defaultLanguage)
            return Self.envelope(status: error.status, headers: error.headers, language: language)
        } catch let error as HTTPError {
            // A 404 or 405 is answered before any handler read the body, so its api_language can still be read there.
            let language = await language(of: request, readingBody: [.notFound, .methodNotAllowed].contains(error.status))
            if error.status == .notFound, request.method != .get, request.method != .head, getOnlyPaths.contains(request.uri.path) {
                return Self.envelope(status: .methodNotAllowed, headers: [.allow: "GET"], language: language)
            }
            return Self.envelope(status: error.status, headers: error.headers, language: language)
        } catch let error as any HTTPResponseError {
            return Self.envelope(status: error.status, headers: [:], language: await language(of: request, readingBody: false))
        } catch {
            // The type only: database errors can quote the values they refused, and those may be personal numbers.
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Self.envelope(status: .internalServerError, headers: [:], language: .enUS)
        }
    }

    static func envelope(status: HTTPResponse.Status, headers: HTTPFields, language: Language) -> Response {
        let (check, message) = describe(status, allowed: headers[.allow] ?? "POST", language: language)
        return APIReply.failure(status: status, check: check, message: message, headers: headers)
    }

    /// The `check_name` and message of a transport error.
    static func describe(_ status: HTTPResponse.Status, allowed: String = "POST", language: Language = .enUS) -> (check: String, message: String) {
        let failure = TransportFailure(status: status)
        return (failure.rawValue, failure.message(in: language, status: status, allowed: allowed))
    }

    /// The request's `api_language`, as every API message is chosen: from the body (a form of at most the ordinary
    /// size, when `readingBody`), else from the query string; `otherwise` (English unless the endpoint speaks another)
    /// when neither names a language.
    func language(of request: Request, readingBody: Bool, otherwise: Language = .enUS) async -> Language {
        let contentType = request.headers[.contentType]
        if readingBody, FormFields.isSupported(contentType: contentType),
            let body = try? await request.body.collect(upTo: limits.maxBodyBytes),
            let raw = try? FormFields.decode(body: body, contentType: contentType, limits: limits.fields)["api_language"],
            let language = Language(apiValue: raw)
        {
            return language
        }
        let query = ByteBuffer(string: request.uri.query ?? "")
        if let raw = try? FormFields.decode(body: query, contentType: "application/x-www-form-urlencoded", limits: limits.fields)["api_language"],
            let language = Language(apiValue: raw)
        {
            return language
        }
        return otherwise
    }
}
