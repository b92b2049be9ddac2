/// The outcome of ``TextField/validate(_:maxLength:)`` and ``IdCard/validate(_:)``.
public enum TextFieldValidation: Hashable, Sendable {
    /// The text to store, trimmed (and for ``IdCard`` uppercased).
    case valid(String)
    /// The first check that failed.
    case invalid(TextField.Failure)

    /// Whether every check passed.
    public var isValid: Bool { text != nil }

    /// The text to store when valid, otherwise `nil`.
    public var text: String? {
        if case .valid(let text) = self { text } else { nil }
    }

    /// The failed check, or `nil` when valid.
    public var failure: TextField.Failure? {
        if case .invalid(let failure) = self { failure } else { nil }
    }
}
