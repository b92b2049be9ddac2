/// Reads one employee-day from request fields (or a CSV row): `date`, `type`, `shifts`, `break_minutes`,
/// `overtime`, `time_off`. Used by `schedule/set_day` and `schedule/import`, so both accept exactly the same input.
public enum DayPlanInput {
    /// Dates outside these years are refused: the holiday calendar covers them and nothing else.
    public static let years = RomanianHolidays.supportedYears

    /// The plan, or every failed check. `field` maps a column name to the name errors should report it under.
    public static func parse(_ value: (String) -> String?) -> Result<DayPlan, ValidationFailure> {
        var issues: [ValidationIssue] = []

        var date: LocalDate?
        if let raw = value("date") {
            let text = TextField.trimmed(raw)
            if let parsed = LocalDate(iso: text) {
                if years.contains(parsed.year) {
                    date = parsed
                } else {
                    issues.append(.init(field: "date", check: .between, parameters: ["min": "\(years.lowerBound)-01-01", "max": "\(years.upperBound)-12-31"]))
                }
            } else {
                issues.append(.init(field: "date", check: .validDate))
            }
        } else {
            issues.append(.init(field: "date", check: .required))
        }

        var type = DayType.work
        if let raw = value("type"), !TextField.trimmed(raw).isEmpty {
            if let parsed = DayType(rawValue: TextField.trimmed(raw)) ?? DayType(rawValue: TextField.trimmed(raw).uppercased()) {
                type = parsed
            } else {
                issues.append(.init(field: "type", check: .inList, parameters: ["allowed": DayType.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
        }

        func ranges(_ field: String) -> [TimeRange] {
            guard let raw = value(field) else { return [] }
            switch TimeRangeList.parse(raw) {
            case .success(let ranges):
                return ranges
            case .failure(.invalidFormat(let item, _)):
                issues.append(.init(field: field, check: .validTimeRanges, parameters: ["detail": String(item.prefix(40))]))
            case .failure(.overlap(let first, let second)):
                issues.append(.init(field: field, check: .noOverlap, parameters: ["detail": "\(first + 1), \(second + 1)"]))
            }
            return []
        }
        let shifts = ranges("shifts")
        let overtime = ranges("overtime")
        let timeOff = ranges("time_off")

        var breakMinutes = 0
        if let raw = value("break_minutes"), !TextField.trimmed(raw).isEmpty {
            let text = TextField.trimmed(raw)
            if text.utf8.count <= 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let minutes = Int(text) {
                if minutes <= ClockTime.minutesPerDay {
                    breakMinutes = minutes
                } else {
                    issues.append(.init(field: "break_minutes", check: .between, parameters: ["min": "0", "max": String(ClockTime.minutesPerDay)]))
                }
            } else {
                issues.append(.init(field: "break_minutes", check: .integer))
            }
        }

        guard issues.isEmpty, let date else { return .failure(ValidationFailure(issues)) }
        let plan = DayPlan(date: date, type: type, shifts: shifts, breakMinutes: breakMinutes, overtime: overtime, timeOff: timeOff)
        let problems = plan.validate()
        guard problems.isEmpty else { return .failure(ValidationFailure(problems.map(\.issue))) }
        return .success(plan)
    }
}

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

/// How a request names the employee a schedule belongs to: `user_by` and `user_by_value`.
public enum UserSelector: Sendable, Hashable {
    case cnp(String)
    case idCard(String)
    case markNumber(String)
    case userID(Int)

    public static let allowed = ["cnp", "id_card", "mark_number", "user_id"]

    /// Reads `user_by`/`user_by_value`; when `required` is false, both absent gives `nil` and no issue.
    public static func parse(by: String?, value: String?, required: Bool) -> Result<UserSelector?, ValidationFailure> {
        if !required, by == nil || by.map(TextField.trimmed)?.isEmpty == true, value == nil || value.map(TextField.trimmed)?.isEmpty == true {
            return .success(nil)
        }
        var issues: [ValidationIssue] = []
        let kind = by.map(TextField.trimmed)
        if kind == nil {
            issues.append(.init(field: "user_by", check: .required))
        } else if let kind, !allowed.contains(kind) {
            issues.append(.init(field: "user_by", check: .inList, parameters: ["allowed": allowed.joined(separator: ", ")]))
        }
        guard let raw = value.map(TextField.trimmed) else {
            issues.append(.init(field: "user_by_value", check: .required))
            return .failure(ValidationFailure(issues))
        }
        guard !raw.isEmpty else {
            issues.append(.init(field: "user_by_value", check: .notEmpty))
            return .failure(ValidationFailure(issues))
        }
        guard issues.isEmpty, let kind else { return .failure(ValidationFailure(issues)) }
        // No stored identifier holds one, and PostgreSQL refuses a NUL in a text parameter outright.
        guard !TextField.containsControlCharacters(raw) else { return .failure(ValidationFailure(field: "user_by_value", check: .singleLine)) }
        switch kind {
        case "cnp":
            guard CNP.validate(raw).isValid else { return .failure(ValidationFailure(field: "user_by_value", check: .validCNP)) }
            return .success(.cnp(raw))
        case "id_card":
            return .success(.idCard(IdCard.normalize(raw)))
        case "mark_number":
            return .success(.markNumber(raw))
        default:
            guard raw.utf8.count <= 12, let id = Int(raw), id > 0 else { return .failure(ValidationFailure(field: "user_by_value", check: .integer)) }
            return .success(.userID(id))
        }
    }
}
