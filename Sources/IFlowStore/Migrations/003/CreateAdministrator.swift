import FluentKit

struct CreateAdministrator: AsyncMigration {
    var name: String { "003_CreateAdministrator" }

    func prepare(on database: any Database) async throws {
        try await database.schema("administrators")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "email", name: "uq_administrators_email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("administrators").delete()
    }
}
