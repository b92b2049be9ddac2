/// The name of one public holiday in the languages the product speaks.
public struct HolidayName: Sendable, Hashable {
    /// The Romanian name, with diacritics.
    public let romanian: String
    /// The English name.
    public let english: String

    public init(romanian: String, english: String) {
        self.romanian = romanian
        self.english = english
    }

    /// The name in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .enUS: english
        case .roRO: romanian
        }
    }
}
