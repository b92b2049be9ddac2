import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Digits of a device token: "a big random number" as iFlow's terminals carry it, 78 digits (over 258 bits).
    static let deviceTokenLength = 78
    /// How many leading digits of a token are kept to tell terminals apart.
    static let shownDevicePrefixLength = 8

    /// Registers a badge terminal of `companyID`; the token is returned once and only its SHA-256 is stored.
    public func createDevice(companyID: Int, label: String, actor: AuditActor) async throws -> IssuedDevice {
        var generator = SystemRandomNumberGenerator()
        // A leading digit that is never 0 keeps the token the same number however a terminal parses it.
        let digits = [Int.random(in: 1...9, using: &generator)] + (1..<Self.deviceTokenLength).map { _ in Int.random(in: 0...9, using: &generator) }
        let token = digits.map(String.init).joined()
        let prefix = String(token.prefix(Self.shownDevicePrefixLength))
        let hash = Self.hash(token)
        let id = try await write { context in
            let row = try await context.sql.raw(
                """
                INSERT INTO devices (company_id, label, prefix, token_hash, created_at) \
                VALUES (\(bind: companyID), \(bind: label), \(bind: prefix), \(bind: hash), \(bind: Date())) RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "devices") }
            context.audit(
                "device.created", entity: "device", entityID: id, fields: ["label"], detail: prefix + "…", companyID: companyID, actor: actor)
            return id
        }
        return IssuedDevice(id: id, token: token)
    }

    /// The registered terminals, revoked ones too, by id; only `companyID`'s when given.
    public func devices(companyID: Int?) async throws -> [DeviceRecord] {
        var query: SQLQueryString = "SELECT id, company_id, label, prefix, created_at, last_seen_at, revoked_at FROM devices"
        if let companyID { query += " WHERE company_id = \(bind: companyID)" }
        query += " ORDER BY id"
        return try await readSQL().raw(query).all().map { row in
            DeviceRecord(
                id: try row.decode(column: "id", as: Int.self), companyID: try row.decode(column: "company_id", as: Int.self),
                label: try row.decode(column: "label", as: String.self), prefix: try row.decode(column: "prefix", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), lastSeenAt: try row.decode(column: "last_seen_at", as: Date?.self),
                revokedAt: try row.decode(column: "revoked_at", as: Date?.self)
            )
        }
    }

    /// Revokes a terminal's token, so its next scan is refused; `false` when there is no such live terminal (of
    /// `companyID`, when given).
    @discardableResult
    public func revokeDevice(id: Int, companyID: Int?, actor: AuditActor) async throws -> Bool {
        try await write { context in
            var query: SQLQueryString = "UPDATE devices SET revoked_at = \(bind: Date()) WHERE id = \(bind: id) AND revoked_at IS NULL"
            if let companyID { query += " AND company_id = \(bind: companyID)" }
            query += " RETURNING prefix, company_id"
            guard let device = try await context.sql.raw(query).first() else { return false }
            context.audit(
                "device.revoked", entity: "device", entityID: id, fields: ["revoked_at"],
                detail: try device.decode(column: "prefix", as: String.self) + "…",
                companyID: try device.decode(column: "company_id", as: Int.self), actor: actor
            )
            return true
        }
    }

    /// The live terminal a token belongs to, with its company; `nil` for a malformed, unknown or revoked token. The
    /// database is searched by the token's SHA-256, and the stored hash is then compared in constant time.
    public func authenticateDevice(token: String) async throws -> AuthenticatedDevice? {
        guard Self.isWellFormedDeviceToken(token) else { return nil }
        let hash = Self.hash(token)
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.deviceColumns) FROM devices JOIN companies ON companies.id = devices.company_id \
            WHERE devices.token_hash = \(bind: hash) AND devices.revoked_at IS NULL
            """
        // Hand-written SQL read by column and prepared on PostgreSQL, as `authenticate(secret:)`: every batch runs it.
        guard let row = try await readSQL().frequentRows(query).first else { return nil }
        return try Self.device(from: row, tokenHash: hash)
    }

    /// Whether `token` has a device token's form (``deviceTokenLength`` digits): any other is refused unread.
    static func isWellFormedDeviceToken(_ token: String) -> Bool {
        token.utf8.count == Self.deviceTokenLength && token.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The columns ``device(from:tokenHash:)`` reads, of `devices` and its `companies` row.
    static let deviceColumns = """
        devices.id, devices.token_hash, devices.label, devices.prefix, devices.company_id, companies.name, companies.timezone, \
        companies.time_between_check_ins, companies.check_in_reset_limit, companies.attendance_grace_minutes
        """

    /// The terminal of a row with ``deviceColumns`` found by `tokenHash`; `nil` unless its stored hash equals it
    /// (compared in constant time) and its company's zone is known.
    static func device(from row: any SQLRow, tokenHash hash: String) throws -> AuthenticatedDevice? {
        guard
            constantTimeEquals(try row.decode(column: "token_hash", as: String.self), hash),
            let zone = TimeZone(identifier: try row.decode(column: "timezone", as: String.self))
        else { return nil }
        let attendance = AttendanceSettings(
            timeBetweenCheckIns: try row.decode(column: "time_between_check_ins", as: Int.self),
            checkInResetLimit: try row.decode(column: "check_in_reset_limit", as: Int.self),
            graceMinutes: try row.decode(column: "attendance_grace_minutes", as: Int.self)
        )
        let id = try row.decode(column: "id", as: Int.self)
        let label = try row.decode(column: "label", as: String.self)
        let prefix = try row.decode(column: "prefix", as: String.self)
        return AuthenticatedDevice(
            deviceID: id, label: label,
            company: CompanyContext(
                id: try row.decode(column: "company_id", as: Int.self), name: try row.decode(column: "name", as: String.self), timeZone: zone,
                attendance: attendance),
            actor: AuditActor(kind: .device, id: id, label: label.isEmpty ? prefix + "…" : "\(label) (\(prefix)…)")
        )
    }

    /// Records when terminals were last seen, in one write for all, off the request path.
    public func recordDeviceUse(_ uses: [Int: Date]) async throws {
        guard !uses.isEmpty else { return }
        try await write { context in
            for (id, date) in uses {
                try await context.sql.raw("UPDATE devices SET last_seen_at = \(bind: date) WHERE id = \(bind: id)").run()
            }
        }
    }
}
