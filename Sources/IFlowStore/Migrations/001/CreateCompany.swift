import FluentKit

struct CreateCompany: AsyncMigration {
    var name: String { "001_CreateCompany" }

    func prepare(on database: any Database) async throws {
        try await database.schema("companies")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("timezone", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("companies").delete()
    }
}
