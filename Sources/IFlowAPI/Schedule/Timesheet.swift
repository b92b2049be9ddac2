import Foundation
import IFlowCore
import IFlowStore

/// The monthly timesheet, the collective attendance sheet (*foaie colectivă de prezență*): employees × days with the
/// totals payroll needs, as the web page, the printable sheet, `report/get_collective_sheet` and every download show it.
///
/// Built only from `MonthSchedule` and its `EmployeeMonth`s, the computation `user/get_work_schedule` uses (or the
/// figures a locked month stored), so the numbers are the API's.
struct Timesheet: Sendable {
    /// One date's column.
    struct Day: Sendable {
        var date: LocalDate
        var dayClass: DayClass
        var holidayName: String?
    }

    /// One employee-day.
    struct Cell: Sendable {
        /// The plan's absence or business-trip code (`CO`, `CM`, `CFP`, `NE`, `D`, `EV`), `nil` for work or no plan.
        var dayType: DayType?
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

        /// What the sheet writes in the cell and a simplified payroll import reads: the code, else the hours worked
        /// (`8`, `7.5`), else nothing.
        func symbol(decimalComma: Bool) -> String {
            if let dayType { return dayType.rawValue }
            return workedMinutes > 0 ? Timesheet.number(workedMinutes, decimalComma: decimalComma) : ""
        }
    }

    /// One employee's line of the sheet.
    struct Row: Sendable {
        /// *Nr. crt.*: the line's number on the sheet, from 1.
        var number: Int
        var month: EmployeeMonth
        /// One per date of the month, in date order.
        var cells: [Cell]
        /// How many days carry each code, in ``Timesheet/codes`` order.
        var codeDays: [Int]

        var user: ReportUser { month.user }
        var totals: HourTotals { month.totals }
    }

    /// The codes a cell may carry, in the legend's order.
    static let codes: [DayType] = DayType.allCases.filter { $0 != .work }

    /// The hour types of a detailed payroll import (one line per employee and type), as the totals tokens whose sum
    /// over a type's days is the report's total of that token.
    static let hourTypes: [TotalsToken] = [
        TotalsToken(base: .regular), TotalsToken(base: .overtime), TotalsToken(base: .total, time: .night),
        TotalsToken(base: .total, dayClass: .weekend), TotalsToken(base: .total, dayClass: .holiday),
    ]

    /// The month whose employees the sheet lists.
    let schedule: MonthSchedule
    /// The header: the company's name and the team chosen (`nil` for all teams).
    var company: String
    var teamName: String?
    /// The language of the holiday names and the time-off marker.
    var language: Language
    var days: [Day]

    init(schedule: MonthSchedule, company: String, teamName: String?, language: Language) {
        self.schedule = schedule
        self.company = company
        self.teamName = teamName
        self.language = language
        days = Self.days(of: schedule, language: language)
    }

    var year: Int { schedule.year }
    var month: Int { schedule.month }
    var attendanceType: AttendanceType { schedule.attendanceType }
    /// `2026-03`, as file names and headers write the month.
    var monthText: String { (month < 10 ? "\(year)-0" : "\(year)-") + String(month) }

    /// The rows, numbered in order, `size` employees per batch (``MonthSchedule/forEachBatch(size:_:)``).
    func forEachBatch(size: Int, _ body: ([Row]) async throws -> Void) async throws {
        var number = 0
        let language = self.language
        try await schedule.forEachBatch(size: size) { months in
            let rows = months.map { month in
                number += 1
                return Self.row(month, number: number, language: language)
            }
            try await body(rows)
        }
    }

    static func row(_ month: EmployeeMonth, number: Int, language: Language) -> Row {
        let cells = cells(of: month, language: language)
        var codeDays = [Int](repeating: 0, count: codes.count)
        for cell in cells {
            if let type = cell.dayType, let index = codes.firstIndex(of: type) { codeDays[index] += 1 }
        }
        return Row(number: number, month: month, cells: cells, codeDays: codeDays)
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
        // The schedule's calendar: a locked month's as it was locked, so a later holiday law does not change its sheet.
        schedule.calendar.days.map { Day(date: $0.date, dayClass: $0.dayClass, holidayName: $0.holidayNames[language]) }
    }

    static func cells(of month: EmployeeMonth, language: Language) -> [Cell] {
        let plans = month.plansByDayNumber()
        return month.days.map { minutes in
            let plan = plans[minutes.date.dayNumber]
            var cell = Cell(
                dayType: nil, code: nil, codeClass: nil, workedMinutes: minutes.regular + minutes.overtime, timeOffMinutes: minutes.timeOff,
                plan: plan
            )
            if let plan, plan.type != .work {
                cell.dayType = plan.type
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

    /// ``shortHours(_:)`` with a decimal comma when asked (`7,5`), for spreadsheets set to Romanian.
    static func number(_ minutes: Int, decimalComma: Bool) -> String {
        let text = shortHours(minutes)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
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
