import Foundation
import IFlowCore
import IFlowStore

/// The stored form of an `EmployeeMonth` in a locked month: an explicit, versioned JSON that does not follow the
/// Swift types, so a later server reads what an earlier one locked.
///
/// Version 1: `{"version":1,"user_id":…,"plans":[{"date":…,"type":…,"shifts":…,"break_minutes":…,"overtime":…,
/// "time_off":…}],"presence":[[start,end]],"days":[{"date":…,"minutes":[18 numbers]}],"totals":[18 numbers]}`, with
/// `presence` left out for a planned month. Ranges are written as `shifts` are, instants in UTC seconds, and the 18
/// minute counts in the order of `HourTotals[cell:]` (kind, then day class, then day and night). Who the employee was
/// is stored beside it, in the store's columns.
enum StoredFigures {
    enum Failure: Error {
        case unknownVersion(Int)
        case corrupt
    }

    static func encode(_ month: EmployeeMonth) throws -> String {
        try encode(month, totalsOnly: false)
    }

    /// The same form with the totals alone: `plans` and `days` empty, no `presence`. It is what a report without days
    /// reads (``decode(_:user:totalsOnly:)`` with `totalsOnly`), stored apart so such a report opens a hundred bytes
    /// per employee instead of the whole month.
    static func encodeTotals(_ month: EmployeeMonth) throws -> String {
        try encode(month, totalsOnly: true)
    }

    private static func encode(_ month: EmployeeMonth, totalsOnly: Bool) throws -> String {
        let month = totalsOnly ? EmployeeMonth(user: month.user, plans: [], presence: nil, days: [], totals: month.totals) : month
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

    /// Reads the text byte by byte (``JSONScanner``): keys in any order, unknown ones skipped, so a later field does
    /// not stop this reader; a field it cannot read is skipped too, so a later `version` is still told apart.
    ///
    /// - Parameters:
    ///   - user: The employee as stored beside the figures (``IFlowStore/Store/lockedEmployees(lockID:attendanceType:filter:)``).
    ///   - totalsOnly: Only the totals are read (a report without days): plans, presence and days are skipped over
    ///     (their keys must still be there, their values JSON) and come back empty.
    static func decode(_ text: String, user: ReportUser, totalsOnly: Bool = false) throws -> EmployeeMonth {
        var version: Int?
        var userID: Int?
        // The job title is the sheet's, stored with the figures; locks stored before it was kept show none.
        var jobTitle: String?
        var plans: [DayPlan]?
        var presence: [WorkedInterval]?
        var days: [DayMinutes]?
        var totals: HourTotals?
        var unreadable = false
        var text = text
        do {
            try text.withUTF8 { bytes in
                var scanner = JSONScanner(bytes)
                try scanner.object { scanner, key in
                    let start = scanner.position
                    do {
                        switch key {
                        case "version": version = try scanner.integer()
                        case "user_id": userID = try scanner.integer()
                        case "job_title": jobTitle = try scanner.null() ? nil : scanner.string()
                        case "plans" where totalsOnly:
                            try scanner.skipValue()
                            plans = []
                        case "days" where totalsOnly:
                            try scanner.skipValue()
                            days = []
                        case "presence" where totalsOnly: try scanner.skipValue()
                        case "plans": plans = try scanner.elements(plan)
                        case "presence": presence = try scanner.null() ? nil : scanner.elements(interval)
                        case "days": days = try scanner.elements(day)
                        case "totals": totals = try hourTotals(&scanner)
                        default: try scanner.skipValue()
                        }
                    } catch {
                        unreadable = true
                        scanner.rewind(to: start)
                        try scanner.skipValue()
                    }
                }
                try scanner.end()
            }
        } catch {
            throw Failure.corrupt
        }
        guard let version else { throw Failure.corrupt }
        guard version == 1 else { throw Failure.unknownVersion(version) }
        guard !unreadable, userID == user.id, let plans, let days, let totals else { throw Failure.corrupt }
        var user = user
        user.jobTitle = jobTitle
        return EmployeeMonth(user: user, plans: plans, presence: presence, days: days, totals: totals)
    }

    private static func plan(_ scanner: inout JSONScanner) throws -> DayPlan {
        var date: LocalDate?
        var type: DayType?
        var shifts: [TimeRange]?
        var breakMinutes: Int?
        var overtime: [TimeRange]?
        var timeOff: [TimeRange]?
        try scanner.object { scanner, key in
            switch key {
            case "date": date = try localDate(&scanner)
            case "type":
                guard let value = DayType(rawValue: try scanner.string()) else { throw Failure.corrupt }
                type = value
            case "shifts": shifts = try ranges(&scanner)
            case "break_minutes": breakMinutes = try scanner.integer()
            case "overtime": overtime = try ranges(&scanner)
            case "time_off": timeOff = try ranges(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let date, let type, let shifts, let breakMinutes, let overtime, let timeOff else { throw Failure.corrupt }
        return DayPlan(date: date, type: type, shifts: shifts, breakMinutes: breakMinutes, overtime: overtime, timeOff: timeOff)
    }

    private static func day(_ scanner: inout JSONScanner) throws -> DayMinutes {
        var date: LocalDate?
        var totals: HourTotals?
        try scanner.object { scanner, key in
            switch key {
            case "date": date = try localDate(&scanner)
            case "minutes": totals = try hourTotals(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let date, let totals else { throw Failure.corrupt }
        return DayMinutes(date: date, totals: totals)
    }

    /// An interval stored as `[start, end]`.
    private static func interval(_ scanner: inout JSONScanner) throws -> WorkedInterval {
        var ends: [Int] = []
        try scanner.array { scanner in
            guard ends.count < 2 else { throw Failure.corrupt }
            ends.append(try scanner.integer())
        }
        guard ends.count == 2 else { throw Failure.corrupt }
        return WorkedInterval(start: ends[0], end: ends[1])
    }

    /// The 18 minute counts, read straight into their cells (`HourTotals[cell:]` has the stored order).
    private static func hourTotals(_ scanner: inout JSONScanner) throws -> HourTotals {
        var totals = HourTotals()
        var count = 0
        try scanner.array { scanner in
            guard count < HourTotals.cellCount else { throw Failure.corrupt }
            totals[cell: count] = try scanner.integer()
            count += 1
        }
        guard count == HourTotals.cellCount else { throw Failure.corrupt }
        return totals
    }

    private static func localDate(_ scanner: inout JSONScanner) throws -> LocalDate {
        guard let date = LocalDate(iso: try scanner.string()) else { throw Failure.corrupt }
        return date
    }

    private static func ranges(_ scanner: inout JSONScanner) throws -> [TimeRange] {
        guard case .success(let ranges) = TimeRangeList.parse(try scanner.string()) else { throw Failure.corrupt }
        return ranges
    }

    private static func minutes(_ totals: HourTotals) -> [Int] {
        (0..<HourTotals.cellCount).map { totals[cell: $0] }
    }

    /// The encoder's view of version 1; ``decode(_:user:)`` reads the same keys by hand.
    private struct Form: Encodable {
        struct Plan: Encodable {
            var date: String
            var type: String
            var shifts: String
            var break_minutes: Int
            var overtime: String
            var time_off: String
        }

        struct Day: Encodable {
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
