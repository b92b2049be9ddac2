import FluentKit

struct CreateTeam: AsyncMigration {
    var name: String { "001_CreateTeam" }

    func prepare(on database: any Database) async throws {
        try await database.schema("teams")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "company_id", "name", name: "uq_teams_company_name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("teams").delete()
    }
}
