extension ScheduleCalculator {
    /// The minutes actually worked on each date of `month` (iFlow's *Prezență reală*), one entry per date in order, cut
    /// and classified by the same rule as planned hours (`forEachPiece(from:to:_:)`).
    ///
    /// - `regular`: time present inside a plan's shifts, less the part of the plan's break not taken. The break counts
    ///   as taken by the time inside the shifts, between the first check-in and the last check-out within them, that
    ///   the employee was away; only the rest of the break is deducted, as `deductBreak(_:from:planDay:)` does for
    ///   plans. Present for exactly the shifts, regular equals the planned regular time.
    /// - `overtime`: time present outside every shift (planned overtime ranges are not presence and count nothing).
    /// - `timeOff`: as planned.
    ///
    /// Pass the previous month's last plan too, as for `dailyMinutes(for:in:)`: its night shift's morning is inside a
    /// shift. Plans are assumed valid; overlapping presence counts once.
    /// - Parameters:
    ///   - plans: the employee's plans, at least those of the month and the day before (an array, as for
    ///     `dailyMinutes(for:in:)`).
    ///   - presence: the time present, e.g. `ScanPairing.intervals(now:)`.
    ///   - month: the month to report.
    public func liveDailyMinutes(for plans: [DayPlan], presence: [WorkedInterval], in month: (year: Int, month: Int)) -> [DayMinutes] {
        guard let days = Self.dayNumbers(of: month) else { return [] }
        var perDay = [HourTotals](repeating: HourTotals(), count: days.count)
        func add(_ minutes: Int, _ kind: HourKind, _ dayNumber: Int, _ time: TimeOfDay) {
            if days.contains(dayNumber) {
                perDay[dayNumber - days.lowerBound].add(minutes, kind: kind, dayClass: dayClass(dayNumber: dayNumber), time: time)
            }
        }
        let present = presence.merged()
        // Buffers reused from plan to plan: a month of plans costs a few allocations, not a few per plan.
        var allShifts: [WorkedInterval] = []
        var shifts: [WorkedInterval] = []
        var inside: [WorkedInterval] = []
        var pieces: [HourPiece] = []
        for plan in plans where plan.date.dayNumber >= days.lowerBound - 1 && plan.date.dayNumber <= days.upperBound {
            let planDay = plan.date.dayNumber
            shifts.removeAll(keepingCapacity: true)
            for range in plan.shifts {
                let interval = instants(of: range, on: planDay)
                shifts.append(WorkedInterval(start: interval.start, end: interval.end))
            }
            if !shifts.isMerged { shifts = shifts.merged() }
            allShifts += shifts
            present.intersection(shifts, into: &inside)
            if let first = inside.first, let last = inside.last {
                let span = shifts.reduce(0) { $0 + Swift.max(0, Swift.min($1.end, last.end) - Swift.max($1.start, first.start)) }
                let breakLeft = plan.breakMinutes - (span - inside.seconds) / 60
                if breakLeft > 0 {
                    // `inside` is sorted and disjoint, so its pieces come in time order, as `deductBreak` needs them.
                    pieces.removeAll(keepingCapacity: true)
                    for interval in inside {
                        forEachPiece(from: interval.start, to: interval.end) {
                            pieces.append(HourPiece(start: $0, dayNumber: $1, time: $2, minutes: $3))
                        }
                    }
                    Self.deductBreak(breakLeft, from: &pieces, planDay: planDay)
                    for piece in pieces where piece.minutes > 0 { add(piece.minutes, .regular, piece.dayNumber, piece.time) }
                } else {
                    for interval in inside { forEachPiece(from: interval.start, to: interval.end) { add($3, .regular, $1, $2) } }
                }
            }
            for range in plan.timeOff {
                let interval = instants(of: range, on: planDay)
                forEachPiece(from: interval.start, to: interval.end) { add($3, .timeOff, $1, $2) }
            }
        }
        present.forEachInterval(notIn: allShifts.merged()) { interval in
            forEachPiece(from: interval.start, to: interval.end) { add($3, .overtime, $1, $2) }
        }
        return perDay.enumerated().map { DayMinutes(date: LocalDate(dayNumber: days.lowerBound + $0.offset), totals: $0.element) }
    }
}
