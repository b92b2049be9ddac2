import FluentKit
import SQLKit

struct CreateDayPlan: AsyncMigration {
    var name: String { "001_CreateDayPlan" }

    func prepare(on database: any Database) async throws {
        try await database.schema("day_plans")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("type", .string, .required)
            .field("shifts", .string, .required)
            .field("break_minutes", .int, .required)
            .field("overtime", .string, .required)
            .field("time_off", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "date", name: "uq_day_plans_user_date")
            .create()
        try await database.sqlDatabase().create(index: "ix_day_plans_company_date")
            .on("day_plans").column("company_id").column("date")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase().drop(index: "ix_day_plans_company_date").run()
        try await database.schema("day_plans").delete()
    }
}
