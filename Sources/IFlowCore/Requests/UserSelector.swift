/// How a request names the employee a schedule belongs to: `user_by` and `user_by_value`.
public enum UserSelector: Sendable, Hashable {
    case cnp(String)
    case idCard(String)
    case markNumber(String)
    case userID(Int)

    public static let allowed = ["cnp", "id_card", "mark_number", "user_id"]

    /// The selector for a `kind` of ``allowed`` and a trimmed, non-empty `value`, or the check the value fails.
    public static func make(_ kind: String, _ value: String) -> Result<UserSelector, ValidationIssue> {
        // No stored identifier holds one, and PostgreSQL refuses a NUL in a text parameter outright.
        guard !TextField.containsControlCharacters(value) else { return .failure(ValidationIssue(field: "user_by_value", check: .singleLine)) }
        switch kind {
        case "cnp":
            guard CNP.validate(value).isValid else { return .failure(ValidationIssue(field: "user_by_value", check: .validCNP)) }
            return .success(.cnp(value))
        case "id_card":
            return .success(.idCard(IdCard.normalize(value)))
        case "mark_number":
            return .success(.markNumber(value))
        default:
            guard value.utf8.count <= 12, let id = Int(value), id > 0 else {
                return .failure(ValidationIssue(field: "user_by_value", check: .integer))
            }
            return .success(.userID(id))
        }
    }
}
