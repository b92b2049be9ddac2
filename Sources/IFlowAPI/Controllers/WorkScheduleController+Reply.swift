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

    /// - Parameter dates: The month's dates (``WorkScheduleDate/month(of:calculator:language:)``); empty without days.
    init(_ month: EmployeeMonth, totals tokens: [TotalsToken], dates: [WorkScheduleDate]) {
        let user = month.user
        userID = String(user.id)
        fullName = user.fullName
        cnp = user.cnp
        idCard = user.idCard
        markNumber = user.markNumber
        teamName = user.teamName
        if !dates.isEmpty {
            let plansByDay = month.plansByDayNumber()
            days = zip(month.days, dates).map { minutes, date in WorkScheduleDay(minutes, date: date, plan: plansByDay[minutes.date.dayNumber]) }
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

/// One date of an employee's month: its class, the plan starting on it (`null`s when none) and its hours.
struct WorkScheduleDay: Encodable, Sendable {
    var date: String
    var dayType: String
    var holidayName: String?
    var type: String?
    var shifts: String?
    var breakMinutes: String?
    var overtime: String?
    var timeOff: String?
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
        case regularHours = "regular_hours"
        case overtimeHours = "overtime_hours"
        case timeOffHours = "time_off_hours"
    }

    init(_ minutes: DayMinutes, date: WorkScheduleDate, plan: DayPlan?) {
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
    }
}

/// What a date's row says whoever's row it is: the date, its class and its holiday's name, worked out once per report
/// rather than once per employee.
struct WorkScheduleDate: Sendable {
    var date: String
    var dayType: String
    var holidayName: String?

    init(_ date: LocalDate, calculator: ScheduleCalculator, language: Language) {
        self.date = date.description
        dayType =
            switch calculator.dayClass(of: date) {
            case .holiday: "holiday"
            case .weekend: "weekend"
            case .weekdays: "weekday"
            }
        holidayName = calculator.holidays.holiday(on: date)?.name(in: language)
    }

    /// Every date of the schedule's month, in order: the dates of each `EmployeeMonth.days`.
    static func month(of schedule: MonthSchedule, language: Language) -> [WorkScheduleDate] {
        (0..<LocalDate.daysIn(month: schedule.month, year: schedule.year)).map {
            WorkScheduleDate(schedule.firstDay.adding(days: $0), calculator: schedule.calculator, language: language)
        }
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
