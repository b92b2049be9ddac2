extension DayPlan {
    /// Every problem of the plan, in field order (shifts, break_minutes, overtime, time_off), empty when it is valid.
    ///
    /// All ranges of the day (shifts, overtime and time off together) must be pairwise disjoint when laid from `date`;
    /// ranges that only touch are fine. An overlap is reported once, against the field of the later range in that
    /// order. Lengths are wall-clock lengths, so the same plan is valid in every time zone.
    public func validate() -> [DayPlanProblem] {
        let overlaps = overlappingFields()
        func rangeProblems(_ field: DayPlanField, _ ranges: [TimeRange]) -> [DayPlanProblem] {
            var problems: [DayPlanProblem] = []
            if ranges.count > Self.maximumRangesPerField { problems.append(.tooManyRanges(field: field, count: ranges.count)) }
            for pair in overlaps where pair.later == field { problems.append(.overlap(field: field, otherField: pair.earlier)) }
            return problems
        }

        var problems = rangeProblems(.shifts, shifts)
        if type.isAbsence && !shifts.isEmpty { problems.append(.shiftsOnAbsence(type)) }
        let shiftMinutes = shifts.reduce(0) { $0 + $1.wallMinutes }
        if breakMinutes < 0 {
            problems.append(.negativeBreak(minutes: breakMinutes))
        } else if breakMinutes > shiftMinutes {
            problems.append(.breakLongerThanShifts(breakMinutes: breakMinutes, shiftMinutes: shiftMinutes))
        }
        problems += rangeProblems(.overtime, overtime)
        problems += rangeProblems(.timeOff, timeOff)
        return problems
    }

    /// The distinct pairs of fields with overlapping ranges, each as (field of the later range, field of the earlier).
    private func overlappingFields() -> [(later: DayPlanField, earlier: DayPlanField)] {
        let laid = [(DayPlanField.shifts, shifts), (.overtime, overtime), (.timeOff, timeOff)]
            .flatMap { field, ranges in ranges.map { (field: field, range: $0) } }
        var pairs: [(later: DayPlanField, earlier: DayPlanField)] = []
        for second in laid.indices {
            for first in laid.indices where first < second && laid[first].range.overlaps(laid[second].range) {
                let pair = (later: laid[second].field, earlier: laid[first].field)
                if !pairs.contains(where: { $0 == pair }) { pairs.append(pair) }
            }
        }
        return pairs
    }
}
