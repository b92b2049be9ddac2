import FluentKit
import SQLKit

extension Store {
    /// Re-seals every personal number not sealed with the current data key, in one transaction, and returns how many
    /// values changed. Lookup hashes are untouched (the lookup key is not rotated), so lookups keep working throughout.
    @discardableResult
    public func resealPersonalData() async throws -> Int {
        struct Row: Decodable {
            var id: Int
            var cnp_sealed: String?
            var id_card_sealed: String?
            var bank_account_sealed: String?
        }
        let protector = self.protector
        return try await write { context in
            let sql = context.sql
            var changed = 0
            let rows = try await sql.select().columns("id", "cnp_sealed", "id_card_sealed", "bank_account_sealed").from("users").all(
                decoding: Row.self)
            for row in rows {
                func reseal(_ sealed: String?) throws -> String? {
                    guard let sealed, !protector.isCurrent(sealed) else { return sealed }
                    changed += 1
                    let plain: String = try protector.open(sealed)
                    return try protector.seal(plain) as String
                }
                let values = (try reseal(row.cnp_sealed), try reseal(row.id_card_sealed), try reseal(row.bank_account_sealed))
                guard values != (row.cnp_sealed, row.id_card_sealed, row.bank_account_sealed) else { continue }
                try await sql.update("users")
                    .set("cnp_sealed", to: SQLBind(values.0)).set("id_card_sealed", to: SQLBind(values.1))
                    .set("bank_account_sealed", to: SQLBind(values.2))
                    .set(SQLIdentifier("row_version"), to: SQLRaw("row_version + 1"))
                    .where("id", .equal, row.id).run()
            }
            return changed
        }
    }
}
