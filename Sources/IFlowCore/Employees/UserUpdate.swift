/// A validated `/api_v2/user/update` request: who to find, and which fields to change.
///
/// Only fields present in the request are in ``changes``; an empty value clears an optional field.
public struct UserUpdate: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case cnp
        case idCard = "id_card"

        public var field: UserField { self == .cnp ? .cnp : .idCard }
    }

    public var updateBy: Key
    /// The normalized identifier (trimmed; an id card upper-cased).
    public var updateByValue: String
    /// `nil` when not sent.
    public var fullName: String?
    /// `nil` when not sent; `.some(nil)` when sent empty, which takes the user out of any team.
    public var teamName: String??
    /// `nil` when not sent.
    public var isEnabled: Bool?
    /// The nullable text fields that were sent, normalized; a `nil` value clears the field.
    public var changes: [UserField: String?]

    /// Validates the fields of a request, listing every failed check.
    public static func parse(_ fields: [String: String]) -> Result<UserUpdate, ValidationFailure> {
        parse(RequestFields(fields))
    }

    /// Validates the fields of a request, listing every failed check.
    public static func parse(_ fields: RequestFields) -> Result<UserUpdate, ValidationFailure> {
        var fields = fields
        let key = fields.inList("update_by", Key.allCases.map(\.rawValue), .sent) { Key(rawValue: $0) }
        var keyValue: String?
        if let key {
            keyValue = fields.userField(key.field, from: "update_by_value", .notEmpty)
        } else {
            _ = fields.text("update_by_value", .notEmpty)
        }
        // Sent empty, a name is refused and a flag is not `0` or `1`; a team or a text field is cleared.
        let fullName = fields.userField(.fullName, RequestFields.Presence(absent: .allowed, blank: .notEmpty))
        let teamName: String?? = fields.has("team_name") ? .some(fields.teamName()) : nil
        let isEnabled = fields.flag("is_enabled", RequestFields.Presence(absent: .allowed, blank: .checked))

        var changes: [UserField: String?] = [:]
        for field in UserField.textFields where fields.has(field.rawValue) {
            changes[field] = .some(fields.userField(field))
        }
        if let employment = changes[.employmentDate] ?? nil, let disable = changes[.disableDate] ?? nil, disable < employment {
            fields.report(ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }

        guard let key, let keyValue else { return fields.result(nil) }
        return fields.result(
            UserUpdate(updateBy: key, updateByValue: keyValue, fullName: fullName, teamName: teamName, isEnabled: isEnabled, changes: changes)
        )
    }
}
