import Foundation

/// An API key or a badge terminal's token as lists show it, never the secret itself: the one shape the web's settings
/// pages and `iflow key|device list` read both kinds in.
public struct IssuedSecretRecord: Sendable {
    public let id: Int
    public let companyID: Int
    public let label: String
    /// The secret's first characters, to tell secrets apart.
    public let prefix: String
    public let createdAt: Date?
    /// When the secret last authenticated a request (a key) or a scan (a terminal).
    public let lastUsedAt: Date?
    public let revokedAt: Date?
}

extension DeviceRecord {
    public var issuedSecret: IssuedSecretRecord {
        IssuedSecretRecord(
            id: id, companyID: companyID, label: label, prefix: prefix, createdAt: createdAt, lastUsedAt: lastSeenAt, revokedAt: revokedAt
        )
    }
}

extension APIKey {
    /// `nil` only for a key that was never saved, which the store never lists.
    public var issuedSecret: IssuedSecretRecord? {
        id.map {
            IssuedSecretRecord(
                id: $0, companyID: companyID, label: label, prefix: prefix, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt
            )
        }
    }
}
