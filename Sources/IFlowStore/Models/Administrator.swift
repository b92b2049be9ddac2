import FluentKit
import Foundation

/// A person who signs in to the web administration of one company. Only a bcrypt hash of the password is stored.
public final class Administrator: Model, @unchecked Sendable {
    public static let schema = "administrators"

    @ID(custom: "id") public var id: Int?
    @Field(key: "company_id") public var companyID: Int
    /// Trimmed and lower-cased; unique across companies, because signing in names no company.
    @Field(key: "email") public var email: String
    @Field(key: "password_hash") public var passwordHash: String
    /// `en_US` or `ro_RO`: the language of the pages.
    @Field(key: "language") public var language: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(companyID: Int, email: String, passwordHash: String, language: String) {
        self.companyID = companyID
        self.email = email
        self.passwordHash = passwordHash
        self.language = language
    }
}
