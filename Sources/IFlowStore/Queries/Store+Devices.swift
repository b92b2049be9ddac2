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
        try await authenticateDevice(token: token, badge: nil)?.device
    }

    /// The live terminal a token belongs to, as ``authenticateDevice(token:)``, and the employee of its company whose
    /// badge is `rfidTag`, in one statement: a live scan needs both, and each statement is a round trip.
    ///
    /// - Returns: `nil` when the token names no live terminal; otherwise the terminal, and the badge's holder when
    ///   `rfidTag` was given and belongs to one of the terminal's company's employees.
    public func authenticateDevice(token: String, badge rfidTag: String?) async throws -> (device: AuthenticatedDevice, holder: ScanEmployee?)? {
        guard token.utf8.count == Self.deviceTokenLength, token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let hash = Self.hash(token)
        var query: SQLQueryString = """
            SELECT devices.id, devices.token_hash, devices.label, devices.prefix, devices.company_id, companies.name, companies.timezone, \
            companies.time_between_check_ins, companies.check_in_reset_limit, companies.attendance_grace_minutes
            """
        if let rfidTag {
            query += """
                , \(unsafeRaw: Self.scanEmployeeColumns) FROM devices JOIN companies ON companies.id = devices.company_id \
                LEFT JOIN users ON users.company_id = devices.company_id AND users.rfid_tag = \(bind: rfidTag) \
                LEFT JOIN teams ON teams.id = users.team_id
                """
        } else {
            query += " FROM devices JOIN companies ON companies.id = devices.company_id"
        }
        query += " WHERE devices.token_hash = \(bind: hash) AND devices.revoked_at IS NULL"
        // Hand-written SQL read by column and prepared on PostgreSQL, as `authenticate(secret:)`: every scan runs it.
        guard
            let row = try await readSQL().frequentRows(query).first,
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
        let device = AuthenticatedDevice(
            deviceID: id, label: label,
            company: CompanyContext(
                id: try row.decode(column: "company_id", as: Int.self), name: try row.decode(column: "name", as: String.self), timeZone: zone,
                attendance: attendance),
            actor: AuditActor(kind: .device, id: id, label: label.isEmpty ? prefix + "…" : "\(label) (\(prefix)…)")
        )
        return (device, rfidTag == nil ? nil : try Self.scanEmployee(from: row))
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
