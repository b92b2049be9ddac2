import Hummingbird
import IFlowCore

/// `calendar/get_holidays`: the Romanian public holidays of a year.
struct CalendarController {
    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "calendar/get_holidays", handle: holidays)]
    }

    @Sendable func holidays(_ request: APIRequest) async throws -> HolidaysReply {
        var issues: [ValidationIssue] = []
        let year = YearMonthFields.year(request, into: &issues)
        guard issues.isEmpty, let year else { throw ValidationFailure(issues) }
        let holidays = RomanianHolidays.holidays(in: year).map { holiday in
            HolidaysReply.Holiday(date: holiday.date.description, name: holiday.name(in: request.language))
        }
        return HolidaysReply(year: String(year), holidays: holidays)
    }
}

/// The `year` and `month` fields shared by the calendar and the report.
enum YearMonthFields {
    static func year(_ request: APIRequest, into issues: inout [ValidationIssue]) -> Int? {
        guard let raw = request["year"], !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            issues.append(.init(field: "year", check: .required))
            return nil
        }
        let supported = RomanianHolidays.supportedYears
        return IntegerField.parse(request, "year", in: supported, into: &issues)
    }

    /// `01`–`12`, also `1`–`12`.
    static func month(_ request: APIRequest, into issues: inout [ValidationIssue]) -> Int? {
        guard let raw = request["month"], !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            issues.append(.init(field: "month", check: .required))
            return nil
        }
        return IntegerField.parse(request, "month", in: 1...12, into: &issues)
    }

    /// `0` or `1`, or `defaultValue` when absent or empty.
    static func flag(_ request: APIRequest, _ name: String, default defaultValue: Bool, into issues: inout [ValidationIssue]) -> Bool {
        switch request[name]?.trimmingCharacters(in: .whitespaces) {
        case nil, "": return defaultValue
        case "1": return true
        case "0": return false
        default:
            issues.append(.init(field: name, check: .inList, parameters: ["allowed": "0, 1"]))
            return defaultValue
        }
    }
}
