import IFlowCore

extension Language {
    /// Reads `api_language`: `en_US` (also `US`, as the API document's update section writes it) or `ro_RO`.
    init?(apiValue: String) {
        switch TextField.trimmed(apiValue).lowercased() {
        case "en_us", "us", "en", "en-us": self = .enUS
        case "ro_ro", "ro", "ro-ro": self = .roRO
        default: return nil
        }
    }
}
