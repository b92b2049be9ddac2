import FluentKit

struct CreateAdminSession: AsyncMigration {
    var name: String { "003_CreateAdminSession" }

    func prepare(on database: any Database) async throws {
        try await database.schema("admin_sessions")
            .field("id", .int, .identifier(auto: true))
            .field("administrator_id", .int, .required, .references("administrators", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash", name: "uq_admin_sessions_token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("admin_sessions").delete()
    }
}
