/// One Labour Code check (Legea 53/2003, republished in Monitorul Oficial 345 of 18 May 2011, as amended).
///
/// The raw value is the `rule` code replies carry and the company setting names; `article` is the article and
/// paragraph each warning cites (a rule whose paragraph depends on the case, such as shift work, cites it per warning).
public enum ComplianceRule: String, Sendable, CaseIterable, Comparable {
    case dailyRest = "daily_rest"
    case weeklyRest = "weekly_rest"
    case weeklyMaximum = "weekly_maximum"
    case longDayRest = "long_day_rest"
    case nightWork = "night_work"
    case overtimeCompensation = "overtime_compensation"
    case holidayCompensation = "holiday_compensation"
    case minorDailyHours = "minor_daily_hours"
    case minorWeeklyHours = "minor_weekly_hours"
    case minorOvertime = "minor_overtime"
    case minorNightWork = "minor_night_work"
    case minorMealBreak = "minor_meal_break"
    case mealBreak = "meal_break"

    /// The article (and paragraphs) the rule follows, as the reply's list of checked rules names it.
    public var article: String {
        switch self {
        case .dailyRest: "art. 135"
        case .weeklyRest: "art. 137(1)"
        case .weeklyMaximum: "art. 114(1)-(2)"
        case .longDayRest: "art. 115(2)"
        case .nightWork: "art. 125(2)-(3)"
        case .overtimeCompensation: "art. 122(1), art. 123"
        case .holidayCompensation: "art. 142"
        case .minorDailyHours, .minorWeeklyHours: "art. 112(2)"
        case .minorOvertime: "art. 124"
        case .minorNightWork: "art. 128(1)"
        case .minorMealBreak: "art. 134(2)"
        case .mealBreak: "art. 134(1)"
        }
    }

    public static func < (lhs: ComplianceRule, rhs: ComplianceRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a comma-separated list of rule codes (the company setting's form); unknown codes come back apart.
    public static func parseList(_ text: String) -> (rules: Set<ComplianceRule>, unknown: [String]) {
        var rules: Set<ComplianceRule> = []
        var unknown: [String] = []
        for item in text.split(separator: ",").map({ String($0.trimmingWhitespace()) }) where !item.isEmpty {
            if let rule = ComplianceRule(rawValue: item) { rules.insert(rule) } else { unknown.append(item) }
        }
        return (rules, unknown)
    }

    /// The canonical text of a set of rules: codes in declaration order, comma-separated.
    public static func format(_ rules: Set<ComplianceRule>) -> String {
        allCases.filter(rules.contains).map(\.rawValue).joined(separator: ",")
    }
}
