import IFlowCore
import IFlowStore
import Logging

/// A decoded terminal request, and the terminal its `access_token` names (or why it names none).
struct TerminalRequest: Sendable {
    var fields: FormFields
    var language: Language
    /// The `access_token` as sent, trimmed.
    var token: String
    /// The terminal, or the `access_token` check it failed (`required` or `valid_access_token`); `nil` when a token
    /// was given to an endpoint that authenticates in its write (`TerminalEndpoint.authenticatesInWrite`).
    var device: Result<AuthenticatedDevice, ValidationIssue>?
    /// Whether a terminal may go ahead now (its rate limit, and its use recorded): `nil`, or the seconds until it may.
    /// The dispatcher asked it already for a `device` it found.
    var admit: @Sendable (AuthenticatedDevice) -> Int?
    var logger: Logger

    var requestFields: RequestFields { fields.requestFields }

    /// The terminal, read now if the dispatcher did not: a request without a valid token fails with its check
    /// (`ValidationFailure`), a terminal over its rate with ``TerminalRateLimited``.
    func authenticatedDevice(using store: Store) async throws -> AuthenticatedDevice {
        switch device {
        case .success(let device)?: return device
        case .failure(let issue)?: throw ValidationFailure([issue])
        case nil:
            guard let device = try await store.authenticateDevice(token: token) else {
                throw ValidationFailure(field: "access_token", check: .validAccessToken)
            }
            if let retryAfter = admit(device) { throw TerminalRateLimited(retryAfter: retryAfter) }
            return device
        }
    }
}

/// A terminal over its rate limit: answered 429 with `Retry-After`.
struct TerminalRateLimited: Error {
    var retryAfter: Int
}
