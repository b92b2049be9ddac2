import IFlowCore
import IFlowStore
import Logging

/// A decoded terminal request, and the terminal its `access_token` names (or why it names none).
struct TerminalRequest: Sendable {
    var fields: FormFields
    var language: Language
    /// The terminal, or the `access_token` check it failed (`required` or `valid_access_token`).
    var device: Result<AuthenticatedDevice, ValidationIssue>
    /// For an endpoint that names a badge (`TerminalEndpoint.badge`) and a valid token: the tag and the company's
    /// employee who holds it (`nil` when nobody does), read with the terminal.
    var badge: (tag: String, holder: ScanEmployee?)? = nil
    var logger: Logger

    var requestFields: RequestFields { fields.requestFields }

    /// The terminal; a request without a valid token fails with its check.
    func requireDevice() throws(ValidationFailure) -> AuthenticatedDevice {
        switch device {
        case .success(let device): device
        case .failure(let issue): throw ValidationFailure([issue])
        }
    }
}
