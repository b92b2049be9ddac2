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
    private let wallClock: WallClock

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
    public func dailyMinutes(for plans: some Sequence<DayPlan>, in month: (year: Int, month: Int)) -> [DayMinutes] {
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

    // MARK: - Pieces

    private func dayClass(dayNumber: Int) -> DayClass {
        if holidays.isHoliday(dayNumber: dayNumber) { return .holiday }
        let weekdayIndex = (dayNumber + 3) % 7  // 0 = Monday, as 1970-01-01 was a Thursday.
        return (weekdayIndex < 0 ? weekdayIndex + 7 : weekdayIndex) >= 5 ? .weekend : .weekdays
    }

    private static func dayNumbers(of month: (year: Int, month: Int)) -> ClosedRange<Int>? {
        guard let first = LocalDate(year: month.year, month: month.month, day: 1) else { return nil }
        let count = LocalDate.daysIn(month: month.month, year: month.year)
        return first.dayNumber...(first.dayNumber + count - 1)
    }

    /// Calls `body` with each non-empty piece of `plan` after the break: (day number, kind, time of day, minutes).
    ///
    /// Regular pieces (shifts less the break) come first, then overtime, then time off, each in chronological order.
    /// The unpaid break comes out of the regular minutes of the plan's own date, day minutes first, then night
    /// minutes; what is left of it comes out of the following regular pieces in chronological order. Pieces that the
    /// break uses up entirely are left out, and no piece is ever negative.
    private func forEachPiece(of plan: DayPlan, _ body: (Int, HourKind, TimeOfDay, Int) -> Void) {
        let planDay = plan.date.dayNumber
        func chronologicalPieces(of ranges: [TimeRange]) -> [(wallStart: Int, dayNumber: Int, time: TimeOfDay, minutes: Int)] {
            var pieces: [(wallStart: Int, dayNumber: Int, time: TimeOfDay, minutes: Int)] = []
            pieces.reserveCapacity(ranges.count * 3)
            for range in ranges {
                forEachPiece(of: range, on: planDay) { pieces.append(($0, $1, $2, $3)) }
            }
            pieces.sort { $0.wallStart < $1.wallStart }
            return pieces
        }

        if !plan.shifts.isEmpty {
            var regular = chronologicalPieces(of: plan.shifts)
            var breakLeft = max(0, plan.breakMinutes)
            func deduct(where include: (_ dayNumber: Int, _ time: TimeOfDay) -> Bool) {
                for index in regular.indices where breakLeft > 0 && include(regular[index].dayNumber, regular[index].time) {
                    let taken = min(breakLeft, regular[index].minutes)
                    regular[index].minutes -= taken
                    breakLeft -= taken
                }
            }
            deduct { dayNumber, time in dayNumber == planDay && time == .day }
            deduct { dayNumber, time in dayNumber == planDay && time == .night }
            deduct { dayNumber, _ in dayNumber != planDay }
            for piece in regular where piece.minutes > 0 { body(piece.dayNumber, .regular, piece.time, piece.minutes) }
        }
        if !plan.overtime.isEmpty {
            for piece in chronologicalPieces(of: plan.overtime) { body(piece.dayNumber, .overtime, piece.time, piece.minutes) }
        }
        if !plan.timeOff.isEmpty {
            for piece in chronologicalPieces(of: plan.timeOff) { body(piece.dayNumber, .timeOff, piece.time, piece.minutes) }
        }
    }

    /// Cuts one range laid on `planDay` at local midnight, `ClockTime.nightEnd` and `ClockTime.nightStart` and calls
    /// `body` with each non-empty piece: (wall start in minutes from the plan date's midnight, day number, time of day,
    /// real minutes).
    private func forEachPiece(of range: TimeRange, on planDay: Int, _ body: (Int, Int, TimeOfDay, Int) -> Void) {
        let minutesPerDay = ClockTime.minutesPerDay
        let nightEnd = ClockTime.nightEnd.minutes
        let nightStart = ClockTime.nightStart.minutes
        let wallEnd = range.endOffsetMinutes
        var wallStart = range.start.minutes
        var previous = instantMinutes(planDay: planDay, wallMinutes: wallStart)
        while wallStart < wallEnd {
            let dayOffset = wallStart / minutesPerDay
            let minuteOfDay = wallStart % minutesPerDay
            let boundary = minuteOfDay < nightEnd ? nightEnd : minuteOfDay < nightStart ? nightStart : minutesPerDay
            let pieceEnd = min(dayOffset * minutesPerDay + boundary, wallEnd)
            // Instants of increasing wall times can go backwards across a skipped hour; holding at the latest instant
            // keeps every piece non-negative and the pieces adding up to the range.
            let instant = max(previous, instantMinutes(planDay: planDay, wallMinutes: pieceEnd))
            if instant > previous {
                let time: TimeOfDay = minuteOfDay >= nightEnd && minuteOfDay < nightStart ? .day : .night
                body(wallStart, planDay + dayOffset, time, instant - previous)
            }
            previous = instant
            wallStart = pieceEnd
        }
    }

    /// Minutes since 1970-01-01 00:00 UTC (rounded down) of the wall time `wallMinutes` after the local midnight
    /// that starts `planDay`.
    private func instantMinutes(planDay: Int, wallMinutes: Int) -> Int {
        let seconds = wallClock.instant(wallSeconds: planDay * WallClock.secondsPerDay + wallMinutes * 60)
        return seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
    }
}
