import FluentKit
import SQLKit

/// Personal numbers at rest: `cnp` and `id_card` become a lookup hash (keeping their unique constraints) plus a sealed
/// copy; `bank_account` becomes sealed. Rows written before this migration are converted in place.
struct SealPersonalNumbers: AsyncMigration {
    var name: String { "002_SealPersonalNumbers" }
    let protector: DataProtector

    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        try await sql.raw("ALTER TABLE users RENAME COLUMN cnp TO cnp_lookup").run()
        try await sql.raw("ALTER TABLE users RENAME COLUMN id_card TO id_card_lookup").run()
        try await sql.raw("ALTER TABLE users RENAME COLUMN bank_account TO bank_account_sealed").run()
        try await sql.raw("ALTER TABLE users ADD COLUMN cnp_sealed TEXT").run()
        try await sql.raw("ALTER TABLE users ADD COLUMN id_card_sealed TEXT").run()

        struct Row: Decodable {
            var id: Int
            var cnp_lookup: String?
            var id_card_lookup: String?
            var bank_account_sealed: String?
        }
        // Until now these columns held the plain values.
        for row in try await sql.select().columns("id", "cnp_lookup", "id_card_lookup", "bank_account_sealed").from("users").all(decoding: Row.self) {
            try await sql.update("users")
                .set("cnp_lookup", to: SQLBind(row.cnp_lookup.map { protector.lookup($0) }))
                .set("cnp_sealed", to: SQLBind(try protector.seal(row.cnp_lookup)))
                .set("id_card_lookup", to: SQLBind(row.id_card_lookup.map { protector.lookup($0) }))
                .set("id_card_sealed", to: SQLBind(try protector.seal(row.id_card_lookup)))
                .set("bank_account_sealed", to: SQLBind(try protector.seal(row.bank_account_sealed)))
                .where("id", .equal, row.id)
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        struct Row: Decodable {
            var id: Int
            var cnp_sealed: String?
            var id_card_sealed: String?
            var bank_account_sealed: String?
        }
        for row in try await sql.select().columns("id", "cnp_sealed", "id_card_sealed", "bank_account_sealed").from("users").all(decoding: Row.self) {
            try await sql.update("users")
                .set("cnp_lookup", to: SQLBind(try protector.open(row.cnp_sealed)))
                .set("id_card_lookup", to: SQLBind(try protector.open(row.id_card_sealed)))
                .set("bank_account_sealed", to: SQLBind(try protector.open(row.bank_account_sealed)))
                .where("id", .equal, row.id)
                .run()
        }
        try await sql.raw("ALTER TABLE users DROP COLUMN cnp_sealed").run()
        try await sql.raw("ALTER TABLE users DROP COLUMN id_card_sealed").run()
        try await sql.raw("ALTER TABLE users RENAME COLUMN cnp_lookup TO cnp").run()
        try await sql.raw("ALTER TABLE users RENAME COLUMN id_card_lookup TO id_card").run()
        try await sql.raw("ALTER TABLE users RENAME COLUMN bank_account_sealed TO bank_account").run()
    }
}
