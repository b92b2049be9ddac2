import Foundation

/// Turns day plans into minutes per date, kind, day class and day/night, with real daylight-saving durations.
///
/// A range on date D runs from local D start to local D (or D+1 when it ends at or before its start) end, measured
/// as real elapsed time in `timeZone`: in Europe/Bucharest `22:00-06:00` is 7 h on the last Saturday night of March
/// and 9 h on the last Saturday night of October. Wall times skipped or repeated by a change are read as `WallClock`
/// documents (moved forward by the gap; earlier occurrence). Each range is cut at local midnight and at the night
/// window's ends (`ClockTime.nightStart`, `ClockTime.nightEnd`); a piece belongs to the date of its local start, is
/// night inside the window, and takes that date's day class.
///
/// The calculator does not validate plans (see `DayPlan.validate()`); it computes whatever ranges it is given.
public struct ScheduleCalculator: Sendable {
    /// The zone whose wall clock the plans' times are read on.
    public let timeZone: TimeZone
    /// Decides which dates are `holiday`; dates outside its years count as weekdays or weekend.
    public let holidays: HolidayCalendar
    let wallClock: WallClock

    /// Creates a calculator; the zone's offset changes are precomputed for the years of `holidays`.
    public init(timeZone: TimeZone, holidays: HolidayCalendar) {
        self.timeZone = timeZone
        self.holidays = holidays
        let firstYear = min(max(holidays.years.lowerBound, 1), 9999)
        let lastYear = min(max(holidays.years.upperBound, firstYear), 9999)
        guard let first = LocalDate(year: firstYear, month: 1, day: 1), let last = LocalDate(year: lastYear, month: 12, day: 31) else {
            preconditionFailure("years clamped to 1...9999 have a first and a last day")
        }
        wallClock = WallClock(timeZone: timeZone, days: first.dayNumber...last.dayNumber)
    }

    /// `holiday` on a public holiday, else `weekend` on Saturday and Sunday, else `weekdays`.
    public func dayClass(of date: LocalDate) -> DayClass { dayClass(dayNumber: date.dayNumber) }

    /// The minutes falling on each date of `month`, one entry per date in order (zero on dates without pieces).
    ///
    /// Pass the plan of the previous month's last day as well: a night shift starting then contributes its part after
    /// midnight to this month (and the part of this month's last night after midnight goes to the next month). A
    /// month's totals are the sum of its entries, so a report's day rows match its totals. A plan's unpaid break comes
    /// out of its own date's day minutes first, then that date's night minutes, then the next date's. An invalid month
    /// gives an empty list.
    ///
    /// `plans` is an array rather than any sequence: the reports call this from another module, where a generic
    /// parameter is not specialized, and each plan was then copied and destroyed through value witnesses (the month
    /// report's profile showed the unspecialized function, 16 % of its CPU time with those copies).
    public func dailyMinutes(for plans: [DayPlan], in month: (year: Int, month: Int)) -> [DayMinutes] {
        guard let days = Self.dayNumbers(of: month) else { return [] }
        var perDay = [HourTotals](repeating: HourTotals(), count: days.count)
        for plan in plans {
            let planDay = plan.date.dayNumber
            // A plan's pieces lie on its date and the next, so most plans outside the month are skipped unopened.
            guard planDay >= days.lowerBound - 1, planDay <= days.upperBound else { continue }
            forEachPiece(of: plan) { dayNumber, kind, time, minutes in
                if days.contains(dayNumber) {
                    perDay[dayNumber - days.lowerBound].add(minutes, kind: kind, dayClass: dayClass(dayNumber: dayNumber), time: time)
                }
            }
        }
        return perDay.enumerated().map { DayMinutes(date: LocalDate(dayNumber: days.lowerBound + $0.offset), totals: $0.element) }
    }

    /// The local date, in `timeZone`, of the UTC instant `seconds`.
    public func localDate(ofInstant seconds: Int) -> LocalDate {
        LocalDate(dayNumber: Self.floorDivide(seconds + wallClock.offset(at: seconds), WallClock.secondsPerDay))
    }

    // MARK: - Pieces

    func dayClass(dayNumber: Int) -> DayClass {
        if holidays.isHoliday(dayNumber: dayNumber) { return .holiday }
        let weekdayIndex = (dayNumber + 3) % 7  // 0 = Monday, as 1970-01-01 was a Thursday.
        return (weekdayIndex < 0 ? weekdayIndex + 7 : weekdayIndex) >= 5 ? .weekend : .weekdays
    }

    static func dayNumbers(of month: (year: Int, month: Int)) -> ClosedRange<Int>? {
        guard let first = LocalDate(year: month.year, month: month.month, day: 1) else { return nil }
        let count = LocalDate.daysIn(month: month.month, year: month.year)
        return first.dayNumber...(first.dayNumber + count - 1)
    }

    /// Calls `body` with each non-empty piece of `plan` after the break: (day number, kind, time of day, minutes).
    ///
    /// Regular pieces (shifts less the break) come first, then overtime, then time off, each in chronological order.
    /// The break is taken as `deductBreak(_:from:planDay:)` documents. Pieces that the break uses up entirely are left
    /// out, and no piece is ever negative.
    func forEachPiece(of plan: DayPlan, _ body: (Int, HourKind, TimeOfDay, Int) -> Void) {
        let planDay = plan.date.dayNumber
        func chronologicalPieces(of ranges: [TimeRange]) -> [HourPiece] {
            var pieces: [HourPiece] = []
            pieces.reserveCapacity(ranges.count * 3)
            for range in ranges {
                let interval = instants(of: range, on: planDay)
                forEachPiece(from: interval.start, to: interval.end) { pieces.append(HourPiece(start: $0, dayNumber: $1, time: $2, minutes: $3)) }
            }
            pieces.sort { $0.start < $1.start }
            return pieces
        }

        if !plan.shifts.isEmpty {
            var regular = chronologicalPieces(of: plan.shifts)
            Self.deductBreak(plan.breakMinutes, from: &regular, planDay: planDay)
            for piece in regular where piece.minutes > 0 { body(piece.dayNumber, .regular, piece.time, piece.minutes) }
        }
        if !plan.overtime.isEmpty {
            for piece in chronologicalPieces(of: plan.overtime) { body(piece.dayNumber, .overtime, piece.time, piece.minutes) }
        }
        if !plan.timeOff.isEmpty {
            for piece in chronologicalPieces(of: plan.timeOff) { body(piece.dayNumber, .timeOff, piece.time, piece.minutes) }
        }
    }

    /// Takes an unpaid break out of chronological regular pieces: the plan date's day minutes first, then its night
    /// minutes, then the following pieces in order. Never makes a piece negative; a break longer than the pieces is lost.
    static func deductBreak(_ breakMinutes: Int, from pieces: inout [HourPiece], planDay: Int) {
        var breakLeft = max(0, breakMinutes)
        func deduct(where include: (_ dayNumber: Int, _ time: TimeOfDay) -> Bool) {
            for index in pieces.indices where breakLeft > 0 && include(pieces[index].dayNumber, pieces[index].time) {
                let taken = min(breakLeft, pieces[index].minutes)
                pieces[index].minutes -= taken
                breakLeft -= taken
            }
        }
        deduct { dayNumber, time in dayNumber == planDay && time == .day }
        deduct { dayNumber, time in dayNumber == planDay && time == .night }
        deduct { dayNumber, _ in dayNumber != planDay }
    }

    /// The UTC instants (seconds) at which `range`, laid on `planDay`, starts and ends; skipped and repeated wall times
    /// are read as `WallClock.instant(wallSeconds:)` documents.
    func instants(of range: TimeRange, on planDay: Int) -> (start: Int, end: Int) {
        let midnight = planDay * WallClock.secondsPerDay
        return (
            wallClock.instant(wallSeconds: midnight + range.start.minutes * 60),
            wallClock.instant(wallSeconds: midnight + range.endOffsetMinutes * 60)
        )
    }

    /// The one cutting rule for planned and worked time: cuts the real interval `start..<end` (UTC seconds) at each
    /// local midnight, `ClockTime.nightEnd` and `ClockTime.nightStart` of `timeZone` and calls `body` with each
    /// non-empty piece: (start instant, day number of its local date, time of day, minutes).
    ///
    /// A piece takes the date and day/night of the wall time at its start. Minutes are counted between instants rounded
    /// down to the minute, so the pieces always add up to the interval's minutes. The walk also stops at each offset
    /// change, where local time jumps; such a cut leaves the date and time of day unchanged.
    func forEachPiece(from start: Int, to end: Int, _ body: (Int, Int, TimeOfDay, Int) -> Void) {
        let secondsPerDay = WallClock.secondsPerDay
        let nightEnd = ClockTime.nightEnd.minutes * 60
        let nightStart = ClockTime.nightStart.minutes * 60
        var cursor = start
        var segment = wallClock.segment(at: cursor)
        while cursor < end {
            if cursor >= segment.until { segment = wallClock.segment(at: cursor) }
            let local = cursor + segment.offset
            let localDay = Self.floorDivide(local, secondsPerDay)
            let secondOfDay = local - localDay * secondsPerDay
            let boundary = secondOfDay < nightEnd ? nightEnd : secondOfDay < nightStart ? nightStart : secondsPerDay
            let pieceEnd = min(localDay * secondsPerDay + boundary - segment.offset, segment.until, end)
            let minutes = Self.floorDivide(pieceEnd, 60) - Self.floorDivide(cursor, 60)
            if minutes > 0 {
                body(cursor, localDay, secondOfDay >= nightEnd && secondOfDay < nightStart ? .day : .night, minutes)
            }
            cursor = pieceEnd
        }
    }

    /// `value / divisor` rounded towards minus infinity, for instants before 1970.
    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
