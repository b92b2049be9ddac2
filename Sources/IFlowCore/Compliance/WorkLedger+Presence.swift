extension WorkLedger {
    /// The time actually present as the rules read it (`live_attendance`), counted as `liveDailyMinutes` counts it.
    ///
    /// A working day is the presence that meets one plan's shifts (the earliest such plan, by date) or, outside every
    /// shift, the presence that starts on one local date. Inside the plan's shifts it is regular time, less the part of
    /// the plan's break the pauses between scans did not take; outside it is overtime. The day's break is the longer of
    /// the plan's break and its longest pause. Time off comes from the plans, as absences do.
    ///
    /// - Parameters:
    ///   - plans: The employee's plans over the window the rules read.
    ///   - presence: The time present over that window, e.g. `ScanPairing.intervals(now:)`.
    init(plans: [DayPlan], presence: [WorkedInterval], calculator: ScheduleCalculator) {
        var shiftsByDay: [Int: (shifts: [WorkedInterval], breakMinutes: Int)] = [:]
        var timeOff = MinutesByDay()
        for plan in plans {
            let shifts = plan.shifts.map { calculator.instants(of: $0, on: plan.date.dayNumber) }.map { WorkedInterval(start: $0.start, end: $0.end) }
            if !shifts.isEmpty { shiftsByDay[plan.date.dayNumber] = (shifts.merged(), plan.breakMinutes) }
            calculator.forEachPiece(of: plan) { dayNumber, kind, _, minutes in
                if kind == .timeOff { timeOff.add(minutes, on: dayNumber) }
            }
        }
        var groups: [Int: [WorkedInterval]] = [:]
        for interval in presence.merged() {
            let startDay = calculator.localDate(ofInstant: interval.start).dayNumber
            // A shift of plan D lies on D and D + 1, so presence meeting it starts on D - 1 (an early arrival) at the latest.
            let planDay = (startDay - 1...startDay + 1).first { dayNumber in
                shiftsByDay[dayNumber]?.shifts.contains { $0.start < interval.end && interval.start < $0.end } == true
            }
            groups[planDay ?? startDay, default: []].append(interval)
        }
        var days: [WorkDay] = []
        var worked = MinutesByDay()
        var overtime = MinutesByDay()
        for (dayNumber, intervals) in groups {
            let plan = shiftsByDay[dayNumber] ?? ([], 0)
            var inside: [WorkedInterval] = []
            intervals.intersection(plan.shifts, into: &inside)
            var regularPieces: [HourPiece] = []
            for interval in inside {
                calculator.forEachPiece(from: interval.start, to: interval.end) {
                    regularPieces.append(HourPiece(start: $0, dayNumber: $1, time: $2, minutes: $3))
                }
            }
            if let first = inside.first, let last = inside.last {
                let span = plan.shifts.reduce(0) { $0 + max(0, min($1.end, last.end) - max($1.start, first.start)) }
                ScheduleCalculator.deductBreak(plan.breakMinutes - (span - inside.seconds) / 60, from: &regularPieces, planDay: dayNumber)
            }
            var overtimePieces: [HourPiece] = []
            intervals.forEachInterval(notIn: plan.shifts) { interval in
                calculator.forEachPiece(from: interval.start, to: interval.end) {
                    overtimePieces.append(HourPiece(start: $0, dayNumber: $1, time: $2, minutes: $3))
                }
            }
            for piece in regularPieces { worked.add(piece.minutes, on: piece.dayNumber) }
            for piece in overtimePieces {
                worked.add(piece.minutes, on: piece.dayNumber)
                overtime.add(piece.minutes, on: piece.dayNumber)
            }
            let longestPause = zip(intervals, intervals.dropFirst()).map { ($1.start - $0.end) / 60 }.max() ?? 0
            days.append(
                WorkDay(
                    date: LocalDate(dayNumber: dayNumber), start: intervals[0].start, end: intervals[intervals.count - 1].end,
                    regularMinutes: regularPieces.reduce(0) { $0 + $1.minutes }, overtimeMinutes: overtimePieces.reduce(0) { $0 + $1.minutes },
                    nightMinutes: (regularPieces + overtimePieces).reduce(0) { $0 + ($1.time == .night ? $1.minutes : 0) },
                    breakMinutes: max(plan.breakMinutes, longestPause)
                )
            )
        }
        self.days = days.sorted { $0.start < $1.start }
        workedByDay = worked
        overtimeByDay = overtime
        timeOffByDay = timeOff
    }
}
