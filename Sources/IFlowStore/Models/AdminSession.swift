import FluentKit
import Foundation

/// A signed-in browser. The cookie carries the session token; only its SHA-256 is stored, so a copy of the database
/// opens no sessions.
public final class AdminSession: Model, @unchecked Sendable {
    public static let schema = "admin_sessions"

    @ID(custom: "id") public var id: Int?
    @Field(key: "administrator_id") public var administratorID: Int
    @Field(key: "token_hash") public var tokenHash: String
    /// Every form of the session carries this token; a POST without it is refused.
    @Field(key: "csrf_token") public var csrfToken: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    init(administratorID: Int, tokenHash: String, csrfToken: String, expiresAt: Date) {
        self.administratorID = administratorID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
