import IFlowCore

/// A page of a date range's employees (`total`, `limit`, `offset`, `date_interval_start`, `date_interval_end`):
/// written flat into the reply's object, before its `users`.
struct RangePageReplyFields: Sendable {
    var total: String
    var limit: String
    var offset: String
    var dateIntervalStart: String
    var dateIntervalEnd: String

    init(total: Int, limit: Int, offset: Int, dates: ClosedRange<LocalDate>) {
        self.total = String(total)
        self.limit = String(limit)
        self.offset = String(offset)
        dateIntervalStart = dates.lowerBound.description
        dateIntervalEnd = dates.upperBound.description
    }

    func encode(into container: inout KeyedEncodingContainer<ReplyKey>) throws {
        try container.encode(total, forKey: ReplyKey("total"))
        try container.encode(limit, forKey: ReplyKey("limit"))
        try container.encode(offset, forKey: ReplyKey("offset"))
        try container.encode(dateIntervalStart, forKey: ReplyKey("date_interval_start"))
        try container.encode(dateIntervalEnd, forKey: ReplyKey("date_interval_end"))
    }
}
