/// The outcome of ``CNP/validate(_:)``.
public enum CNPValidation: Hashable, Sendable {
    /// A valid CNP and what it encodes.
    case valid(CNP.Details)
    /// The first check that failed.
    case invalid(CNP.Failure)

    /// Whether every check passed.
    public var isValid: Bool { details != nil }

    /// The details of a valid CNP, otherwise `nil`.
    public var details: CNP.Details? {
        if case .valid(let details) = self { details } else { nil }
    }

    /// The first failed check, or `nil` when valid.
    public var failure: CNP.Failure? {
        if case .invalid(let failure) = self { failure } else { nil }
    }
}
