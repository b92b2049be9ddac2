import FluentKit

/// The Labour Code checks' settings: the rules a company turned off (`companies.compliance_disabled_rules`, rule
/// codes comma-separated, for a collective agreement that provides otherwise) and shift work (art. 135(2)) for a
/// whole team or one employee.
struct AddComplianceSettings: AsyncMigration {
    var name: String { "008_AddComplianceSettings" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters one thing at a time.
        try await database.schema("companies").field("compliance_disabled_rules", .string, .required, .sql(.default(""))).update()
        try await database.schema("teams").field("shift_work", .bool, .required, .sql(.default(false))).update()
        try await database.schema("users").field("shift_work", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("shift_work").update()
        try await database.schema("teams").deleteField("shift_work").update()
        try await database.schema("companies").deleteField("compliance_disabled_rules").update()
    }
}
