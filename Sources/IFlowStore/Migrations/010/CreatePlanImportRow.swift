import FluentKit
import SQLKit

/// `plan_import_rows`: the rows of a `schedule/import` being read, staged under the import's id so that a file of
/// any length is checked and written in bounded batches (`Store+PlanImport`), then moved to `day_plans` in one
/// transaction. Rows live only while their import runs; those of an import a crash interrupted are removed by the
/// next import a day later (an import's id starts with its time: `Store.beginPlanImport`).
struct CreatePlanImportRow: AsyncMigration {
    static let migrationName = "010_CreatePlanImportRow"
    var name: String { Self.migrationName }

    func prepare(on database: any Database) async throws {
        try await database.schema("plan_import_rows")
            .field("import_id", .string, .required)
            .field("line", .int, .required)
            .field("company_id", .int, .required)
            .field("user_id", .int, .required)
            .field("date", .string, .required)
            .field("type", .string, .required)
            .field("shifts", .string, .required)
            .field("break_minutes", .int, .required)
            .field("overtime", .string, .required)
            .field("time_off", .string, .required)
            // The key is the order rows are read in (duplicates, batches of employees): a line is unique in its
            // import already, and the employee and date before it spare a second index.
            .compositeIdentifier(over: "import_id", "user_id", "date", "line")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_import_rows").delete()
    }
}
