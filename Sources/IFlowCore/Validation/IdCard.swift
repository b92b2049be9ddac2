/// Identity document numbers.
///
/// A Romanian identity card reads like "RX123456" (2-letter series, 6 digits), but employees may hold foreign
/// documents, so only normalization and the length limit are enforced, not the format.
public enum IdCard {
    /// `value` trimmed and uppercased, e.g. " rx123456 " becomes "RX123456".
    public static func normalize(_ value: String) -> String { TextField.trimmed(value).uppercased() }

    /// Normalizes `value` and checks it for control characters and against ``FieldLimits/idCard``.
    ///
    /// - Parameter value: The document number as submitted.
    /// - Returns: The normalized number to store, or why it is rejected.
    public static func validate(_ value: String) -> TextFieldValidation {
        TextField.validate(normalize(value), maxLength: FieldLimits.idCard)
    }
}
