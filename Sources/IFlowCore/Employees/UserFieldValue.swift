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
