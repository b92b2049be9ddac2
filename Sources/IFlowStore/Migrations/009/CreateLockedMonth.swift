import FluentKit
import SQLKit

/// Locked months: `locked_months`, one row per company and month closed with `month/lock` (its calendar as it was,
/// and whether its figures are stored yet), and `locked_month_employees`, every listed employee's computed month per
/// attendance type, sealed, with the identity the report filters on as it was at lock time.
///
/// Sealed values there follow the rule `CreateDataKeyRecord` set for employees: a trigger refuses one sealed under a
/// data key the database does not use, so a server left running with old keys cannot store figures a rotation misses.
struct CreateLockedMonth: AsyncMigration {
    static let migrationName = "009_CreateLockedMonth"
    var name: String { Self.migrationName }

    /// The sealed columns of `locked_month_employees` this migration created (`AddLockedMonthTotals` adds one).
    static let sealedColumns = ["figures_sealed", "cnp_sealed", "id_card_sealed"]

    func prepare(on database: any Database) async throws {
        try await database.schema("locked_months")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required)
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("status", .string, .required)
            .field("starts_at", .int64, .required)
            .field("ends_at", .int64, .required)
            .field("time_zone", .string, .required)
            .field("calendar", .string, .required)
            .field("computed_at", .int64, .required)
            .field("locked_at", .datetime, .required)
            .field("locked_by", .string, .required)
            .foreignKey("company_id", references: "companies", "id", onDelete: .cascade, name: "fk_locked_months_company")
            .unique(on: "company_id", "year", "month", name: "uq_locked_months_company_month")
            .create()
        try await database.schema("locked_month_employees")
            .field("id", .int, .identifier(auto: true))
            .field("locked_month_id", .int, .required)
            .field("attendance_type", .string, .required)
            .field("user_id", .int, .required)
            .field("full_name", .string, .required)
            .field("cnp_sealed", .string)
            .field("cnp_lookup", .string)
            .field("id_card_sealed", .string)
            .field("id_card_lookup", .string)
            .field("mark_number", .string)
            .field("team_name", .string)
            .field("is_enabled", .bool, .required)
            .field("figures_sealed", .string, .required)
            .foreignKey("locked_month_id", references: "locked_months", "id", onDelete: .cascade, name: "fk_locked_month_employees_month")
            .unique(on: "locked_month_id", "attendance_type", "user_id", name: "uq_locked_month_employees_user")
            .create()
        try await Self.createSealTriggers(columns: Self.sealedColumns, on: database.sqlDatabase())
    }

    /// The trigger refusing a value of `columns` sealed under a data key the database does not use; `replacing` the
    /// one created before, for a migration that seals another column. Migrations 009 and 012 create their triggers
    /// with it, so it is part of both: what it writes must not change (a new rule is a new migration).
    static func createSealTriggers(columns: [String], replacing: Bool = false, on sql: any SQLDatabase) async throws {
        func foreign(_ column: String) -> String {
            "(NEW.\(column) IS NOT NULL AND substr(NEW.\(column), 1, 9) <> coalesce(k.next_data_key_id, k.data_key_id) || '.')"
        }
        let anyForeign = "EXISTS (SELECT 1 FROM data_keys k WHERE k.id = 1 AND (\(columns.map(foreign).joined(separator: " OR "))))"
        let message = "iflow: locked figures sealed with a data key this database does not use"
        if sql.dialect.name == "postgresql" {
            // The trigger calls the function by name, so replacing the function is enough.
            try await sql.raw(
                """
                CREATE \(unsafeRaw: replacing ? "OR REPLACE " : "")FUNCTION iflow_locked_figures_sealed_with_current_key() RETURNS trigger \
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF \(unsafeRaw: anyForeign) THEN RAISE EXCEPTION '\(unsafeRaw: message)'; END IF;
                    RETURN NEW;
                END $$
                """
            ).run()
            guard !replacing else { return }
            try await sql.raw(
                """
                CREATE TRIGGER locked_figures_sealed_with_current_key BEFORE INSERT OR UPDATE ON locked_month_employees
                FOR EACH ROW EXECUTE FUNCTION iflow_locked_figures_sealed_with_current_key()
                """
            ).run()
        } else {
            for event in ["INSERT", "UPDATE"] {
                let name = "locked_figures_sealed_with_current_key_\(event.lowercased())"
                if replacing { try await sql.raw("DROP TRIGGER \(unsafeRaw: name)").run() }
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: name) BEFORE \(unsafeRaw: event) ON locked_month_employees WHEN \(unsafeRaw: anyForeign) \
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER locked_figures_sealed_with_current_key ON locked_month_employees").run()
            try await sql.raw("DROP FUNCTION iflow_locked_figures_sealed_with_current_key()").run()
        } else {
            try await sql.raw("DROP TRIGGER locked_figures_sealed_with_current_key_insert").run()
            try await sql.raw("DROP TRIGGER locked_figures_sealed_with_current_key_update").run()
        }
        try await database.schema("locked_month_employees").delete()
        try await database.schema("locked_months").delete()
    }
}
