import Foundation
import IFlowCore

/// One warning as replies show it: the rule, the article, the dates and local times, the figures in hours and a
/// message in the request's language.
struct ComplianceWarningReply: Encodable, Sendable {
    /// The employee, in an import's list, which covers many; left out where the warnings sit under their employee.
    var userID: String?
    var rule: String
    var article: String
    var from: String
    var through: String
    /// The measured span's local start and end, `YYYY-MM-DD HH:MM` in the company's zone; `null` for weeks and periods.
    var start: String?
    var end: String?
    var measuredHours: String
    var limitHours: String
    var averageHours: String?
    var expires: String?
    /// `1` once `expires` has passed (pay the premium), `0` before; `null` for the other rules.
    var expired: String?
    var message: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case rule, article, from, through, start, end
        case measuredHours = "measured_hours"
        case limitHours = "limit_hours"
        case averageHours = "average_hours"
        case expires, expired, message
    }

    init(_ warning: ComplianceWarning, userID: Int? = nil, language: Language, timeZone: TimeZone) {
        self.userID = userID.map(String.init)
        rule = warning.rule.rawValue
        article = warning.article
        from = warning.from.description
        through = warning.through.description
        start = warning.start.map { Self.localText(instant: $0, timeZone: timeZone) }
        end = warning.end.map { Self.localText(instant: $0, timeZone: timeZone) }
        measuredHours = HoursFormat.hours(minutes: warning.measuredMinutes)
        limitHours = HoursFormat.hours(minutes: warning.limitMinutes)
        averageHours = warning.averageMinutes.map { HoursFormat.hours(minutes: $0) }
        expires = warning.expires?.description
        expired = warning.expires == nil ? nil : warning.expired ? "1" : "0"
        message = warning.message(in: language)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let userID { try container.encode(userID, forKey: .userID) }
        try container.encode(rule, forKey: .rule)
        try container.encode(article, forKey: .article)
        try container.encode(from, forKey: .from)
        try container.encode(through, forKey: .through)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(measuredHours, forKey: .measuredHours)
        try container.encode(limitHours, forKey: .limitHours)
        try container.encode(averageHours, forKey: .averageHours)
        try container.encode(expires, forKey: .expires)
        try container.encode(expired, forKey: .expired)
        try container.encode(message, forKey: .message)
    }

    /// `YYYY-MM-DD HH:MM` on the zone's wall clock at `instant` (UTC seconds).
    static func localText(instant: Int, timeZone: TimeZone) -> String {
        let local = instant + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let secondsPerDay = 86_400
        let dayNumber = local >= 0 ? local / secondsPerDay : (local - secondsPerDay + 1) / secondsPerDay
        let minutes = (local - dayNumber * secondsPerDay) / 60
        let clock = ClockTime(minutes: minutes).map(\.description) ?? ""
        return "\(LocalDate(dayNumber: dayNumber)) \(clock)"
    }
}
