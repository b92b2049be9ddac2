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

    private static func intervals(of plan: DayPlan, calculator: ScheduleCalculator) -> [(start: Int, end: Int)] {
        (plan.shifts + plan.overtime + plan.timeOff).map { calculator.instants(of: $0, on: plan.date.dayNumber) }
    }
}
