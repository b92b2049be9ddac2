/// The outcome of ``IBAN/validate(_:)``.
public enum IBANValidation: Hashable, Sendable {
    /// The normalized IBAN, e.g. `RO49AAAA1B31007593840000`.
    case valid(String)
    /// The first check that failed.
    case invalid(IBAN.Failure)

    /// Whether every check passed.
    public var isValid: Bool { normalized != nil }

    /// The normalized IBAN when valid, otherwise `nil`.
    public var normalized: String? {
        if case .valid(let iban) = self { iban } else { nil }
    }

    /// The first failed check, or `nil` when valid.
    public var failure: IBAN.Failure? {
        if case .invalid(let failure) = self { failure } else { nil }
    }
}
