import HTTPTypes
import IFlowCore

/// A failure answered before any endpoint reads the request (unknown path, method, media type, size, internal
/// fault): its `check_name`, and its message in the request's language. `field_name` is always `null`.
///
/// With `CheckName` it is the whole `check_name` vocabulary the API sends; the OpenAPI test compares both with the
/// document's enum.
enum TransportFailure: String, CaseIterable, Sendable {
    case endpoint
    case method
    case mediaType = "media_type"
    case tooLarge = "too_large"
    case server
    case http

    init(status: HTTPResponse.Status) {
        switch status {
        case .notFound: self = .endpoint
        case .methodNotAllowed: self = .method
        case .unsupportedMediaType: self = .mediaType
        case .contentTooLarge: self = .tooLarge
        case .internalServerError: self = .server
        default: self = .http
        }
    }

    /// The media types the API reads, as the 415 message names them.
    static let supportedMediaTypes = "application/x-www-form-urlencoded, multipart/form-data"

    /// - Parameters:
    ///   - status: the reply's status, named by `http`.
    ///   - allowed: the methods the path takes, named by `method`.
    func message(in language: Language, status: HTTPResponse.Status, allowed: String) -> String {
        switch language {
        case .enUS:
            switch self {
            case .endpoint: "The endpoint is not available"
            case .method: "Use \(allowed) for this endpoint"
            case .mediaType: "The Content-Type must be \(Self.supportedMediaTypes) or application/json"
            case .tooLarge: "The request body is too large"
            case .server: "The server encountered an unspecified error"
            case .http: status.reasonPhrase
            }
        case .roRO:
            switch self {
            case .endpoint: "Endpoint-ul nu este disponibil"
            case .method: "Folosiți \(allowed) pentru acest endpoint"
            case .mediaType: "Content-Type trebuie să fie \(Self.supportedMediaTypes) sau application/json"
            case .tooLarge: "Corpul cererii este prea mare"
            case .server: "Serverul a întâmpinat o eroare nespecificată"
            case .http: "Cererea nu a putut fi procesată (HTTP \(status.code))"
            }
        }
    }
}
