import FluentKit
import SQLKit

/// Real attendance: the companies' pairing limits and grace, the badge terminals (`devices`), the raw scans as they
/// were recorded (`scans`, never updated or deleted) and the record of a scan's deletion (`scan_deletions`), which
/// leaves the scan in place for pairing to read as deleted.
struct AddAttendance: AsyncMigration {
    var name: String { "007_AddAttendance" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters one thing at a time.
        for (column, value) in Self.companyColumns {
            try await database.schema("companies").field(.string(column), .int, .required, .sql(.default(value))).update()
        }
        try await database.schema("devices")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required)
            .field("label", .string, .required)
            .field("prefix", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime)
            .field("revoked_at", .datetime)
            .foreignKey("company_id", references: "companies", "id", onDelete: .cascade, name: "fk_devices_company")
            .unique(on: "token_hash", name: "uq_devices_token_hash")
            .create()
        try await database.schema("scans")
            .field("id", .int64, .identifier(auto: true))
            .field("company_id", .int, .required)
            .field("user_id", .int, .required)
            .field("instant", .int64, .required)
            .field("source", .string, .required)
            .field("arrival", .string, .required)
            .field("device_id", .int)
            .field("api_key_id", .int)
            .field("administrator_id", .int)
            .field("actor_label", .string, .required)
            .field("rfid_tag", .string)
            .field("direction", .string)
            .field("note", .string)
            .field("recorded_at", .datetime, .required)
            .foreignKey("company_id", references: "companies", "id", onDelete: .cascade, name: "fk_scans_company")
            .foreignKey("user_id", references: "users", "id", onDelete: .cascade, name: "fk_scans_user")
            .foreignKey("device_id", references: "devices", "id", onDelete: .setNull, name: "fk_scans_device")
            .create()
        let sql = try database.sqlDatabase()
        try await sql.create(index: "ix_scans_user_instant").on("scans").column("user_id").column("instant").run()
        try await sql.create(index: "ix_scans_company_instant").on("scans").column("company_id").column("instant").run()
        try await database.schema("scan_deletions")
            .field("scan_id", .int64, .identifier(auto: false))
            .field("company_id", .int, .required)
            .field("reason", .string, .required)
            .field("actor_kind", .string, .required)
            .field("actor_id", .int)
            .field("actor_label", .string, .required)
            .field("deleted_at", .datetime, .required)
            .foreignKey("scan_id", references: "scans", "id", onDelete: .cascade, name: "fk_scan_deletions_scan")
            .foreignKey("company_id", references: "companies", "id", onDelete: .cascade, name: "fk_scan_deletions_company")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("scan_deletions").delete()
        let sql = try database.sqlDatabase()
        try await sql.drop(index: "ix_scans_company_instant").run()
        try await sql.drop(index: "ix_scans_user_instant").run()
        try await database.schema("scans").delete()
        try await database.schema("devices").delete()
        for (column, _) in Self.companyColumns.reversed() {
            try await database.schema("companies").deleteField(.string(column)).update()
        }
    }

    /// The companies' attendance settings and their defaults: iFlow's limits (60 s, 13 h) and a 5-minute grace.
    static let companyColumns = [("time_between_check_ins", 60), ("check_in_reset_limit", 46_800), ("attendance_grace_minutes", 5)]
}
