import IFlowCore
import IFlowStore

/// The form that adds an entry to an employee's day: `time` (`HH:MM` or `HH:MM:SS`, the company's wall clock),
/// `direction` (empty to let the sequence decide, `in`, `out`), an optional `note` and a required `reason`.
///
/// A refused form names every problem at once, each a phrase of `WebText`, and nothing is stored.
struct DayEntryForm {
    static let maxTextLength = 200

    var instant: Int
    var direction: ScanDirection?
    var reason: String
    var note: String?

    /// Why the form was refused: `WebText` keys, in the form's order.
    struct Refusal: Error {
        var keys: [String]
    }

    /// What the scan stores as its note: the reason, then the administrator's note, so the why stays beside the entry.
    var storedNote: String { note.map { "\(reason) — \($0)" } ?? reason }

    /// The entry, or the `WebText` keys of every refused field.
    static func read(
        _ fields: FormFields, date: LocalDate, employee: ScanEmployee, calculator: ScheduleCalculator, now: Int
    ) -> Result<DayEntryForm, Refusal> {
        var problems: [String] = []
        let seconds = ScanRules.secondOfDay(TextField.trimmed(fields["time"] ?? ""))
        if seconds == nil { problems.append("entry_time_invalid") }
        let direction: ScanDirection?
        switch TextField.trimmed(fields["direction"] ?? "") {
        case "": direction = nil
        case let raw:
            direction = ScanDirection(rawValue: raw)
            if direction == nil { problems.append("entry_direction_invalid") }
        }
        let note = TextField.validate(fields["note"] ?? "", maxLength: maxTextLength)
        if !note.isValid { problems.append("entry_note_invalid") }
        let reason = Self.reason(fields)
        if case .failure(let refusal) = reason { problems.append(refusal.key) }
        if !ScanRules.isActive(isDisabled: employee.isDisabled, employmentDate: employee.employmentDate, disableDate: employee.disableDate, on: date)
        {
            problems.append("entry_employee_inactive")
        }
        var instant: Int?
        if let seconds {
            instant = calculator.instant(on: date, secondOfDay: seconds)
            if let instant {
                if instant - now > ScanRules.futureToleranceSeconds { problems.append("entry_future") }
            } else {
                problems.append("entry_time_gap")
            }
        }
        guard problems.isEmpty, let instant, case .success(let reasonText) = reason else { return .failure(Refusal(keys: problems)) }
        return .success(DayEntryForm(instant: instant, direction: direction, reason: reasonText, note: note.text.flatMap { $0.isEmpty ? nil : $0 }))
    }

    /// The required `reason` of adding or deleting an entry.
    static func reason(_ fields: FormFields) -> Result<String, RequiredLine.Refusal> {
        RequiredLine.read(fields["reason"], maxLength: maxTextLength, missing: "reason_required", invalid: "reason_invalid")
    }
}
