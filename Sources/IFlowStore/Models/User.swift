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
    /// HMAC of the CNP (``DataProtector/lookup(_:)``), unique within the company.
    @OptionalField(key: "cnp_lookup") var cnpLookup: String?
    /// The CNP, sealed.
    @OptionalField(key: "cnp_sealed") var cnpSealed: String?
    @OptionalField(key: "id_card_lookup") var idCardLookup: String?
    @OptionalField(key: "id_card_sealed") var idCardSealed: String?
    @OptionalField(key: "disable_date") public var disableDate: String?
    @OptionalField(key: "rfid_tag") public var rfidTag: String?
    @OptionalField(key: "id_card_issued_by") public var idCardIssuedBy: String?
    @OptionalField(key: "id_card_issue_date") public var idCardIssueDate: String?
    @OptionalField(key: "bank_account_sealed") var bankAccountSealed: String?
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

    /// The fields stored sealed, with (for those that identify a user) a lookup hash.
    static let sealedKeyPaths: [UserField: (sealed: ReferenceWritableKeyPath<User, String?>, lookup: ReferenceWritableKeyPath<User, String?>?)] = [
        .cnp: (\.cnpSealed, \.cnpLookup), .idCard: (\.idCardSealed, \.idCardLookup), .bankAccount: (\.bankAccountSealed, nil),
    ]

    /// The lookup column of an identifying sealed field (`cnp_lookup`, `id_card_lookup`), else the field's own column.
    static func column(for field: UserField) -> String {
        switch field {
        case .cnp: "cnp_lookup"
        case .idCard: "id_card_lookup"
        default: field.rawValue
        }
    }

    /// The plain nullable text fields of the API, by field.
    static let textKeyPaths: [UserField: ReferenceWritableKeyPath<User, String?>] = [
        .disableDate: \.disableDate, .rfidTag: \.rfidTag,
        .idCardIssuedBy: \.idCardIssuedBy, .idCardIssueDate: \.idCardIssueDate,
        .birthDate: \.birthDate, .employmentDate: \.employmentDate, .jobTitle: \.jobTitle, .markNumber: \.markNumber,
        .contractNumber: \.contractNumber, .section: \.section, .address: \.address, .city: \.city, .county: \.county,
        .phoneOne: \.phoneOne, .phoneTwo: \.phoneTwo,
    ]

    /// Reads a field, opening sealed ones.
    func value(of field: UserField, protector: DataProtector) throws -> String? {
        if let paths = Self.sealedKeyPaths[field] { return try protector.open(self[keyPath: paths.sealed]) }
        return Self.textKeyPaths[field].flatMap { self[keyPath: $0] }
    }

    /// Writes a field, sealing (and hashing for lookup) the personal numbers.
    func set(_ field: UserField, to value: String?, protector: DataProtector) throws {
        if let paths = Self.sealedKeyPaths[field] {
            self[keyPath: paths.sealed] = try protector.seal(value)
            if let lookup = paths.lookup { self[keyPath: lookup] = value.map { protector.lookup($0) } }
        } else if let path = Self.textKeyPaths[field] {
            self[keyPath: path] = value
        }
    }
}
