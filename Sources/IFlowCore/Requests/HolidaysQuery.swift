/// A validated `calendar/get_holidays` request.
public struct HolidaysQuery: Sendable, Equatable {
    public var year: Int

    public init(year: Int) {
        self.year = year
    }

    public static func parse(_ fields: RequestFields) -> Result<HolidaysQuery, ValidationFailure> {
        var fields = fields
        let year = fields.year()
        return fields.result(year.map(HolidaysQuery.init))
    }
}
