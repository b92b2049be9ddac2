import IFlowCore
import IFlowStore

/// The monthly timesheet, employees × days, as both the page and the CSV show it: built from `EmployeeMonth`, the
/// computation `user/get_work_schedule` uses, so the numbers are the API's.
enum Timesheet {
    /// One date's column.
    struct Day {
        var date: LocalDate
        var dayClass: DayClass
        var holidayName: String?
    }

    /// One employee-day.
    struct Cell {
        /// An absence or business-trip code (`CO`, `CM`, …, `D`), or the time-off marker, else `nil`.
        var code: String?
        /// The code's CSS class: the day type, or `TO` for time off.
        var codeClass: String?
        /// Regular and overtime minutes that fall on this date.
        var workedMinutes: Int
        var timeOffMinutes: Int
        var plan: DayPlan?
        /// The time present that touches the date (real presence only).
        var intervals: [WorkedInterval] = []
    }

    /// The totals columns: the API's totals tokens, with their phrase keys.
    static let totals: [(token: TotalsToken, label: String, name: String, hint: String)] = [
        (TotalsToken(base: .regular), "col_regular", "total_regular", "hint_regular"),
        (TotalsToken(base: .overtime), "col_overtime", "total_overtime", "hint_overtime"),
        (TotalsToken(base: .total, time: .night), "col_night", "total_night", "hint_night"),
        (TotalsToken(base: .total, dayClass: .weekend), "col_weekend", "total_weekend", "hint_weekend"),
        (TotalsToken(base: .total, dayClass: .holiday), "col_holiday", "total_holiday", "hint_holiday"),
        (TotalsToken(base: .timeOff), "col_time_off", "total_time_off", "hint_time_off"),
        (TotalsToken(base: .overtimeBalance), "col_overtime_balance", "total_overtime_balance", "hint_overtime_balance"),
    ]

    static func days(of schedule: MonthSchedule, language: Language) -> [Day] {
        var days: [Day] = []
        var date = schedule.firstDay
        while date <= schedule.lastDay {
            let holiday = schedule.calculator.holidays.holiday(on: date)
            days.append(Day(date: date, dayClass: schedule.calculator.dayClass(of: date), holidayName: holiday?.name(in: language)))
            date = date.adding(days: 1)
        }
        return days
    }

    static func cells(of month: EmployeeMonth, language: Language) -> [Cell] {
        let plans = month.plansByDayNumber()
        return month.days.map { minutes in
            let plan = plans[minutes.date.dayNumber]
            var cell = Cell(code: nil, codeClass: nil, workedMinutes: minutes.regular + minutes.overtime, timeOffMinutes: minutes.timeOff, plan: plan)
            if let plan, plan.type != .work {
                cell.code = plan.type.rawValue
                cell.codeClass = plan.type.rawValue
            } else if cell.workedMinutes == 0, cell.timeOffMinutes > 0 {
                cell.code = WebText.format("time_off_code", language)
                cell.codeClass = "TO"
            }
            return cell
        }
    }

    /// The hours of a cell or a total, as the API writes them: two decimals.
    static func hours(_ minutes: Int) -> String { HoursFormat.hours(minutes: minutes) }

    /// Hours without trailing zeros for the grid: `8`, `7.5`, `7.25`.
    static func shortHours(_ minutes: Int) -> String {
        var text = HoursFormat.hours(minutes: minutes)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The day's details for the cell's tooltip: type, shifts and break, overtime, time off, and the time present.
    static func describe(_ cell: Cell, date: LocalDate, clock: LocalTime, language: Language) -> String {
        var parts = [date.description]
        if let plan = cell.plan {
            parts.append(plan.type.description(in: language))
            if !plan.shifts.isEmpty {
                var shifts = WebText.format("shifts", language) + " " + TimeRangeList.format(plan.shifts)
                if plan.breakMinutes > 0 { shifts += ", " + WebText.format("break", language, ["minutes": String(plan.breakMinutes)]) }
                parts.append(shifts)
            }
            if !plan.overtime.isEmpty { parts.append(WebText.format("overtime", language) + " " + TimeRangeList.format(plan.overtime)) }
            if !plan.timeOff.isEmpty { parts.append(WebText.format("time_off", language) + " " + TimeRangeList.format(plan.timeOff)) }
        }
        if !cell.intervals.isEmpty { parts.append(WebText.format("present", language, ["intervals": clock.text(cell.intervals, on: date)])) }
        if cell.workedMinutes > 0 { parts.append(WebText.format("hours_worked", language, ["hours": hours(cell.workedMinutes)])) }
        return parts.joined(separator: " · ")
    }
}
