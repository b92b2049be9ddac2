/// `calendar/get_holidays`'s reply: the year's public holidays, named in the request's language.
struct HolidaysReply: Encodable, Sendable {
    var year: String
    var holidays: [Holiday]

    struct Holiday: Encodable, Sendable {
        var date: String
        var name: String
    }
}
