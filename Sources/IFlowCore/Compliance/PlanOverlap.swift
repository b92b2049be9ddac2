/// Whether a plan overlaps the plans of the day before and the day after, in real time.
///
/// A night shift planned on the 1st (`22:00-07:00`) and a morning shift on the 2nd (`06:00-14:00`) claim the same
/// hour; each is valid alone (``DayPlan/validate()``), so only the pair is refused (`no_overlap`). Every range counts:
/// shifts, overtime and time off. Ranges that only touch do not overlap.
public enum PlanOverlap {
    /// The dates among `neighbours` (the day before and the day after `plan`) whose plan overlaps `plan`.
    public static func conflicts(of plan: DayPlan, with neighbours: some Sequence<DayPlan>, calculator: ScheduleCalculator) -> [LocalDate] {
        let own = intervals(of: plan, calculator: calculator)
        guard !own.isEmpty else { return [] }
        return neighbours.filter { neighbour in
            abs(neighbour.date.dayNumber - plan.date.dayNumber) == 1
                && intervals(of: neighbour, calculator: calculator).contains { other in own.contains { $0.start < other.end && other.start < $0.end }
                }
        }.map(\.date)
    }

    /// Each plan of a write (one per employee and date) that overlaps the same employee's plan of the day before in
    /// the write, or a plan in `stored` of the day before or after that the write leaves as it is.
    ///
    /// - Parameter stored: The employees' stored plans from the day before the first date through the day after the last.
    public static func conflicts(
        of plans: [(userID: Int, plan: DayPlan)], stored: [Int: [DayPlan]], calculator: ScheduleCalculator
    ) -> [PlanOverlapRefusal.Conflict] {
        var positions: [Int: [Int: Int]] = [:]
        for (index, entry) in plans.enumerated() { positions[entry.userID, default: [:]][entry.plan.date.dayNumber] = index }
        var found: [PlanOverlapRefusal.Conflict] = []
        for (index, entry) in plans.enumerated() {
            let written = positions[entry.userID] ?? [:]
            if let before = written[entry.plan.date.dayNumber - 1],
                !conflicts(of: entry.plan, with: [plans[before].plan], calculator: calculator).isEmpty
            {
                found.append(PlanOverlapRefusal.Conflict(index: index, neighbour: .written(before)))
            }
            let kept = (stored[entry.userID] ?? []).filter { written[$0.date.dayNumber] == nil }
            let dates = conflicts(of: entry.plan, with: kept, calculator: calculator)
            if !dates.isEmpty { found.append(PlanOverlapRefusal.Conflict(index: index, neighbour: .stored(dates))) }
        }
        return found
    }

    private static func intervals(of plan: DayPlan, calculator: ScheduleCalculator) -> [(start: Int, end: Int)] {
        (plan.shifts + plan.overtime + plan.timeOff).map { calculator.instants(of: $0, on: plan.date.dayNumber) }
    }
}
