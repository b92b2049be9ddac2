extension ScheduleCalculator {
    /// The exceptions of the dates in `days`, in date order and, within a date, in the order of the cases of
    /// `AttendanceException`.
    ///
    /// A pair counts as presence from its check-in to its check-out, an open pair up to `now`; a pair whose end is not
    /// known (a missing check-out, or an open pair without `now`) up to the reset limit, so a forgotten check-out is
    /// not also "no presence". For each shift of a work plan: late when the earliest presence touching it starts more than
    /// `graceMinutes` after the shift, early when the latest presence touching it ended, by a check-out, more than
    /// `graceMinutes` before the shift's end. Only `work` plans are checked: an absence or a business trip (`D`, work
    /// done elsewhere, with no badge to scan) is not. A plan none of whose shifts has presence is `noPresence` once its first
    /// shift has started more than the grace before `now` (always without `now`).
    /// - Parameters:
    ///   - plans: the plans of `days` and of the day before (for its night shift).
    ///   - pairing: the employee's pairing.
    ///   - now: the current instant for today's report, or `nil` for days that are over.
    ///   - graceMinutes: the company's grace, 5 minutes by default.
    ///   - days: the dates to report.
    public func exceptions(
        plans: [DayPlan],
        pairing: ScanPairing,
        now: Int? = nil,
        graceMinutes: Int = 5,
        in days: ClosedRange<LocalDate>
    ) -> [AttendanceException] {
        let grace = graceMinutes * 60
        let spans = pairing.pairs.map { pair in
            let unknownEnd = pair.checkIn + pairing.limits.checkInResetLimit
            return (
                start: pair.checkIn, end: pair.checkOut ?? (pair.isOpen ? now.map { Swift.max($0, pair.checkIn) } ?? unknownEnd : unknownEnd),
                pair: pair
            )
        }
        func touches(_ span: (start: Int, end: Int, pair: ScanPair), _ interval: (start: Int, end: Int)) -> Bool {
            span.start < interval.end && (span.end > interval.start || (span.end == span.start && span.start >= interval.start))
        }
        var found: [(date: LocalDate, order: Int, exception: AttendanceException)] = []
        var planned: [(start: Int, end: Int)] = []
        for plan in plans {
            let planDay = plan.date.dayNumber
            let shifts = plan.shifts.map { instants(of: $0, on: planDay) }
            planned += shifts
            planned += plan.overtime.map { instants(of: $0, on: planDay) }
            guard days.contains(plan.date), plan.type == .work, let firstShift = shifts.min(by: { $0.start < $1.start }) else { continue }
            var anyPresence = false
            for shift in shifts {
                let touching = spans.filter { touches($0, shift) }
                guard let earliest = touching.min(by: { $0.start < $1.start }), let latest = touching.max(by: { $0.end < $1.end }) else { continue }
                anyPresence = true
                if earliest.start - shift.start > grace {
                    found.append(
                        (
                            plan.date, 0,
                            .lateCheckIn(
                                date: plan.date, shiftStart: shift.start, checkIn: earliest.start, minutes: (earliest.start - shift.start) / 60)
                        )
                    )
                }
                if let checkOut = latest.pair.checkOut, shift.end - checkOut > grace {
                    found.append(
                        (plan.date, 1, .earlyCheckOut(date: plan.date, shiftEnd: shift.end, checkOut: checkOut, minutes: (shift.end - checkOut) / 60))
                    )
                }
            }
            if !anyPresence, now.map({ $0 - firstShift.start > grace }) ?? true {
                found.append((plan.date, 4, .noPresence(date: plan.date, shiftStart: firstShift.start)))
            }
        }
        for pair in pairing.pairs {
            let date = localDate(ofInstant: pair.checkIn)
            guard days.contains(date) else { continue }
            if let closure = pair.closure {
                found.append((date, 2, .missingCheckOut(date: date, checkInID: pair.checkInID, checkIn: pair.checkIn, closure: closure)))
            }
        }
        for scan in pairing.unmatchedCheckOuts {
            let date = localDate(ofInstant: scan.instant)
            if days.contains(date) { found.append((date, 3, .unmatchedCheckOut(date: date, checkOutID: scan.id, checkOut: scan.instant))) }
        }
        let shiftDates = Set(plans.filter { !$0.shifts.isEmpty }.map(\.date))
        for span in spans {
            let date = localDate(ofInstant: span.start)
            guard days.contains(date), !shiftDates.contains(date), !planned.contains(where: { touches(span, $0) }) else { continue }
            found.append((date, 5, .presenceWithoutPlan(date: date, checkIn: span.start, checkOut: span.pair.checkOut)))
        }
        return found.enumerated().sorted { ($0.element.date, $0.element.order, $0.offset) < ($1.element.date, $1.element.order, $1.offset) }.map(
            \.element.exception)
    }
}
