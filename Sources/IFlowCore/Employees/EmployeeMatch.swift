/// How many employees of a company an identifier matched, as the store found them.
public enum EmployeeMatch: Sendable, Equatable {
    case found(Int)
    case notFound
    case ambiguous

    /// The employee `selector` names, or the issue on `user_by_value` that says why it names none or several.
    public func employee(selectedBy selector: UserSelector) -> Result<Int, ValidationIssue> {
        switch self {
        case .found(let id):
            return .success(id)
        case .ambiguous:
            return .failure(ValidationIssue(field: "user_by_value", check: .unique, parameters: ["entity": "employee"]))
        case .notFound:
            let kind =
                switch selector {
                case .cnp: "cnp"
                case .idCard: "id_card"
                case .markNumber: "mark_number"
                case .userID: "user_id"
                }
            return .failure(ValidationIssue(field: "user_by_value", check: .exists, parameters: ["detail": kind]))
        }
    }
}
