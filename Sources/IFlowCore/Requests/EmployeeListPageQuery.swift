/// The query string of the web employee list: `q` (a name, a mark number or a whole CNP), `team`, `status`
/// (`active`, `inactive`, or empty for both) and `page`.
///
/// A browser's form: a value that does not read is left at its default (no search, every team, both statuses, the
/// first page) rather than answered with an error page.
public struct EmployeeListPageQuery: Sendable, Equatable {
    /// Longer searches are cut: no name, mark number or CNP is this long.
    public static let maxSearchLength = 100
    public static let statuses = ["active", "inactive"]

    /// Trimmed, at most ``maxSearchLength`` characters; `nil` when empty.
    public var text: String?
    /// The team's name as sent; the page keeps it only when the company has such a team.
    public var team: String?
    /// `active` or `inactive`; `nil` for both.
    public var status: String?
    /// 1-based.
    public var page: Int

    public init(text: String?, team: String?, status: String?, page: Int) {
        self.text = text
        self.team = team
        self.status = status
        self.page = page
    }

    public static func parse(_ fields: RequestFields) -> EmployeeListPageQuery {
        var fields = fields
        return EmployeeListPageQuery(
            text: fields.text("q").map { String($0.prefix(maxSearchLength)) }, team: fields.text("team"),
            status: fields.inList("status", statuses), page: fields.page() ?? 1
        )
    }
}
