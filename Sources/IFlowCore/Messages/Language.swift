/// A language the product speaks, named by its locale identifier.
///
/// The raw values are the spellings clients send (`en_US`, `ro_RO`), so the API can parse them with `init(rawValue:)`.
public enum Language: String, Sendable, CaseIterable {
    case enUS = "en_US"
    case roRO = "ro_RO"
}
