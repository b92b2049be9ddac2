import Foundation

/// A registered badge terminal as lists show it: never its token, only the token's first digits.
public struct DeviceRecord: Sendable {
    public let id: Int
    public let companyID: Int
    public let label: String
    /// The token's first 8 digits, to tell terminals apart.
    public let prefix: String
    public let createdAt: Date
    public let lastSeenAt: Date?
    public let revokedAt: Date?
}
