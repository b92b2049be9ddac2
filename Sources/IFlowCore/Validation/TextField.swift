/// Checks shared by the single-line free-text fields of an employee (names, addresses, phones, ...).
public enum TextField {
    /// Why a single-line text is rejected; the raw value names the check in API error replies.
    public enum Failure: String, Error, Hashable, Sendable, CaseIterable {
        /// A control character or line break (see ``TextField/containsControlCharacters(_:)``).
        case controlCharacters
        /// More characters than the field's limit (see ``FieldLimits``).
        case tooLong
    }

    /// `value` without leading and trailing Unicode whitespace and newlines (including no-break and ideographic spaces):
    /// `trimmingWhitespace()` as a `String`.
    public static func trimmed(_ value: String) -> String {
        String(value.trimmingWhitespace())
    }

    /// Whether `value` holds a character a single-line field must not: any control character (C0 including tab, CR and
    /// LF; DEL; C1) or the Unicode line and paragraph separators U+2028 and U+2029.
    public static func containsControlCharacters(_ value: String) -> Bool {
        value.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    /// Trims `value`, then checks it for control characters and against `maxLength`.
    ///
    /// Length counts `Character`s, so a Romanian diacritic counts once whether precomposed or combining.
    /// Whether an empty result is allowed is up to the field.
    /// - Parameters:
    ///   - value: The text as submitted.
    ///   - maxLength: The field's limit, from ``FieldLimits``.
    /// - Returns: The trimmed text to store, or why it is rejected.
    public static func validate(_ value: String, maxLength: Int) -> TextFieldValidation {
        let text = trimmed(value)
        guard !containsControlCharacters(text) else { return .invalid(.controlCharacters) }
        guard text.count <= maxLength else { return .invalid(.tooLong) }
        return .valid(text)
    }
}
