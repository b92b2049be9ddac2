import FluentKit

struct CreateAPIKey: AsyncMigration {
    var name: String { "001_CreateAPIKey" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_keys")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("label", .string, .required)
            .field("prefix", .string, .required)
            .field("key_hash", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "key_hash", name: "uq_api_keys_key_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_keys").delete()
    }
}
