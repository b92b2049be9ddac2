import IFlowCore

/// One non-zero cell of one date's minutes, as the tests read `ScheduleCalculator.dailyMinutes`.
struct DatedCell: Hashable, CustomStringConvertible {
    let date: LocalDate
    let kind: HourKind
    let dayClass: DayClass
    let time: TimeOfDay
    let minutes: Int

    /// `2019-12-19 regular weekdays day 450`.
    var description: String { "\(date) \(kind.rawValue) \(dayClass.rawValue) \(time.rawValue) \(minutes)" }
}

extension ScheduleCalculator {
    /// The minutes of `plans` on each date that has any, read through `dailyMinutes` for every month in which a
    /// plan's date or the next date falls (a plan's pieces lie on those two dates).
    func minutesByDate(of plans: [DayPlan]) -> [LocalDate: HourTotals] {
        var months: [(year: Int, month: Int)] = []
        for plan in plans {
            for date in [plan.date, plan.date.adding(days: 1)] where !months.contains(where: { $0 == (date.year, date.month) }) {
                months.append((date.year, date.month))
            }
        }
        var byDate: [LocalDate: HourTotals] = [:]
        for month in months {
            for row in dailyMinutes(for: plans, in: month) where row.totals != HourTotals() { byDate[row.date] = row.totals }
        }
        return byDate
    }

    /// The non-zero cells of `plans`, by date, then kind, day class and time of day in their declaration order.
    func cells(of plans: [DayPlan]) -> [DatedCell] {
        minutesByDate(of: plans).sorted { $0.key < $1.key }.flatMap { date, totals in
            HourKind.allCases.flatMap { kind in
                DayClass.allCases.flatMap { dayClass in
                    TimeOfDay.allCases.compactMap { time in
                        let minutes = totals[kind, dayClass, time]
                        return minutes == 0 ? nil : DatedCell(date: date, kind: kind, dayClass: dayClass, time: time, minutes: minutes)
                    }
                }
            }
        }
    }

    /// The sum of the daily minutes of `month`: the month's totals, as a report adds them up.
    func monthTotals(of plans: [DayPlan], in month: (year: Int, month: Int)) -> HourTotals {
        dailyMinutes(for: plans, in: month).reduce(HourTotals()) { $0 + $1.totals }
    }

    /// Real elapsed minutes of `range` laid on `date` as a plan's only shift without a break.
    func elapsedMinutes(of range: TimeRange, on date: LocalDate) -> Int {
        minutesByDate(of: [DayPlan(date: date, shifts: [range])]).values.reduce(0) { $0 + $1.minutes(kind: .regular) }
    }
}
