import FluentKit
import SQLKit

/// `sign_in_attempts`: the web administration's recent sign-in attempts, in the database so that the limit holds
/// across every server on it. A row holds only the SHA-256 of the e-mail and client address it counts against.
struct CreateSignInAttempt: AsyncMigration {
    var name: String { "006_CreateSignInAttempt" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_attempts")
            .field("id", .int, .identifier(auto: true))
            .field("key_hash", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = try database.sqlDatabase()
        try await sql.create(index: "ix_sign_in_attempts_key_hash").on("sign_in_attempts").column("key_hash").column("attempted_at").run()
        try await sql.create(index: "ix_sign_in_attempts_attempted_at").on("sign_in_attempts").column("attempted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_attempts").delete()
    }
}
