import FluentKit
import SQLKit

/// On PostgreSQL, `plan_import_rows` becomes an unlogged table: its rows are written to the table alone, not to the
/// write-ahead log as well, and not replicated.
///
/// What is staged there lives only while its import runs and is read only by that import (`Store+PlanImport`), which
/// commits nothing payroll can see until its rows are copied into `day_plans`, a logged table, in one transaction.
/// PostgreSQL empties an unlogged table after a crash: the imports it interrupts had answered nothing, and their
/// clients send them again. SQLite has no write-ahead log of another table's rows to spare; the migration does
/// nothing there.
struct UnlogPlanImportRows: AsyncMigration {
    static let migrationName = "011_UnlogPlanImportRows"
    var name: String { Self.migrationName }

    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE plan_import_rows SET UNLOGGED").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE plan_import_rows SET LOGGED").run()
    }
}
