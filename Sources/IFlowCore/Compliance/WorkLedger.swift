/// An employee's plans over a window as the rules read them: each working day, and the minutes falling on each date.
struct WorkLedger: Sendable {
    /// Working days by start.
    let days: [WorkDay]
    /// Minutes of work (regular and overtime) on each local date, by day number.
    let workedByDay: MinutesByDay
    /// Overtime minutes on each local date.
    let overtimeByDay: MinutesByDay
    /// Time off taken on each local date.
    let timeOffByDay: MinutesByDay

    init(plans: [DayPlan], calculator: ScheduleCalculator) {
        var worked = MinutesByDay()
        var overtime = MinutesByDay()
        var timeOff = MinutesByDay()
        var days: [WorkDay] = []
        days.reserveCapacity(plans.count)
        for plan in plans {
            let day = calculator.workDay(of: plan) { dayNumber, kind, _, minutes in
                switch kind {
                case .regular: worked.add(minutes, on: dayNumber)
                case .overtime:
                    worked.add(minutes, on: dayNumber)
                    overtime.add(minutes, on: dayNumber)
                case .timeOff: timeOff.add(minutes, on: dayNumber)
                }
            }
            if let day { days.append(day) }
        }
        self.days = days.sorted { $0.start < $1.start }
        workedByDay = worked
        overtimeByDay = overtime
        timeOffByDay = timeOff
    }

    /// Minutes worked on the dates `first...last`.
    func worked(from first: LocalDate, through last: LocalDate, where include: (LocalDate) -> Bool = { _ in true }) -> Int {
        guard first <= last else { return 0 }
        return (first.dayNumber...last.dayNumber).reduce(0) { total, dayNumber in
            include(LocalDate(dayNumber: dayNumber)) ? total + workedByDay[dayNumber] : total
        }
    }

    /// The rests between the working days in start order, as (start, end) UTC seconds; before the first and after the
    /// last day the rest is open (`Int.min`, `Int.max`), as nothing is known there.
    var rests: [(start: Int, end: Int)] {
        var rests: [(start: Int, end: Int)] = []
        var end = Int.min
        for day in days {
            if day.start > end { rests.append((end, day.start)) }
            end = max(end, day.end)
        }
        rests.append((end, Int.max))
        return rests
    }
}

extension LocalDate {
    /// The Monday of the date's week (weeks run Monday to Sunday).
    var monday: LocalDate { adding(days: 1 - isoWeekday) }

    /// The first day of the month `months` calendar months after this date's month (negative for before).
    func firstOfMonth(adding months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1) ?? self
    }

    /// The last day of this date's month.
    var lastOfMonth: LocalDate { firstOfMonth(adding: 1).adding(days: -1) }
}
