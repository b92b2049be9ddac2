import FluentKit
import Foundation
import IFlowCore

/// An employee, as `/api_v2/user/update` syncs it. Columns are named exactly as the API's fields.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(custom: "id") public var id: Int?
    @Field(key: "company_id") public var companyID: Int
    @OptionalField(key: "team_id") public var teamID: Int?
    @Field(key: "full_name") public var fullName: String
    @Field(key: "is_enabled") public var isEnabled: Bool
    @OptionalField(key: "cnp") public var cnp: String?
    @OptionalField(key: "id_card") public var idCard: String?
    @OptionalField(key: "disable_date") public var disableDate: String?
    @OptionalField(key: "rfid_tag") public var rfidTag: String?
    @OptionalField(key: "id_card_issued_by") public var idCardIssuedBy: String?
    @OptionalField(key: "id_card_issue_date") public var idCardIssueDate: String?
    @OptionalField(key: "bank_account") public var bankAccount: String?
    @OptionalField(key: "birth_date") public var birthDate: String?
    @OptionalField(key: "employment_date") public var employmentDate: String?
    @OptionalField(key: "job_title") public var jobTitle: String?
    @OptionalField(key: "mark_number") public var markNumber: String?
    @OptionalField(key: "contract_number") public var contractNumber: String?
    @OptionalField(key: "section") public var section: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "county") public var county: String?
    @OptionalField(key: "phone_one") public var phoneOne: String?
    @OptionalField(key: "phone_two") public var phoneTwo: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    /// The nullable text fields of the API, by field.
    public static let textKeyPaths: [UserField: ReferenceWritableKeyPath<User, String?>] = [
        .cnp: \.cnp, .idCard: \.idCard, .disableDate: \.disableDate, .rfidTag: \.rfidTag,
        .idCardIssuedBy: \.idCardIssuedBy, .idCardIssueDate: \.idCardIssueDate, .bankAccount: \.bankAccount,
        .birthDate: \.birthDate, .employmentDate: \.employmentDate, .jobTitle: \.jobTitle, .markNumber: \.markNumber,
        .contractNumber: \.contractNumber, .section: \.section, .address: \.address, .city: \.city, .county: \.county,
        .phoneOne: \.phoneOne, .phoneTwo: \.phoneTwo,
    ]

    public subscript(field: UserField) -> String? {
        get { Self.textKeyPaths[field].flatMap { self[keyPath: $0] } }
        set { if let path = Self.textKeyPaths[field] { self[keyPath: path] = newValue } }
    }
}
