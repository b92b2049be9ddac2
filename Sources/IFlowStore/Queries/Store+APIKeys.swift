import Crypto
import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Key format: `ifk_` and 43 base64url characters of 32 random bytes (256 bits).
    static let keyPrefix = "ifk_"
    /// How many leading characters of a key are kept to tell keys apart.
    static let shownPrefixLength = 12

    /// Generates a key for `companyID`; the secret is returned once and only its SHA-256 is stored.
    public func createAPIKey(companyID: Int, label: String, actor: AuditActor) async throws -> IssuedAPIKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret =
            Self.keyPrefix
            + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let prefix = String(secret.prefix(Self.shownPrefixLength))
        let hash = Self.hash(secret)
        let id = try await write { context in
            let row = try await context.sql.raw(
                """
                INSERT INTO api_keys (company_id, label, prefix, key_hash, created_at) \
                VALUES (\(bind: companyID), \(bind: label), \(bind: prefix), \(bind: hash), \(bind: Date())) RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "api_keys") }
            context.audit(
                "api_key.created", entity: "api_key", entityID: id, fields: ["label"], detail: prefix + "…", companyID: companyID, actor: actor
            )
            return id
        }
        return IssuedAPIKey(id: id, secret: secret)
    }

    public func apiKeys(companyID: Int?) async throws -> [APIKey] {
        var query = APIKey.query(on: try database()).sort(\.$id)
        if let companyID { query = query.filter(\.$companyID == companyID) }
        return try await query.all()
    }

    /// Revokes a key; `false` when there is no such key (or it was already revoked).
    @discardableResult
    public func revokeAPIKey(id: Int, companyID: Int? = nil, actor: AuditActor) async throws -> Bool {
        try await write { context in
            var query: SQLQueryString = "UPDATE api_keys SET revoked_at = \(bind: Date()) WHERE id = \(bind: id) AND revoked_at IS NULL"
            if let companyID { query += " AND company_id = \(bind: companyID)" }
            query += " RETURNING prefix, company_id"
            guard let key = try await context.sql.raw(query).first() else { return false }
            let prefix = try key.decode(column: "prefix", as: String.self)
            context.audit(
                "api_key.revoked", entity: "api_key", entityID: id, fields: ["revoked_at"], detail: prefix + "…",
                companyID: try key.decode(column: "company_id", as: Int.self), actor: actor
            )
            return true
        }
    }

    /// Finds the live key for a secret. The database is searched by the secret's SHA-256, so timing reveals nothing
    /// about the secret itself; the stored hash is then compared in constant time.
    public func authenticate(secret: String) async throws -> AuthenticatedKey? {
        guard secret.hasPrefix(Self.keyPrefix), secret.utf8.count < 200 else { return nil }
        let hash = Self.hash(secret)
        // Hand-written SQL read by column, not through `Decodable`: this runs on every request, and SQLKit's builder
        // and row decoder cost more than the query. Prepared on PostgreSQL, which would otherwise plan it each time.
        let row = try await readSQL().frequentRows(
            """
            SELECT api_keys.id, api_keys.key_hash, api_keys.label, api_keys.prefix, api_keys.company_id, companies.name, \
            companies.timezone, companies.time_between_check_ins, companies.check_in_reset_limit, companies.attendance_grace_minutes \
            FROM api_keys JOIN companies ON companies.id = api_keys.company_id \
            WHERE api_keys.key_hash = \(bind: hash) AND api_keys.revoked_at IS NULL
            """
        ).first
        guard let row, constantTimeEquals(try row.decode(column: "key_hash", as: String.self), hash),
            let zone = TimeZone(identifier: try row.decode(column: "timezone", as: String.self))
        else { return nil }
        let id = try row.decode(column: "id", as: Int.self)
        let label = try row.decode(column: "label", as: String.self)
        let prefix = try row.decode(column: "prefix", as: String.self)
        return AuthenticatedKey(
            keyID: id,
            company: CompanyContext(
                id: try row.decode(column: "company_id", as: Int.self), name: try row.decode(column: "name", as: String.self), timeZone: zone,
                attendance: AttendanceSettings(
                    timeBetweenCheckIns: try row.decode(column: "time_between_check_ins", as: Int.self),
                    checkInResetLimit: try row.decode(column: "check_in_reset_limit", as: Int.self),
                    graceMinutes: try row.decode(column: "attendance_grace_minutes", as: Int.self)
                )
            ),
            actor: AuditActor(kind: .apiKey, id: id, label: label.isEmpty ? prefix + "…" : "\(label) (\(prefix)…)")
        )
    }

    /// Records when keys were last used, in one statement per key and one write for all, off the request path.
    public func recordKeyUse(_ uses: [Int: Date]) async throws {
        guard !uses.isEmpty else { return }
        try await write { context in
            for (id, date) in uses {
                try await context.sql.raw("UPDATE api_keys SET last_used_at = \(bind: date) WHERE id = \(bind: id)").run()
            }
        }
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).lowerHex
    }
}
