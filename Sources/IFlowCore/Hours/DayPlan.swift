/// One employee's plan for one date: the day's type, its shifts and unpaid break, and its overtime and time off.
///
/// Every range starts on `date`; one ending at or before its start runs into the next day (see `TimeRange`).
public struct DayPlan: Hashable, Sendable {
    /// The date every range starts on.
    public var date: LocalDate
    /// Work or an absence code.
    public var type: DayType
    /// Regular working time.
    public var shifts: [TimeRange]
    /// Unpaid break taken out of the shifts, in minutes.
    public var breakMinutes: Int
    /// Work beyond the regular time.
    public var overtime: [TimeRange]
    /// Time off granted against overtime.
    public var timeOff: [TimeRange]

    /// At most this many ranges in each of `shifts`, `overtime` and `timeOff`.
    public static let maximumRangesPerField = 10

    public init(
        date: LocalDate,
        type: DayType = .work,
        shifts: [TimeRange] = [],
        breakMinutes: Int = 0,
        overtime: [TimeRange] = [],
        timeOff: [TimeRange] = []
    ) {
        self.date = date
        self.type = type
        self.shifts = shifts
        self.breakMinutes = breakMinutes
        self.overtime = overtime
        self.timeOff = timeOff
    }
}

/// A field of `DayPlan`, named as the API spells it.
public enum DayPlanField: String, Sendable, CaseIterable {
    case shifts
    case breakMinutes = "break_minutes"
    case overtime
    case timeOff = "time_off"
}

/// One thing wrong with a `DayPlan`.
public enum DayPlanProblem: Hashable, Sendable {
    /// A range of `field` shares time with a range of `otherField` (the same field when two of its own ranges clash).
    case overlap(field: DayPlanField, otherField: DayPlanField)
    /// `field` has more than `DayPlan.maximumRangesPerField` ranges.
    case tooManyRanges(field: DayPlanField, count: Int)
    /// The break is negative.
    case negativeBreak(minutes: Int)
    /// The break is longer than the shifts' wall-clock total.
    case breakLongerThanShifts(breakMinutes: Int, shiftMinutes: Int)
    /// Shifts were given on a day whose type is an absence.
    case shiftsOnAbsence(DayType)

    /// The field the problem is reported against.
    public var field: DayPlanField {
        switch self {
        case .overlap(let field, _), .tooManyRanges(let field, _): field
        case .negativeBreak, .breakLongerThanShifts: .breakMinutes
        case .shiftsOnAbsence: .shifts
        }
    }

    /// A stable name for the failed check, for machine-readable errors.
    public var checkName: String {
        switch self {
        case .overlap: "overlap"
        case .tooManyRanges: "too_many_ranges"
        case .negativeBreak: "negative"
        case .breakLongerThanShifts: "longer_than_shifts"
        case .shiftsOnAbsence: "not_allowed_for_type"
        }
    }
}

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
