import FluentKit

struct CreateUser: AsyncMigration {
    var name: String { "001_CreateUser" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .int, .identifier(auto: true))
            .field("company_id", .int, .required, .references("companies", "id", onDelete: .cascade))
            .field("team_id", .int, .references("teams", "id", onDelete: .setNull))
            .field("full_name", .string, .required)
            .field("is_enabled", .bool, .required)
            .field("cnp", .string)
            .field("id_card", .string)
            .field("disable_date", .string)
            .field("rfid_tag", .string)
            .field("id_card_issued_by", .string)
            .field("id_card_issue_date", .string)
            .field("bank_account", .string)
            .field("birth_date", .string)
            .field("employment_date", .string)
            .field("job_title", .string)
            .field("mark_number", .string)
            .field("contract_number", .string)
            .field("section", .string)
            .field("address", .string)
            .field("city", .string)
            .field("county", .string)
            .field("phone_one", .string)
            .field("phone_two", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "company_id", "cnp", name: "uq_users_company_cnp")
            .unique(on: "company_id", "id_card", name: "uq_users_company_id_card")
            .unique(on: "company_id", "rfid_tag", name: "uq_users_company_rfid_tag")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
