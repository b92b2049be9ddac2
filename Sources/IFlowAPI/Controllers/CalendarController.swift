import Hummingbird
import IFlowCore

/// `calendar/get_holidays`: the Romanian public holidays of a year.
struct CalendarController {
    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "calendar/get_holidays", handle: holidays)]
    }

    @Sendable func holidays(_ request: APIRequest) async throws -> HolidaysReply {
        let year = try HolidaysQuery.parse(request.requestFields).get().year
        let holidays = RomanianHolidays.holidays(in: year).map { holiday in
            HolidaysReply.Holiday(date: holiday.date.description, name: holiday.name(in: request.language))
        }
        return HolidaysReply(year: String(year), holidays: holidays)
    }
}
