/// Meal breaks, Codul muncii art. 134 (2011 republication, unchanged since).
///
/// Alin. (1): a day longer than 6 hours gives the right to a meal break, whose length the collective agreement or the
/// internal rules set; so only a day with no break at all is reported. Alin. (2): a minor working more than 4½ hours
/// has a meal break of at least 30 minutes. A pause between the day's ranges counts as a break.
enum MealBreakRule {
    static let dayMinutes = 6 * 60
    static let minorDayMinutes = 4 * 60 + 30
    static let minorBreakMinutes = 30

    static func warnings(days: [WorkDay], employee: ComplianceEmployee) -> [ComplianceWarning] {
        var warnings: [ComplianceWarning] = []
        for day in days {
            if employee.isMinor(on: day.date) {
                guard day.workedMinutes > minorDayMinutes, day.breakMinutes < minorBreakMinutes else { continue }
                warnings.append(
                    ComplianceWarning(
                        rule: .minorMealBreak, article: "art. 134(2)", from: day.date, through: day.date, start: day.start, end: day.end,
                        measuredMinutes: day.breakMinutes, limitMinutes: minorBreakMinutes
                    )
                )
            } else if day.workedMinutes > dayMinutes, day.breakMinutes == 0 {
                warnings.append(
                    ComplianceWarning(
                        rule: .mealBreak, article: "art. 134(1)", from: day.date, through: day.date, start: day.start, end: day.end,
                        measuredMinutes: day.workedMinutes, limitMinutes: dayMinutes
                    )
                )
            }
        }
        return warnings
    }
}
