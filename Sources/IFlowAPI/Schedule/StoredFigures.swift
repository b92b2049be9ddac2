import Foundation
import IFlowCore
import IFlowStore

/// The stored form of an `EmployeeMonth` in a locked month: an explicit, versioned JSON that does not follow the
/// Swift types, so a later server reads what an earlier one locked.
///
/// Version 1: `{"version":1,"user_id":…,"plans":[{"date":…,"type":…,"shifts":…,"break_minutes":…,"overtime":…,
/// "time_off":…}],"presence":[[start,end]],"days":[{"date":…,"minutes":[18 numbers]}],"totals":[18 numbers]}`, with
/// `presence` left out for a planned month. Ranges are written as `shifts` are, instants in UTC seconds, and the 18
/// minute counts in ``cells`` order. Who the employee was is stored beside it, in the store's columns.
enum StoredFigures {
    enum Failure: Error {
        case unknownVersion(Int)
        case corrupt
    }

    /// The order of the 18 cells of an `HourTotals`: kind, then day class, then day and night.
    static let cells: [(HourKind, DayClass, TimeOfDay)] = [HourKind.regular, .overtime, .timeOff].flatMap { kind in
        [DayClass.weekdays, .weekend, .holiday].flatMap { dayClass in [TimeOfDay.day, .night].map { (kind, dayClass, $0) } }
    }

    static func encode(_ month: EmployeeMonth) throws -> String {
        let form = Form(
            version: 1, user_id: month.user.id, job_title: month.user.jobTitle,
            plans: month.plans.map {
                Form.Plan(
                    date: $0.date.description, type: $0.type.rawValue, shifts: TimeRangeList.format($0.shifts), break_minutes: $0.breakMinutes,
                    overtime: TimeRangeList.format($0.overtime), time_off: TimeRangeList.format($0.timeOff)
                )
            },
            presence: month.presence.map { $0.map { [$0.start, $0.end] } },
            days: month.days.map { Form.Day(date: $0.date.description, minutes: minutes($0.totals)) },
            totals: minutes(month.totals)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }

    /// - Parameter user: The employee as stored beside the figures (``IFlowStore/Store/lockedEmployees(lockID:attendanceType:filter:)``).
    static func decode(_ text: String, user: ReportUser) throws -> EmployeeMonth {
        let form = try JSONDecoder().decode(Form.self, from: Data(text.utf8))
        guard form.version == 1 else { throw Failure.unknownVersion(form.version) }
        guard form.user_id == user.id else { throw Failure.corrupt }
        func ranges(_ text: String) throws -> [TimeRange] {
            guard case .success(let ranges) = TimeRangeList.parse(text) else { throw Failure.corrupt }
            return ranges
        }
        func date(_ text: String) throws -> LocalDate {
            guard let date = LocalDate(iso: text) else { throw Failure.corrupt }
            return date
        }
        let plans = try form.plans.map { plan in
            guard let type = DayType(rawValue: plan.type) else { throw Failure.corrupt }
            return DayPlan(
                date: try date(plan.date), type: type, shifts: try ranges(plan.shifts), breakMinutes: plan.break_minutes,
                overtime: try ranges(plan.overtime), timeOff: try ranges(plan.time_off)
            )
        }
        let presence = try form.presence.map { pairs in
            try pairs.map { pair in
                guard pair.count == 2 else { throw Failure.corrupt }
                return WorkedInterval(start: pair[0], end: pair[1])
            }
        }
        // The job title is the sheet's, stored with the figures; locks stored before it was kept show none.
        var user = user
        user.jobTitle = form.job_title
        return EmployeeMonth(
            user: user, plans: plans, presence: presence,
            days: try form.days.map { DayMinutes(date: try date($0.date), totals: try totals($0.minutes)) }, totals: try totals(form.totals)
        )
    }

    private static func minutes(_ totals: HourTotals) -> [Int] {
        cells.map { totals[$0.0, $0.1, $0.2] }
    }

    private static func totals(_ minutes: [Int]) throws -> HourTotals {
        guard minutes.count == cells.count else { throw Failure.corrupt }
        var totals = HourTotals()
        for (cell, value) in zip(cells, minutes) { totals.add(value, kind: cell.0, dayClass: cell.1, time: cell.2) }
        return totals
    }

    private struct Form: Codable {
        struct Plan: Codable {
            var date: String
            var type: String
            var shifts: String
            var break_minutes: Int
            var overtime: String
            var time_off: String
        }

        struct Day: Codable {
            var date: String
            var minutes: [Int]
        }

        var version: Int
        var user_id: Int
        var job_title: String?
        var plans: [Plan]
        var presence: [[Int]]?
        var days: [Day]
        var totals: [Int]
    }
}
