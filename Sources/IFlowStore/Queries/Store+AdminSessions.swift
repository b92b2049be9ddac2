import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Opens a session for the administrator; sessions that have expired (anyone's) are deleted on the way.
    /// - Parameter lifetime: seconds until the session ends, however active it is.
    public func createAdminSession(administratorID: Int, lifetime: TimeInterval) async throws -> AdminSessionGrant {
        let now = Date()
        let token = Self.randomToken(bytes: 32)
        let csrf = Self.randomToken(bytes: 32)
        let expiresAt = now.addingTimeInterval(lifetime)
        let tokenHash = Self.hash(token)
        try await write { context in
            try await context.sql.raw("DELETE FROM admin_sessions WHERE expires_at < \(bind: now)").run()
            try await context.sql.raw(
                """
                INSERT INTO admin_sessions (administrator_id, token_hash, csrf_token, created_at, expires_at) \
                VALUES (\(bind: administratorID), \(bind: tokenHash), \(bind: csrf), \(bind: now), \(bind: expiresAt))
                """
            ).run()
        }
        return AdminSessionGrant(token: token, csrfToken: csrf, expiresAt: expiresAt)
    }

    /// The administrator a session token belongs to, or `nil` when the session is unknown or has expired.
    public func signedInAdministrator(token: String) async throws -> SignedInAdministrator? {
        guard !token.isEmpty, token.utf8.count < 200 else { return nil }
        let db = try database()
        let hash = Self.hash(token)
        guard let session = try await AdminSession.query(on: db).filter(\.$tokenHash == hash).first(),
            constantTimeEquals(session.tokenHash, hash), session.expiresAt > Date(),
            let administrator = try await Administrator.find(session.administratorID, on: db),
            let company = try await Company.find(administrator.companyID, on: db)?.context
        else { return nil }
        return SignedInAdministrator(
            sessionID: try session.requireID(), administratorID: try administrator.requireID(), email: administrator.email,
            language: Language(rawValue: administrator.language) ?? .roRO, company: company, csrfToken: session.csrfToken
        )
    }

    public func deleteAdminSession(token: String) async throws {
        let tokenHash = Self.hash(token)
        try await write { context in try await context.sql.raw("DELETE FROM admin_sessions WHERE token_hash = \(bind: tokenHash)").run() }
    }

    /// `bytes` random bytes from the system's generator, as unpadded base64url.
    public static func randomToken(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
