import HTTPTypes
import Hummingbird
import IFlowCore
import IFlowStore

/// Serves the badge terminals' actions under `/api/` and `/`, as iFlow does, for GET (the query string) and POST (a
/// body of any encoding the API reads, over the query string): the same decoding and limits as the API, but a
/// terminal names itself by its device token (`access_token`) instead of an API key, and speaks Romanian unless it
/// asks otherwise.
struct TerminalDispatcher {
    let store: Store
    let keyUse: KeyUseRecorder
    /// Per terminal, apart from the API keys' buckets (a device id and a key id may be equal).
    let rateLimiter: RateLimiter
    let limits: RequestLimits
    let endpoints: [TerminalEndpoint]

    /// Where the terminals' actions are served: iFlow's `/api/…` and the same without it.
    static let mountPoints = ["/api/", "/"]
    /// The language of a terminal that names none: the terminals send no `api_language`.
    static let defaultLanguage = Language.roRO
    /// What a 405 names in `Allow`.
    static let allowedMethods = "GET, POST"
    /// Every method token but GET and POST: each answers 405, as for an API action that allows GET.
    static let refusedMethods = APIDispatcher.refusedMethods.filter { $0 != .get }

    /// Fields an offline batch may hold: eight per row (four columns and room for a terminal's own), and the
    /// ordinary fields beside them.
    static func batchFieldLimit(_ limits: FormFields.Limits) -> FormFields.Limits {
        var batch = limits
        batch.maxFields = StoreAttendancesRequest.maxRows * 8 + limits.maxFields
        return batch
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        for endpoint in endpoints {
            for mountPoint in Self.mountPoints {
                let path = RouterPath(stringLiteral: mountPoint + endpoint.path)
                router.get(path) { request, context in try await respond(to: request, context: context, endpoint: endpoint) }
                router.post(path) { request, context in try await respond(to: request, context: context, endpoint: endpoint) }
                for method in Self.refusedMethods {
                    router.on(path, method: method) { _, _ -> Response in
                        throw MethodNotAllowed(allow: Self.allowedMethods, defaultLanguage: Self.defaultLanguage)
                    }
                }
            }
        }
    }

    func respond(to request: Request, context: AppRequestContext, endpoint: TerminalEndpoint) async throws -> Response {
        let fieldLimits = endpoint.acceptsBatch ? Self.batchFieldLimit(limits.fields) : limits.fields
        let fields: FormFields
        do {
            let query = try request.queryFields(limits: limits.fields)
            fields = try await request.formFields(
                maxBodyBytes: endpoint.acceptsBatch ? limits.maxUploadBytes : limits.maxBodyBytes, limits: fieldLimits
            ).adding(missingFrom: query)
        } catch let error as HTTPError where error.status == .contentTooLarge || error.status == .unsupportedMediaType {
            // Answered here rather than by ErrorEnvelopeMiddleware, whose language without api_language is English.
            let language = (try? request.queryFields(limits: limits.fields))?["api_language"].flatMap(Language.init(apiValue:))
            return ErrorEnvelopeMiddleware<AppRequestContext>.envelope(status: error.status, headers: [:], language: language ?? Self.defaultLanguage)
        } catch let error as FormFields.DecodingError {
            let issue =
                endpoint.acceptsBatch && error.isOverFieldLimit
                ? ValidationIssue(field: "csv_data", check: .tooLarge, parameters: ["detail": "\(StoreAttendancesRequest.maxRows) rows"])
                : ValidationIssue(field: "body", check: .validBody, parameters: ["detail": error.detail])
            return APIReply.validationFailed([issue], language: Self.defaultLanguage)
        }

        var language = Self.defaultLanguage
        if let raw = fields["api_language"], !TextField.trimmed(raw).isEmpty {
            guard let parsed = Language(apiValue: raw) else {
                let issue = ValidationIssue(field: "api_language", check: .inList, parameters: ["allowed": Language.documentedAPIValues])
                return APIReply.validationFailed([issue], language: language)
            }
            language = parsed
        }

        // A terminal's admission: its rate, then its use recorded.
        let admit: @Sendable (AuthenticatedDevice) -> Int? = { [rateLimiter, keyUse] device in
            if let retryAfter = rateLimiter.admit(key: device.deviceID) { return retryAfter }
            keyUse.recordUse(deviceID: device.deviceID)
            return nil
        }
        let device: Result<AuthenticatedDevice, ValidationIssue>?
        let token = fields["access_token"].map(TextField.trimmed) ?? ""
        if token.isEmpty {
            device = .failure(ValidationIssue(field: "access_token", check: .required))
        } else if endpoint.authenticatesInWrite {
            device = nil
        } else if let found = try await store.authenticateDevice(token: token) {
            device = .success(found)
        } else {
            device = .failure(ValidationIssue(field: "access_token", check: .validAccessToken))
        }

        var logger = context.logger
        if case .success(let found) = device {
            if let retryAfter = admit(found) { return Self.rateLimited(retryAfter: retryAfter, language: language) }
            logger[metadataKey: "company"] = "\(found.company.id)"
        }
        do {
            return try await endpoint.handle(
                TerminalRequest(fields: fields, language: language, token: token, device: device, admit: admit, logger: logger))
        } catch let failure as ValidationFailure {
            return APIReply.validationFailed(failure.issues, language: language)
        } catch let limited as TerminalRateLimited {
            return Self.rateLimited(retryAfter: limited.retryAfter, language: language)
        }
    }

    /// A terminal over its rate: 429, with the seconds until it may scan again in `Retry-After`.
    static func rateLimited(retryAfter: Int, language: Language) -> Response {
        var response = APIReply.validationFailed([ValidationIssue(field: "access_token", check: .rateLimit)], language: language)
        response.status = .tooManyRequests
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }
}
