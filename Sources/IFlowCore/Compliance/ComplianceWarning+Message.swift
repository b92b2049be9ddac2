extension ComplianceWarning {
    /// The warning in words, in `language`, with its figures (hours with two decimals, dates `YYYY-MM-DD`).
    public func message(in language: Language) -> String {
        let measured = HoursFormat.hours(minutes: measuredMinutes)
        let limit = HoursFormat.hours(minutes: limitMinutes)
        let average = HoursFormat.hours(minutes: averageMinutes ?? 0)
        let expiry = expires?.description ?? ""
        switch (language, rule) {
        case (.enUS, .dailyRest): return "Rest between \(from) and \(through) is \(measured) h; at least \(limit) h are required"
        case (.roRO, .dailyRest): return "Repausul dintre \(from) și \(through) este de \(measured) ore; sunt necesare cel puțin \(limit) ore"
        case (.enUS, .weeklyRest): return "The week \(from) to \(through) has no weekly rest of \(limit) consecutive hours (longest: \(measured) h)"
        case (.roRO, .weeklyRest):
            return "Săptămâna \(from) - \(through) nu are repaus săptămânal de \(limit) ore consecutive (cel mai lung: \(measured) ore)"
        case (.enUS, .weeklyMaximum):
            return
                "The week \(from) to \(through) has \(measured) h of work and the reference period averages \(average) h a week; at most \(limit) h"
        case (.roRO, .weeklyMaximum):
            return
                "Săptămâna \(from) - \(through) are \(measured) ore de muncă, iar media perioadei de referință este de \(average) ore pe săptămână; maximum \(limit) ore"
        case (.enUS, .longDayRest): return "A 12-hour day on \(from) is followed by only \(measured) h of rest; \(limit) h are required"
        case (.roRO, .longDayRest): return "Ziua de 12 ore din \(from) este urmată de numai \(measured) ore de repaus; sunt necesare \(limit) ore"
        case (.enUS, .nightWork):
            return "As a night worker, the normal working time from \(from) to \(through) averages \(measured) h a day; at most \(limit) h"
        case (.roRO, .nightWork):
            return
                "Ca salariat de noapte, durata normală a muncii între \(from) și \(through) are o medie de \(measured) ore pe zi; maximum \(limit) ore"
        case (.enUS, .overtimeCompensation):
            return expired
                ? "\(measured) h of overtime on \(from) were not compensated with time off by \(expiry): pay them with the overtime premium"
                : "\(measured) h of overtime on \(from) are not yet compensated with time off; the time off is due by \(expiry)"
        case (.roRO, .overtimeCompensation):
            return expired
                ? "\(measured) ore suplimentare din \(from) nu au fost compensate cu timp liber până la \(expiry): se plătesc cu spor"
                : "\(measured) ore suplimentare din \(from) nu sunt încă compensate cu timp liber; termenul este \(expiry)"
        case (.enUS, .holidayCompensation):
            return expired
                ? "\(measured) h worked on the public holiday \(from) were not compensated with time off by \(expiry): pay them with the holiday premium"
                : "\(measured) h worked on the public holiday \(from) are not yet compensated with time off; the time off is due by \(expiry)"
        case (.roRO, .holidayCompensation):
            return expired
                ? "\(measured) ore lucrate în ziua de sărbătoare legală \(from) nu au fost compensate cu timp liber până la \(expiry): se plătesc cu spor"
                : "\(measured) ore lucrate în ziua de sărbătoare legală \(from) nu sunt încă compensate cu timp liber; termenul este \(expiry)"
        case (.enUS, .minorDailyHours): return "A minor works \(measured) h on \(from); at most \(limit) h a day"
        case (.roRO, .minorDailyHours): return "Un salariat minor lucrează \(measured) ore în \(from); maximum \(limit) ore pe zi"
        case (.enUS, .minorWeeklyHours): return "A minor works \(measured) h in the week \(from) to \(through); at most \(limit) h a week"
        case (.roRO, .minorWeeklyHours):
            return "Un salariat minor lucrează \(measured) ore în săptămâna \(from) - \(through); maximum \(limit) ore pe săptămână"
        case (.enUS, .minorOvertime): return "A minor has \(measured) h of overtime on \(from); minors may not work overtime"
        case (.roRO, .minorOvertime):
            return "Un salariat minor are \(measured) ore suplimentare în \(from); tinerii sub 18 ani nu pot presta muncă suplimentară"
        case (.enUS, .minorNightWork): return "A minor works \(measured) h at night (22:00-06:00) on \(from); minors may not work at night"
        case (.roRO, .minorNightWork):
            return "Un salariat minor lucrează \(measured) ore noaptea (22:00-06:00) în \(from); tinerii sub 18 ani nu pot presta muncă de noapte"
        case (.enUS, .minorMealBreak): return "A minor's day on \(from) has a break of \(measured) h; at least \(limit) h after 4.50 h of work"
        case (.roRO, .minorMealBreak):
            return "Ziua din \(from) a unui salariat minor are o pauză de \(measured) ore; cel puțin \(limit) ore după 4,50 ore de muncă"
        case (.enUS, .mealBreak):
            return "The day on \(from) has \(measured) h of work and no meal break; a day over \(limit) h gives the right to one"
        case (.roRO, .mealBreak):
            return "Ziua din \(from) are \(measured) ore de muncă fără pauză de masă; o zi de peste \(limit) ore dă dreptul la pauză"
        }
    }
}
