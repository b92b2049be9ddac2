import FluentKit

/// `users.row_version`: incremented by every change of an employee, so `user/update` can work a request out on a read
/// connection and write it only if the employee is still as it read it (see `Store.applyUserUpdate`).
struct AddUserRowVersion: AsyncMigration {
    var name: String { "004_AddUserRowVersion" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("row_version", .int64, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("row_version").update()
    }
}
