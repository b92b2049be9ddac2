import Crypto
import FluentKit
import Foundation
import IFlowCore
import SQLKit

/// A key that was just generated: the only moment its secret exists outside the client.
public struct IssuedAPIKey: Sendable {
    public var id: Int
    public var secret: String
}

/// The identity a valid key grants.
public struct AuthenticatedKey: Sendable {
    public var keyID: Int
    public var company: CompanyContext
    /// Who this key is in an audit record: its label and first characters.
    public var actor: AuditActor
}

extension Store {
    /// Key format: `ifk_` and 43 base64url characters of 32 random bytes (256 bits).
    static let keyPrefix = "ifk_"
    /// How many leading characters of a key are kept to tell keys apart.
    static let shownPrefixLength = 12

    /// Generates a key for `companyID`; the secret is returned once and only its SHA-256 is stored.
    public func createAPIKey(companyID: Int, label: String, actor: AuditActor) async throws -> IssuedAPIKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Self.keyPrefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let key = APIKey(companyID: companyID, label: label, prefix: String(secret.prefix(Self.shownPrefixLength)), keyHash: Self.hash(secret))
        try await database().transaction { db in
            try await key.create(on: db)
            try await Self.audit(
                "api_key.created", entity: "api_key", entityID: try key.requireID(), fields: ["label"], detail: key.prefix + "…", companyID: companyID,
                actor: actor, on: db as! any SQLDatabase
            )
        }
        return IssuedAPIKey(id: try key.requireID(), secret: secret)
    }

    public func apiKeys(companyID: Int?) async throws -> [APIKey] {
        var query = APIKey.query(on: try database()).sort(\.$id)
        if let companyID { query = query.filter(\.$companyID == companyID) }
        return try await query.all()
    }

    /// Revokes a key; `false` when there is no such key (or it was already revoked).
    @discardableResult
    public func revokeAPIKey(id: Int, companyID: Int? = nil, actor: AuditActor) async throws -> Bool {
        try await database().transaction { db in
            var query = APIKey.query(on: db).filter(\.$id == id).filter(\.$revokedAt == nil)
            if let companyID { query = query.filter(\.$companyID == companyID) }
            guard let key = try await query.first() else { return false }
            key.revokedAt = Date()
            try await key.save(on: db)
            try await Self.audit(
                "api_key.revoked", entity: "api_key", entityID: id, fields: ["revoked_at"], detail: key.prefix + "…", companyID: key.companyID,
                actor: actor, on: db as! any SQLDatabase
            )
            return true
        }
    }

    /// Finds the live key for a secret. The database is searched by the secret's SHA-256, so timing reveals nothing
    /// about the secret itself; the stored hash is then compared in constant time.
    public func authenticate(secret: String) async throws -> AuthenticatedKey? {
        guard secret.hasPrefix(Self.keyPrefix), secret.utf8.count < 200 else { return nil }
        let hash = Self.hash(secret)
        struct Row: Decodable {
            var id: Int
            var key_hash: String
            var label: String
            var prefix: String
            var company_id: Int
            var name: String
            var timezone: String
        }
        // Hand-written SQL: this runs on every request, and SQLKit's builder costs more than the query.
        let row = try await readSQL().raw("""
            SELECT api_keys.id, api_keys.key_hash, api_keys.label, api_keys.prefix, api_keys.company_id, companies.name, \
            companies.timezone FROM api_keys JOIN companies ON companies.id = api_keys.company_id \
            WHERE api_keys.key_hash = \(bind: hash) AND api_keys.revoked_at IS NULL
            """).first(decoding: Row.self)
        guard let row, constantTimeEquals(row.key_hash, hash), let zone = TimeZone(identifier: row.timezone) else { return nil }
        return AuthenticatedKey(
            keyID: row.id, company: CompanyContext(id: row.company_id, name: row.name, timeZone: zone),
            actor: AuditActor(kind: .apiKey, id: row.id, label: row.label.isEmpty ? row.prefix + "…" : "\(row.label) (\(row.prefix)…)")
        )
    }

    /// Records when keys were last used, in one statement per key, off the request path.
    public func recordKeyUse(_ uses: [Int: Date]) async throws {
        for (id, date) in uses {
            try await APIKey.query(on: database()).set(\.$lastUsedAt, to: date).filter(\.$id == id).update()
        }
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).lowerHex
    }
}
