import FluentKit
import SQLKit

struct CreateAuditEvent: AsyncMigration {
    var name: String { "002_CreateAuditEvent" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("actor_type", .string, .required)
            .field("actor_id", .int)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .int)
            .field("fields", .string, .required)
            .field("detail", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sqlDatabase().create(index: "ix_audit_events_company_id").on("audit_events").column("company_id").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase().drop(index: "ix_audit_events_company_id").run()
        try await database.schema("audit_events").delete()
    }
}
