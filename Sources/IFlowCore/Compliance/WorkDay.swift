/// One plan's working time as the rules read it: the real span from its first start to its last end and its minutes.
///
/// Work is shifts and overtime; time off and absences are not work. Instants are UTC seconds, so a rest or a day
/// that spans a daylight-saving change has its real length.
struct WorkDay: Sendable {
    let date: LocalDate
    let start: Int
    let end: Int
    /// Shift time less the unpaid break.
    let regularMinutes: Int
    let overtimeMinutes: Int
    /// Work (regular and overtime) between 22:00 and 06:00.
    let nightMinutes: Int
    /// The unpaid break, or the longest pause between the day's ranges when that is longer (`08:00-12:00,12:30-16:30`).
    let breakMinutes: Int

    var workedMinutes: Int { regularMinutes + overtimeMinutes }
}

extension ScheduleCalculator {
    /// The plan's working day, or `nil` for a plan without shifts or overtime (an absence, a day of time off);
    /// `piece` is handed each of the plan's pieces as `forEachPiece(of:_:)` cuts them, so a ledger cuts a plan once.
    func workDay(of plan: DayPlan, piece: (Int, HourKind, TimeOfDay, Int) -> Void = { _, _, _, _ in }) -> WorkDay? {
        var regular = 0
        var overtime = 0
        var night = 0
        forEachPiece(of: plan) { dayNumber, kind, time, minutes in
            piece(dayNumber, kind, time, minutes)
            switch kind {
            case .regular: regular += minutes
            case .overtime: overtime += minutes
            case .timeOff: return
            }
            if time == .night { night += minutes }
        }
        let ranges = plan.shifts + plan.overtime
        guard !ranges.isEmpty else { return nil }
        let intervals = ranges.map { instants(of: $0, on: plan.date.dayNumber) }.sorted { $0.start < $1.start }
        var end = intervals[0].end
        var longestPause = 0
        for interval in intervals.dropFirst() {
            if interval.start > end { longestPause = max(longestPause, (interval.start - end) / 60) }
            end = max(end, interval.end)
        }
        return WorkDay(
            date: plan.date, start: intervals[0].start, end: end, regularMinutes: regular, overtimeMinutes: overtime, nightMinutes: night,
            breakMinutes: max(plan.breakMinutes, longestPause)
        )
    }

    /// The UTC instant of local midnight at the start of `date`.
    func midnight(of date: LocalDate) -> Int {
        // The end of the previous day's 22:00-24:00 is this day's 00:00, read as every other wall time is.
        guard let lateEvening = TimeRange(start: .nightStart, end: .endOfDay) else { return date.dayNumber * WallClock.secondsPerDay }
        return instants(of: lateEvening, on: date.dayNumber - 1).end
    }
}
