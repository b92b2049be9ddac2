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
        var issues: [ValidationIssue] = []

        var key: Key?
        if let raw = fields["update_by"] {
            key = Key(rawValue: TextField.trimmed(raw))
            if key == nil { issues.append(.init(field: "update_by", check: .inList, parameters: ["allowed": "cnp, id_card"])) }
        } else {
            issues.append(.init(field: "update_by", check: .required))
        }

        var keyValue: String?
        if let raw = fields["update_by_value"] {
            let text = TextField.trimmed(raw)
            if text.isEmpty {
                issues.append(.init(field: "update_by_value", check: .notEmpty))
            } else if let key {
                switch UserFieldValue.normalize(text, as: key.field) {
                case .success(let value): keyValue = value
                case .failure(let issue): issues.append(issue.on("update_by_value"))
                }
            }
        } else {
            issues.append(.init(field: "update_by_value", check: .required))
        }

        var fullName: String?
        if let raw = fields["full_name"] {
            switch UserFieldValue.normalize(raw, as: .fullName) {
            case .success(let value) where value.isEmpty: issues.append(.init(field: "full_name", check: .notEmpty))
            case .success(let value): fullName = value
            case .failure(let issue): issues.append(issue)
            }
        }

        var teamName: String??
        if let raw = fields["team_name"] {
            switch UserFieldValue.normalizeTeamName(raw) {
            case .success(let value): teamName = .some(value.isEmpty ? nil : value)
            case .failure(let issue): issues.append(issue)
            }
        }

        var isEnabled: Bool?
        if let raw = fields["is_enabled"] {
            switch TextField.trimmed(raw) {
            case "1": isEnabled = true
            case "0": isEnabled = false
            default: issues.append(.init(field: "is_enabled", check: .inList, parameters: ["allowed": "0, 1"]))
            }
        }

        var changes: [UserField: String?] = [:]
        for field in UserField.textFields {
            guard let raw = fields[field.rawValue] else { continue }
            let text = TextField.trimmed(raw)
            if text.isEmpty {
                changes[field] = .some(nil)
                continue
            }
            switch UserFieldValue.normalize(text, as: field) {
            case .success(let value): changes[field] = .some(value)
            case .failure(let issue): issues.append(issue)
            }
        }

        if let employment = changes[.employmentDate] ?? nil, let disable = changes[.disableDate] ?? nil, disable < employment {
            issues.append(.init(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }

        guard issues.isEmpty, let key, let keyValue else { return .failure(ValidationFailure(issues)) }
        return .success(
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
