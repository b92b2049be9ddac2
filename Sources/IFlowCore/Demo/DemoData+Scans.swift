extension DemoData {
    /// One demo scan: when (UTC seconds) and at which of the demo's terminals (0 or 1).
    public struct DemoScan: Hashable, Sendable {
        public var instant: Int
        public var terminal: Int
    }

    /// The terminal scans of an employee who mostly keeps to `plans`: in a few minutes early, out a few minutes late,
    /// now and then late in (a third of an hour or so) or early out, a lunch clocked out at the office, once in a while
    /// a forgotten check-out on a day job (never on a night, whose morning scan would pair with it), nothing on an
    /// absence. Only the plans of `dates` count, and only scans before `now`, so the employee of a shift under way is
    /// at work now.
    /// - Parameters:
    ///   - plans: the employee's plans (`plans(for:index:months:)`).
    ///   - index: the employee's position, which seeds their habits.
    ///   - dates: the days to scan.
    ///   - now: UTC seconds; no scan is at or after it.
    ///   - calculator: the company's, for the wall clock the plans are on.
    public func scans(
        for plans: [DayPlan], index: Int, dates: ClosedRange<LocalDate>, now: Int, calculator: ScheduleCalculator
    ) -> [DemoScan] {
        var random = SplitMix64(seed: seed &+ 0x5CA7 &+ UInt64(index) &* 104_729)
        var scans: [DemoScan] = []
        func minutes(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        func instant(_ date: LocalDate, _ minute: Int) -> Int? {
            let days = minute < 0 ? -1 : minute / ClockTime.minutesPerDay
            let secondOfDay = (minute - days * ClockTime.minutesPerDay) * 60 + Int(random.next() % 60)
            return calculator.instant(on: date.adding(days: days), secondOfDay: secondOfDay)
        }
        for plan in plans where dates.contains(plan.date) && plan.type == .work {
            guard let first = plan.shifts.first, let last = plan.shifts.last else { continue }
            let terminal = Int(random.next() % 2)
            let roll = random.next() % 100
            let checkIn = first.start.minutes + (roll < 8 ? minutes(6...40) : -minutes(1...9))
            let checkOut = last.endOffsetMinutes + (roll >= 8 && roll < 12 ? -minutes(10...50) : minutes(0...12))
            let isNight = last.endsNextDay
            var times = [checkIn]
            if plan.shifts.count > 1, random.next() % 3 != 0 {
                times += [plan.shifts[0].endOffsetMinutes + minutes(0...3), plan.shifts[1].start.minutes - minutes(0...4)]
            }
            let forgotten = !isNight && random.next() % 30 == 0
            if !forgotten { times.append(checkOut) }
            for minute in times {
                guard let instant = instant(plan.date, minute), instant < now else { continue }
                scans.append(DemoScan(instant: instant, terminal: terminal))
            }
        }
        return scans
    }
}
