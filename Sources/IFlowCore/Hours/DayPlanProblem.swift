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
}
