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

/// Normalizes and checks one employee field value.
public enum UserFieldValue {
    public static func maxLength(of field: UserField) -> Int {
        switch field {
        case .fullName: FieldLimits.fullName
        case .isEnabled: 1
        case .disableDate, .idCardIssueDate, .birthDate, .employmentDate: 10
        case .rfidTag: FieldLimits.rfidTag
        case .cnp: FieldLimits.cnp
        case .idCard: FieldLimits.idCard
        case .idCardIssuedBy: FieldLimits.idCardIssuedBy
        case .bankAccount: FieldLimits.bankAccount
        case .jobTitle: FieldLimits.jobTitle
        case .markNumber: FieldLimits.markNumber
        case .contractNumber: FieldLimits.contractNumber
        case .section: FieldLimits.section
        case .address: FieldLimits.address
        case .city: FieldLimits.city
        case .county: FieldLimits.county
        case .phoneOne: FieldLimits.phoneOne
        case .phoneTwo: FieldLimits.phoneTwo
        }
    }

    /// The stored form of a non-empty value, or the issue it fails, reported on `field`.
    public static func normalize(_ raw: String, as field: UserField) -> Result<String, ValidationIssue> {
        let text = TextField.trimmed(raw)
        switch field.kind {
        case .date:
            guard let date = LocalDate(iso: text) else { return .failure(.init(field: field.rawValue, check: .validDate)) }
            return .success(date.description)
        case .cnp:
            guard CNP.validate(text).isValid else { return .failure(.init(field: field.rawValue, check: .validCNP)) }
            return .success(text)
        case .iban:
            guard let iban = IBAN.validate(text).normalized else { return .failure(.init(field: field.rawValue, check: .validIBAN)) }
            return .success(iban)
        case .identifier, .name, .text, .flag:
            let value = field == .idCard ? IdCard.normalize(text) : text
            return checkedText(value, field: field.rawValue, maxLength: maxLength(of: field))
        }
    }

    public static func normalizeTeamName(_ raw: String) -> Result<String, ValidationIssue> {
        checkedText(TextField.trimmed(raw), field: "team_name", maxLength: FieldLimits.teamName)
    }

    private static func checkedText(_ value: String, field: String, maxLength: Int) -> Result<String, ValidationIssue> {
        switch TextField.validate(value, maxLength: maxLength) {
        case .valid(let text): .success(text)
        case .invalid(.tooLong): .failure(.init(field: field, check: .maxLength, parameters: ["max": String(maxLength)]))
        case .invalid(.controlCharacters): .failure(.init(field: field, check: .singleLine))
        }
    }
}

extension ValidationIssue {
    /// The same failed check, reported on the field that carried the value.
    public func on(_ field: String) -> ValidationIssue {
        var copy = self
        copy.field = field
        return copy
    }
}
