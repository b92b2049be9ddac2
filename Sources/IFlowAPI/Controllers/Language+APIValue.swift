import IFlowCore

extension Language {
    /// The values the API document lists, as the `in_list` error names them; the other spellings are a courtesy.
    static let documentedAPIValues = "en_US, US, ro_RO"

    /// Reads `api_language`: `en_US` (also `US`, as the API document's update section writes it) or `ro_RO`.
    init?(apiValue: String) {
        switch TextField.trimmed(apiValue).lowercased() {
        case "en_us", "us", "en", "en-us": self = .enUS
        case "ro_ro", "ro", "ro-ro": self = .roRO
        default: return nil
        }
    }
}
