/// The employee fields of `/api_v2/user/update`, in the order the API document lists them in its reply.
public enum UserField: String, Sendable, CaseIterable, Hashable {
    case fullName = "full_name"
    case isEnabled = "is_enabled"
    case disableDate = "disable_date"
    case rfidTag = "rfid_tag"
    case cnp
    case idCard = "id_card"
    case idCardIssuedBy = "id_card_issued_by"
    case idCardIssueDate = "id_card_issue_date"
    case bankAccount = "bank_account"
    case birthDate = "birth_date"
    case employmentDate = "employment_date"
    case jobTitle = "job_title"
    case markNumber = "mark_number"
    case contractNumber = "contract_number"
    case section
    case address
    case city
    case county
    case phoneOne = "phone_one"
    case phoneTwo = "phone_two"

    /// What a value of the field must be.
    public enum Kind: Sendable {
        case name
        case flag
        case date
        case cnp
        case iban
        case identifier
        case text
    }

    public var kind: Kind {
        switch self {
        case .fullName: .name
        case .isEnabled: .flag
        case .disableDate, .idCardIssueDate, .birthDate, .employmentDate: .date
        case .cnp: .cnp
        case .bankAccount: .iban
        case .idCard, .rfidTag, .markNumber: .identifier
        default: .text
        }
    }

    /// The nullable text fields (everything but `full_name` and `is_enabled`).
    public static let textFields: [UserField] = allCases.filter { $0 != .fullName && $0 != .isEnabled }
}
