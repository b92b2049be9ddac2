/// The query string of the web Today page: `team`.
///
/// A browser's link or form: a value that does not read is left at its default (every team).
public struct TodayPageQuery: Sendable, Equatable {
    /// The team's name as sent; the page keeps it only when the company has such a team.
    public var team: String?

    public init(team: String?) {
        self.team = team
    }

    public static func parse(_ fields: RequestFields) -> TodayPageQuery {
        var fields = fields
        return TodayPageQuery(team: fields.text("team"))
    }
}
