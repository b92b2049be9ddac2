/// One employee's standing on one date, for `users/get_*_status` and the web's Today page: present now or not, what
/// was planned, the day's pairs and the minutes so far.
///
/// Live (`live(...)`, from the scans): `at_work` while a pair is open; else `late` once a planned shift touching the
/// date started more than the grace before `now` with no presence in it yet; else `absent` on a day planned with an
/// absence code (or a business trip, `D`); else `left` after presence on the date; else `missing` with work planned
/// and `not_planned` without. From the plan (`planned(...)`, `work_schedule` and the days ahead): `absent` for an
/// absence code; `at_work` inside a planned shift (any planned shift on a day ahead, as iFlow answers for tomorrow);
/// `left` once the date's shifts are over; `missing` before them; `not_planned` with no shifts. Only `work` plans'
/// shifts count as work here, as for exceptions: a business trip has no badge to scan.
public struct DayStatus: Hashable, Sendable {
    /// The status codes, also the keys of their wording (``text(in:)``).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case atWork = "at_work"
        case late
        case missing
        case absent
        case left
        case notPlanned = "not_planned"
    }

    public let kind: Kind
    /// The date's plan type when it is not `work` (an absence code, or `D`).
    public let absence: DayType?
    /// The shifts planned on the date (a night shift from the day before is not repeated here).
    public let shifts: [TimeRange]
    /// The pairs with presence on the date, in check-in order (empty from the plan).
    public let pairs: [ScanPair]
    /// Regular and overtime minutes of the date: worked so far (live), or planned.
    public let minutes: Int

    /// Whether the employee is at work: an open pair (live), or inside a planned shift (from the plan).
    public var atWork: Bool { kind == .atWork }

    /// The status from real presence.
    /// - Parameters:
    ///   - date: the local date reported.
    ///   - plans: the employee's plans of `date` and of the day before (for its night shift).
    ///   - pairing: the employee's scans, paired with `now`.
    ///   - now: the current instant, UTC seconds.
    ///   - graceMinutes: the company's grace before a shift's start counts as late.
    public static func live(
        date: LocalDate, plans: [DayPlan], pairing: ScanPairing, now: Int, graceMinutes: Int, calculator: ScheduleCalculator
    ) -> DayStatus {
        let day = calculator.localDay(date)
        let plan = plans.first { $0.date == date }
        let shifts = calculator.workShifts(plans, touching: day)
        let spans = pairing.pairs.map { pair in
            (start: pair.checkIn, end: pair.checkOut ?? (pair.isOpen ? Swift.max(now, pair.checkIn) : pair.checkIn), pair: pair)
        }
        func touches(_ span: (start: Int, end: Int), _ interval: (start: Int, end: Int)) -> Bool {
            span.start < interval.end && (span.end > interval.start || (span.end == span.start && span.start >= interval.start))
        }
        let onDate = spans.filter { touches(($0.start, $0.end), day) }
        let kind: Kind
        if pairing.pairs.contains(where: { $0.isOpen && $0.checkIn <= now }) {
            kind = .atWork
        } else if shifts.contains(where: { shift in
            now - shift.start > graceMinutes * 60 && now < shift.end && !spans.contains { touches(($0.start, $0.end), shift) }
        }) {
            kind = .late
        } else if let plan, plan.type != .work {
            kind = .absent
        } else if !onDate.isEmpty {
            kind = .left
        } else {
            kind = shifts.isEmpty ? .notPlanned : .missing
        }
        let minutes = calculator.liveDailyMinutes(for: plans, presence: pairing.intervals(now: now), in: (date.year, date.month))
            .first { $0.date == date }
        return DayStatus(
            kind: kind, absence: plan.flatMap { $0.type == .work ? nil : $0.type }, shifts: plan?.shifts ?? [], pairs: onDate.map(\.pair),
            minutes: minutes.map { $0.regular + $0.overtime } ?? 0
        )
    }

    /// The status from the plan alone.
    /// - Parameters:
    ///   - plans: the employee's plans of `date` and of the day before.
    ///   - now: the current instant for today, `nil` for a day ahead.
    public static func planned(date: LocalDate, plans: [DayPlan], now: Int?, calculator: ScheduleCalculator) -> DayStatus {
        let plan = plans.first { $0.date == date }
        let shifts = calculator.workShifts(plans, touching: calculator.localDay(date))
        let kind: Kind
        if let plan, plan.type != .work {
            kind = .absent
        } else if shifts.isEmpty {
            kind = .notPlanned
        } else if let now {
            if shifts.contains(where: { $0.start <= now && now < $0.end }) {
                kind = .atWork
            } else {
                kind = shifts.allSatisfy { $0.end <= now } ? .left : .missing
            }
        } else {
            kind = .atWork
        }
        let minutes = calculator.dailyMinutes(for: plans, in: (date.year, date.month)).first { $0.date == date }
        return DayStatus(
            kind: kind, absence: plan.flatMap { $0.type == .work ? nil : $0.type }, shifts: plan?.shifts ?? [], pairs: [],
            minutes: minutes.map { $0.regular + $0.overtime } ?? 0
        )
    }

    /// The wording iFlow's status replies show: `At work`, `Missing, Medical leave`, ….
    public func text(in language: Language) -> String {
        let base =
            switch (kind, language) {
            case (.atWork, .enUS): "At work"
            case (.atWork, .roRO): "La lucru"
            case (.late, .enUS): "Late"
            case (.late, .roRO): "Întârziat"
            case (.missing, .enUS), (.absent, .enUS): "Missing"
            case (.missing, .roRO), (.absent, .roRO): "Absent"
            case (.left, .enUS): "Left"
            case (.left, .roRO): "Plecat"
            case (.notPlanned, .enUS): "Not planned"
            case (.notPlanned, .roRO): "Neplanificat"
            }
        guard kind == .absent, let absence else { return base }
        return "\(base), \(absence.description(in: language))"
    }
}

extension ScheduleCalculator {
    /// The instants of a local date's midnight and of the next one: the date is `start..<end` (23 or 25 hours on the
    /// nights the clocks change).
    public func localDay(_ date: LocalDate) -> (start: Int, end: Int) {
        (
            wallClock.instant(wallSeconds: date.dayNumber * WallClock.secondsPerDay),
            wallClock.instant(wallSeconds: (date.dayNumber + 1) * WallClock.secondsPerDay)
        )
    }

    /// The shifts of the `work` plans among `plans` that share time with `day`, as instants.
    func workShifts(_ plans: [DayPlan], touching day: (start: Int, end: Int)) -> [(start: Int, end: Int)] {
        plans.filter { $0.type == .work }.flatMap { plan in plan.shifts.map { instants(of: $0, on: plan.date.dayNumber) } }.filter {
            $0.start < day.end && $0.end > day.start
        }
    }
}
