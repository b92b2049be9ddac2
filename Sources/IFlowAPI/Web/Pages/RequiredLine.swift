import IFlowCore

/// A required one-line field of a form (a key's or a device's label, a reason): trimmed, without line breaks or
/// control characters, at most `maxLength` characters.
enum RequiredLine {
    /// Why the field was refused: the `WebText` key of the message.
    struct Refusal: Error {
        var key: String
    }

    /// The trimmed text, or `missing` when it is empty and `invalid` when it is not one short line.
    static func read(_ raw: String?, maxLength: Int, missing: String, invalid: String) -> Result<String, Refusal> {
        let validation = TextField.validate(raw ?? "", maxLength: maxLength)
        guard validation.isValid else { return .failure(Refusal(key: invalid)) }
        guard let text = validation.text, !text.isEmpty else { return .failure(Refusal(key: missing)) }
        return .success(text)
    }
}
