import HTTPTypes
import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// Routes `<group>/<action>` to its endpoint and does what every endpoint shares: method check, body limits and
/// decoding (or the query string's, for GET), `api_language`, and `api_key` authentication.
struct APIDispatcher {
    let store: Store
    let keyUse: KeyUseRecorder
    let rateLimiter: RateLimiter
    let limits: RequestLimits
    /// Every action, each registered with the router under every mount point: the router's routes are the one list
    /// of what the API serves (the OpenAPI test reads them).
    let endpoints: [APIEndpoint]

    /// The methods the API's POST-only actions answer with 405 and `Allow: POST`, registered beside each action's POST: every
    /// token NIO's HTTP parser (llhttp) reads, but POST, as NIO names it (`M-SEARCH` arrives as `MSEARCH`). The
    /// parser answers any other token (`FOO`) itself with a bare 400 and closes the connection, before the server
    /// sees the request.
    static let refusedMethods: [HTTPRequest.Method] =
        ([
            "GET", "HEAD", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY", "COPY", "LOCK", "MKCOL", "MOVE",
            "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY", "CHECKOUT",
            "MERGE", "MSEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE",
        ] as [String]).compactMap { HTTPRequest.Method($0) }

    /// The methods `endpoint` answers with 405: for one that allows GET, all but GET.
    static func refusedMethods(of endpoint: APIEndpoint) -> [HTTPRequest.Method] {
        endpoint.allowsGET ? refusedMethods.filter { $0 != .get } : refusedMethods
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        for endpoint in endpoints {
            let path = RouterPath(stringLiteral: endpoint.path)
            group.post(path) { request, context in
                try await respond(to: request, context: context, endpoint: endpoint)
            }
            if endpoint.allowsGET {
                group.get(path) { request, context in
                    try await respond(to: request, context: context, endpoint: endpoint)
                }
            }
            let allow = endpoint.allowedMethods
            for method in Self.refusedMethods(of: endpoint) {
                group.on(path, method: method) { _, _ -> Response in
                    throw MethodNotAllowed(allow: allow, defaultLanguage: endpoint.defaultLanguage ?? .enUS)
                }
            }
        }
    }

    func respond(to request: Request, context: AppRequestContext, endpoint: APIEndpoint) async throws -> Response {
        let fields: FormFields
        do {
            fields = try await self.fields(of: request, endpoint: endpoint)
        } catch let failure as SpooledFile.Failure {
            // The server's disk (TMPDIR full or not writable), not the request: retry later, and the operator is told.
            context.logger.error("upload not spooled", metadata: ["error": "\(failure)"])
            throw HTTPError(.serviceUnavailable)
        } catch let error as FormFields.DecodingError {
            return APIReply.validationFailed(
                [ValidationIssue(field: "body", check: .validBody, parameters: ["detail": error.detail])],
                language: endpoint.defaultLanguage ?? .enUS
            )
        }

        var issues: [ValidationIssue] = []
        let language: Language
        if let raw = fields["api_language"] {
            if let parsed = Language(apiValue: raw) {
                language = parsed
            } else {
                language = endpoint.defaultLanguage ?? .enUS
                issues.append(ValidationIssue(field: "api_language", check: .inList, parameters: ["allowed": Language.documentedAPIValues]))
            }
        } else if let defaultLanguage = endpoint.defaultLanguage {
            language = defaultLanguage
        } else {
            language = .enUS
            issues.append(ValidationIssue(field: "api_language", check: .required))
        }

        var secret = fields["api_key"]
        if secret == nil, let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            secret = TextField.trimmed(String(authorization.dropFirst("bearer ".count)))
        }
        var key: AuthenticatedKey?
        if let secret, !secret.isEmpty {
            key = try await store.authenticate(secret: secret)
            if key == nil { issues.append(ValidationIssue(field: "api_key", check: .validAPIKey)) }
        } else {
            issues.append(ValidationIssue(field: "api_key", check: .required))
        }

        guard issues.isEmpty, let key else { return APIReply.validationFailed(issues, language: language) }
        if let retryAfter = rateLimiter.admit(key: key.keyID) {
            var response = APIReply.validationFailed([ValidationIssue(field: "api_key", check: .rateLimit)], language: language)
            response.status = .tooManyRequests
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
        keyUse.recordUse(keyID: key.keyID)

        var logger = context.logger
        logger[metadataKey: "company"] = "\(key.company.id)"
        let apiRequest = APIRequest(fields: fields, language: language, company: key.company, keyID: key.keyID, actor: key.actor, logger: logger)
        do {
            return try await endpoint.handle(apiRequest)
        } catch let failure as ValidationFailure {
            return APIReply.validationFailed(failure.issues, language: language)
        }
    }

    /// The request's fields (`Request.formFields`): a GET's from its query string, any other's from its body, of a
    /// supported media type and within the body limit.
    func fields(of request: Request, endpoint: APIEndpoint) async throws -> FormFields {
        // Only a file upload may be large; the same endpoint's fields in any other encoding get the ordinary limit.
        // An upload is read as it arrives, its file spooled to disk, so its size does not set the server's memory.
        if endpoint.acceptsUpload, request.method != .get, FormFields.isMultipart(contentType: request.headers[.contentType]) {
            do {
                return try await FormFields.decodeMultipart(
                    streaming: request.body, contentType: request.headers[.contentType], maxBytes: limits.maxUploadBytes, limits: limits.fields
                )
            } catch is FormFields.BodyTooLarge {
                throw HTTPError(.contentTooLarge)
            }
        }
        return try await request.formFields(maxBodyBytes: limits.maxBodyBytes, limits: limits.fields)
    }
}
