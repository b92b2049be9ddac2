/// A validated `month/lock` or `month/unlock` request: the month, by `year` and `month`.
public struct MonthQuery: Sendable, Equatable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func parse(_ fields: RequestFields) -> Result<MonthQuery, ValidationFailure> {
        var fields = fields
        let year = fields.year()
        let month = fields.month()
        guard let year, let month else { return fields.result(nil) }
        return fields.result(MonthQuery(year: year, month: month))
    }
}
