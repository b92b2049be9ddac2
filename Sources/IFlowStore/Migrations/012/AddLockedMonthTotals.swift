import FluentKit
import SQLKit

/// `locked_month_employees.totals_sealed`: each locked month's totals apart from its figures, sealed as they are.
///
/// A report without days reads only an employee's month totals, yet `figures_sealed` holds the whole month (plans,
/// presence, days: about 6 KB), which had to be read and opened in full for 18 numbers. The totals are the same stored
/// form with the totals alone (IFlowAPI's `StoredFigures`), about a hundred bytes. Rows locked before this migration
/// have none, and their reports read the whole figures as before. The trigger of `CreateLockedMonth` refuses a value
/// of the new column sealed under a data key the database does not use, as it does for the others.
///
/// A server older than this migration that stores a row again (completing a lock another server began) rewrites the
/// figures and leaves the totals as they were; a second trigger then clears them, so the row's totals are read from
/// its figures and a report without days never answers other numbers than one with days.
///
/// Both steps run in one transaction: a step that fails leaves the schema as it was, and the migration can run again.
struct AddLockedMonthTotals: AsyncMigration {
    static let migrationName = "012_AddLockedMonthTotals"
    var name: String { Self.migrationName }

    /// The sealed columns of `locked_month_employees` from this migration on.
    static let sealedColumns = CreateLockedMonth.sealedColumns + ["totals_sealed"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { database in
            try await database.schema("locked_month_employees").field("totals_sealed", .string).update()
            let sql = try database.sqlDatabase()
            try await CreateLockedMonth.createSealTriggers(columns: Self.sealedColumns, replacing: true, on: sql)
            try await Self.createStaleTotalsTrigger(on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { database in
            let sql = try database.sqlDatabase()
            if sql.dialect.name == "postgresql" {
                try await sql.raw("DROP TRIGGER locked_figures_clear_stale_totals ON locked_month_employees").run()
                try await sql.raw("DROP FUNCTION iflow_locked_figures_clear_stale_totals()").run()
            } else {
                try await sql.raw("DROP TRIGGER locked_figures_clear_stale_totals").run()
            }
            // SQLite drops no column a trigger still names: the key trigger goes back to 009's columns first.
            try await CreateLockedMonth.createSealTriggers(columns: CreateLockedMonth.sealedColumns, replacing: true, on: sql)
            try await database.schema("locked_month_employees").deleteField("totals_sealed").update()
        }
    }

    /// Clears a row's totals when an update rewrites its figures and leaves the totals as they were. Sealing is
    /// randomized, so every write of this server changes both; only a server older than this migration changes the
    /// figures alone. On PostgreSQL it runs before the data-key trigger (triggers fire in name order), so stale totals
    /// under a key a rotation has since retired do not refuse the write.
    private static func createStaleTotalsTrigger(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION iflow_locked_figures_clear_stale_totals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.figures_sealed IS DISTINCT FROM OLD.figures_sealed AND NEW.totals_sealed IS NOT DISTINCT FROM OLD.totals_sealed THEN
                        NEW.totals_sealed := NULL;
                    END IF;
                    RETURN NEW;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER locked_figures_clear_stale_totals BEFORE UPDATE ON locked_month_employees
                FOR EACH ROW EXECUTE FUNCTION iflow_locked_figures_clear_stale_totals()
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER locked_figures_clear_stale_totals AFTER UPDATE OF figures_sealed ON locked_month_employees \
                WHEN NEW.figures_sealed IS NOT OLD.figures_sealed AND NEW.totals_sealed IS OLD.totals_sealed AND NEW.totals_sealed IS NOT NULL \
                BEGIN UPDATE locked_month_employees SET totals_sealed = NULL WHERE id = NEW.id; END
                """
            ).run()
        }
    }
}
