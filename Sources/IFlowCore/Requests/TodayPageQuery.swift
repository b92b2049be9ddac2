import Foundation

/// The query string of the web Today page: `q` (part of a name, or a mark number), `team` and `page`.
///
/// A browser's link or form: a value that does not read is left at its default (no search, every team, the first page).
/// What a person types matches whatever its case and diacritics: `stefan` finds Ștefan, `vanzari` the team Vânzări.
public struct TodayPageQuery: Sendable, Equatable {
    /// Longer searches are cut: no name or mark number is this long.
    public static let maxSearchLength = 100

    /// Trimmed, at most ``maxSearchLength`` characters; `nil` when empty.
    public var text: String?
    /// The team's name as sent; the page keeps it only when the company has such a team (``team(among:)``).
    public var team: String?
    /// 1-based.
    public var page: Int

    public init(text: String? = nil, team: String?, page: Int = 1) {
        self.text = text
        self.team = team
        self.page = page
    }

    public static func parse(_ fields: RequestFields) -> TodayPageQuery {
        var fields = fields
        return TodayPageQuery(
            text: fields.text("q").map { String($0.prefix(maxSearchLength)) }, team: fields.text("team"), page: fields.page() ?? 1)
    }

    /// The company's team the query names, as the company spells it; `nil` for every team or one the company lacks.
    public func team(among teams: [String]) -> String? {
        guard let team else { return nil }
        return teams.first { $0 == team } ?? teams.first { Self.folded($0) == Self.folded(team) }
    }

    /// Whether an employee is one the search asks for: the text within the name, or the whole mark number; every
    /// employee when there is no search.
    public func matches(fullName: String, markNumber: String?) -> Bool {
        guard let text else { return true }
        let wanted = Self.folded(text)
        return Self.folded(fullName).contains(wanted) || markNumber.map(Self.folded) == wanted
    }

    /// Case and diacritics set aside, as the Romanian letters ă, â, î, ș, ț are often typed without them.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "ro_RO"))
    }
}
