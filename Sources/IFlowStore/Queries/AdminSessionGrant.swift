import Foundation

/// A session that was just opened: the only moment its token exists outside the browser.
public struct AdminSessionGrant: Sendable {
    public var token: String
    public var csrfToken: String
    public var expiresAt: Date
}
