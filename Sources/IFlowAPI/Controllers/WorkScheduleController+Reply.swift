import IFlowCore
import IFlowStore

/// One employee of `user/get_work_schedule`'s `users`, written into the streamed reply as its batch is computed.
///
/// `days` is left out (not `null`) when the request says `include_days=0`.
struct WorkScheduleUser: Encodable, Sendable {
    var userID: String
    var fullName: String
    var cnp: String?
    var idCard: String?
    var markNumber: String?
    var teamName: String?
    var days: [WorkScheduleDay]?
    var totals: WorkScheduleTotals

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case fullName = "full_name"
        case cnp
        case idCard = "id_card"
        case markNumber = "mark_number"
        case teamName = "team_name"
        case days
        case totals
    }

    /// - Parameters:
    ///   - dates: The month's dates (``WorkScheduleDate/month(of:language:)``); empty without days.
    ///   - calculator: The company's, to place a live month's intervals on their local dates.
    init(_ month: EmployeeMonth, totals tokens: [TotalsToken], dates: [WorkScheduleDate], calculator: ScheduleCalculator) {
        let user = month.user
        userID = String(user.id)
        fullName = user.fullName
        cnp = user.cnp
        idCard = user.idCard
        markNumber = user.markNumber
        teamName = user.teamName
        if !dates.isEmpty {
            let plansByDay = month.plansByDayNumber()
            let presenceByDay = month.presence.map { _ in month.presenceByDayNumber(calculator: calculator) }
            days = zip(month.days, dates).map { minutes, date in
                let day = minutes.date.dayNumber
                let intervals = presenceByDay.map { WorkScheduleDay.intervals($0[day] ?? [], calculator: calculator) }
                return WorkScheduleDay(minutes, date: date, plan: plansByDay[day], intervals: intervals)
            }
        }
        totals = WorkScheduleTotals(tokens: tokens, totals: month.totals)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userID, forKey: .userID)
        try container.encode(fullName, forKey: .fullName)
        try container.encodeIfPresent(cnp, forKey: .cnp)
        try container.encodeIfPresent(idCard, forKey: .idCard)
        try container.encodeIfPresent(markNumber, forKey: .markNumber)
        try container.encodeIfPresent(teamName, forKey: .teamName)
        if let days { try container.encode(days, forKey: .days) }
        try container.encode(totals, forKey: .totals)
    }
}

/// One date of an employee's month: its class, the plan starting on it (`null`s when none), for `live_attendance` the
/// intervals present that began on it, and its hours.
struct WorkScheduleDay: Encodable, Sendable {
    var date: String
    var dayType: String
    var holidayName: String?
    var type: String?
    var shifts: String?
    var breakMinutes: String?
    var overtime: String?
    var timeOff: String?
    /// `08:02-12:00,12:45-16:31` in the company's local time, as `shifts` are written (an end at or before its start is
    /// on the next date); only in a `live_attendance` report, so the planned one stays as it was.
    var intervals: String?
    var regularHours: String
    var overtimeHours: String
    var timeOffHours: String

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case holidayName = "holiday_name"
        case type
        case shifts
        case breakMinutes = "break_minutes"
        case overtime
        case timeOff = "time_off"
        case intervals
        case regularHours = "regular_hours"
        case overtimeHours = "overtime_hours"
        case timeOffHours = "time_off_hours"
    }

    init(_ minutes: DayMinutes, date: WorkScheduleDate, plan: DayPlan?, intervals: String? = nil) {
        self.date = date.date
        dayType = date.dayType
        holidayName = date.holidayName
        type = plan?.type.rawValue
        shifts = plan.map { TimeRangeList.format($0.shifts) }
        breakMinutes = plan.map { String($0.breakMinutes) }
        overtime = plan.map { TimeRangeList.format($0.overtime) }
        timeOff = plan.map { TimeRangeList.format($0.timeOff) }
        regularHours = HoursFormat.hours(minutes: minutes.regular)
        overtimeHours = HoursFormat.hours(minutes: minutes.overtime)
        timeOffHours = HoursFormat.hours(minutes: minutes.timeOff)
        self.intervals = intervals
    }

    /// Intervals as local `HH:MM-HH:MM`, comma-separated, the seconds of the scans dropped as the hours drop them.
    static func intervals(_ intervals: [WorkedInterval], calculator: ScheduleCalculator) -> String {
        func clock(_ instant: Int) -> String {
            let minutes = calculator.wallTime(ofInstant: instant).secondOfDay / 60
            let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
            return (hours < 10 ? "0" : "") + String(hours) + (rest < 10 ? ":0" : ":") + String(rest)
        }
        return intervals.map { clock($0.start) + "-" + clock($0.end) }.joined(separator: ",")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(dayType, forKey: .dayType)
        try container.encodeIfPresent(holidayName, forKey: .holidayName)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(shifts, forKey: .shifts)
        try container.encodeIfPresent(breakMinutes, forKey: .breakMinutes)
        try container.encodeIfPresent(overtime, forKey: .overtime)
        try container.encodeIfPresent(timeOff, forKey: .timeOff)
        if let intervals { try container.encode(intervals, forKey: .intervals) }
        try container.encode(regularHours, forKey: .regularHours)
        try container.encode(overtimeHours, forKey: .overtimeHours)
        try container.encode(timeOffHours, forKey: .timeOffHours)
    }
}

/// What a date's row says whoever's row it is: the date, its class and its holiday's name, worked out once per report
/// rather than once per employee.
struct WorkScheduleDate: Sendable {
    var date: String
    var dayType: String
    var holidayName: String?

    init(_ day: MonthCalendar.Day, language: Language) {
        date = day.date.description
        dayType =
            switch day.dayClass {
            case .holiday: "holiday"
            case .weekend: "weekend"
            case .weekdays: "weekday"
            }
        holidayName = day.holidayNames[language]
    }

    /// Every date of the schedule's month, in order: the dates of each `EmployeeMonth.days`, from its calendar (a
    /// locked month's as it was locked).
    static func month(of schedule: MonthSchedule, language: Language) -> [WorkScheduleDate] {
        schedule.calendar.days.map { WorkScheduleDate($0, language: language) }
    }
}

/// The month's totals asked for, keyed by token in the request's order, hours with two decimals.
struct WorkScheduleTotals: Encodable, Sendable {
    var tokens: [TotalsToken]
    var totals: HourTotals

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        for token in tokens {
            try container.encode(HoursFormat.hours(minutes: totals.minutes(token)), forKey: ReplyKey(token.description))
        }
    }
}
