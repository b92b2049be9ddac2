import FluentKit
import Foundation

/// An API key: only its SHA-256 hash and its first characters are stored, never the key.
public final class APIKey: Model, @unchecked Sendable {
    public static let schema = "api_keys"

    @ID(custom: "id") public var id: Int?
    @Field(key: "company_id") public var companyID: Int
    @Field(key: "label") public var label: String
    /// The key's first characters, so a person can tell keys apart in a list.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "key_hash") public var keyHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    init(companyID: Int, label: String, prefix: String, keyHash: String) {
        self.companyID = companyID
        self.label = label
        self.prefix = prefix
        self.keyHash = keyHash
    }
}
