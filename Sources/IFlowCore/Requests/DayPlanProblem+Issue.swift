extension DayPlanProblem {
    /// The problem in the API's check vocabulary.
    var issue: ValidationIssue {
        switch self {
        case .overlap(let field, let other):
            ValidationIssue(field: field.rawValue, check: .noOverlap, parameters: ["detail": other.rawValue])
        case .tooManyRanges(let field, _):
            ValidationIssue(field: field.rawValue, check: .tooLarge, parameters: ["detail": "\(DayPlan.maximumRangesPerField) ranges"])
        case .negativeBreak:
            ValidationIssue(
                field: DayPlanField.breakMinutes.rawValue, check: .between, parameters: ["min": "0", "max": String(ClockTime.minutesPerDay)]
            )
        case .breakLongerThanShifts:
            ValidationIssue(field: DayPlanField.breakMinutes.rawValue, check: .validBreak)
        case .shiftsOnAbsence(let type):
            ValidationIssue(field: DayPlanField.shifts.rawValue, check: .noShifts, parameters: ["type": type.rawValue])
        }
    }
}
