import FluentKit
import SQLKit

/// `locked_month_employees.totals_sealed`: each locked month's totals apart from its figures, sealed as they are.
///
/// A report without days reads only an employee's month totals, yet `figures_sealed` holds the whole month (plans,
/// presence, days: about 6 KB), which had to be read and opened in full for 18 numbers. The totals are the same stored
/// form with the totals alone (IFlowAPI's `StoredFigures`), about a hundred bytes. Rows locked before this migration
/// have none, and their reports read the whole figures as before. The trigger of `CreateLockedMonth` refuses a value
/// of the new column sealed under a data key the database does not use, as it does for the others.
struct AddLockedMonthTotals: AsyncMigration {
    static let migrationName = "012_AddLockedMonthTotals"
    var name: String { Self.migrationName }

    /// The sealed columns of `locked_month_employees` from this migration on.
    static let sealedColumns = CreateLockedMonth.sealedColumns + ["totals_sealed"]

    func prepare(on database: any Database) async throws {
        try await database.schema("locked_month_employees").field("totals_sealed", .string).update()
        try await CreateLockedMonth.createSealTriggers(columns: Self.sealedColumns, replacing: true, on: database.sqlDatabase())
    }

    func revert(on database: any Database) async throws {
        // SQLite drops no column a trigger still names: the trigger goes back to 009's columns first.
        try await CreateLockedMonth.createSealTriggers(columns: CreateLockedMonth.sealedColumns, replacing: true, on: database.sqlDatabase())
        try await database.schema("locked_month_employees").deleteField("totals_sealed").update()
    }
}
