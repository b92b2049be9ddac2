/// A public holiday: one calendar date, with one name or, when two holidays fall on the same date, several.
public struct Holiday: Sendable, Hashable {
    /// The holiday's date.
    public let date: LocalDate
    /// The names in the order the Labour Code lists the holidays; never empty.
    public let names: [HolidayName]

    public init(date: LocalDate, names: [HolidayName]) {
        precondition(!names.isEmpty, "a holiday has at least one name")
        self.date = date
        self.names = names
    }

    /// The names in `language`, joined with " / " when two holidays share the date (e.g. "Paștele / Ziua Muncii").
    public func name(in language: Language) -> String {
        names.map { $0.text(in: language) }.joined(separator: " / ")
    }
}
