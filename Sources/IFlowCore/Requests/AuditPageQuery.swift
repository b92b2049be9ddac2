/// The query string of the web audit page: `month` (`YYYY-MM`), `employee` (an employee's id), `actor` (who changed
/// it, as the trail names them), `kind` (what was changed: attendance, plans, employees, …) and `page`.
///
/// A browser's link or form: a value that does not read is left at its default (the current month, everybody, every
/// kind, the first page).
public struct AuditPageQuery: Sendable, Equatable {
    /// What a change can be about: the part of the trail's action before its dot (`attendance.added`, `schedule.set_day`).
    public static let kinds = ["attendance", "schedule", "user", "team", "company", "month", "api_key", "device"]
    /// Longer actors are cut: an e-mail address or a key's label is shorter.
    public static let maxActorLength = 200

    /// `nil`: the current month in the company's time zone.
    public var year: Int?
    public var month: Int?
    public var employeeID: Int?
    public var actor: String?
    /// One of ``kinds``.
    public var kind: String?
    /// 1-based.
    public var page: Int

    public init(year: Int? = nil, month: Int? = nil, employeeID: Int? = nil, actor: String? = nil, kind: String? = nil, page: Int = 1) {
        self.year = year
        self.month = month
        self.employeeID = employeeID
        self.actor = actor
        self.kind = kind
        self.page = page
    }

    public static func parse(_ fields: RequestFields) -> AuditPageQuery {
        var fields = fields
        let month = fields.yearMonth("month", years: RomanianHolidays.supportedYears)
        return AuditPageQuery(
            year: month?.year, month: month?.month, employeeID: fields.integer("employee", in: 1...Int(Int32.max)),
            actor: fields.text("actor").map { String($0.prefix(maxActorLength)) }, kind: fields.inList("kind", kinds), page: fields.page() ?? 1
        )
    }
}
