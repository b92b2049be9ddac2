import FluentKit
import SQLKit

extension Store {
    /// Moves every employee's personal numbers to this store's current keys: re-sealed under the current data key and
    /// re-hashed under the current lookup key, a batch of rows per transaction. Returns how many values changed.
    ///
    /// The store's keyring holds the new keys first and the database's current ones after them (checked first, as
    /// ``checkDataKeys(allowUnfinishedRotation:)`` does, on a migrated database). The database records the target
    /// first, so every other command refuses to start until the rotation is done: no lookup ever runs while some rows
    /// are hashed under one key and some under the other. Every row is worked out from its sealed values, so stopping
    /// at any point is safe: a second call redoes nothing that is done and finishes. Meanwhile the database accepts new
    /// values sealed under the target's data key only (see `CreateDataKeyRecord`), so a server left running with the
    /// old keys can neither write what the rotation would have to move again nor create an employee its lookups missed.
    /// - Parameters:
    ///   - batchSize: Rows per transaction.
    ///   - progress: Called after each committed batch with the rows gone through so far; what it throws stops the
    ///     rotation there, and a later call resumes it.
    @discardableResult
    public func rotateDataKeys(batchSize: Int = 500, progress: (Int) async throws -> Void = { _ in }) async throws -> Int {
        try await checkDataKeys(allowUnfinishedRotation: true)
        let target = protector.fingerprint
        let targetKeyID = protector.sealingKeyID
        try await write { context in
            try await context.sql.update("data_keys")
                .set("next_lookup_fingerprint", to: SQLBind(target.lookup)).set("next_data_fingerprint", to: SQLBind(target.data))
                .set("next_data_key_id", to: SQLBind(targetKeyID))
                .where("id", .equal, 1).run()
        }
        var after = 0
        var rows = 0
        var changed = 0
        while true {
            let batch = try await rekeyBatch(after: after, limit: max(1, batchSize))
            guard let last = batch.lastID else { break }
            after = last
            rows += batch.rows
            changed += batch.changed
            try await progress(rows)
        }
        // The locked months' figures and identities (migration 009) are sealed and hashed the same way.
        var lockedAfter = 0
        while true {
            let batch = try await rekeyLockedFigures(after: lockedAfter, limit: max(1, batchSize))
            guard let last = batch.lastID else { break }
            lockedAfter = last
            changed += batch.changed
        }
        try await finishRotation()
        return changed
    }

    private struct SealedRow: Decodable {
        var id: Int
        var cnp_lookup: String?
        var cnp_sealed: String?
        var id_card_lookup: String?
        var id_card_sealed: String?
        var bank_account_sealed: String?
    }

    private func rekeyBatch(after: Int, limit: Int) async throws -> (lastID: Int?, rows: Int, changed: Int) {
        let protector = self.protector
        return try await write { context in
            let sql = context.sql
            let rows = try await sql.select()
                .columns("id", "cnp_lookup", "cnp_sealed", "id_card_lookup", "id_card_sealed", "bank_account_sealed").from("users")
                .where("id", .greaterThan, after).orderBy("id").limit(limit)
                .all(decoding: SealedRow.self)
            var changed = 0
            for row in rows {
                func resealed(_ sealed: String?) throws -> String? {
                    guard let sealed, !protector.isCurrent(sealed) else { return sealed }
                    return try protector.seal(try protector.open(sealed) as String) as String
                }
                func rehashed(_ lookup: String?, _ sealed: String?) throws -> String? {
                    guard let sealed else { return lookup }
                    return protector.lookup(try protector.open(sealed))
                }
                let new = SealedRow(
                    id: row.id, cnp_lookup: try rehashed(row.cnp_lookup, row.cnp_sealed), cnp_sealed: try resealed(row.cnp_sealed),
                    id_card_lookup: try rehashed(row.id_card_lookup, row.id_card_sealed), id_card_sealed: try resealed(row.id_card_sealed),
                    bank_account_sealed: try resealed(row.bank_account_sealed)
                )
                let pairs = [
                    (row.cnp_lookup, new.cnp_lookup), (row.cnp_sealed, new.cnp_sealed), (row.id_card_lookup, new.id_card_lookup),
                    (row.id_card_sealed, new.id_card_sealed), (row.bank_account_sealed, new.bank_account_sealed),
                ]
                let changes = pairs.filter { $0.0 != $0.1 }.count
                guard changes > 0 else { continue }
                changed += changes
                try await sql.update("users")
                    .set("cnp_lookup", to: SQLBind(new.cnp_lookup)).set("cnp_sealed", to: SQLBind(new.cnp_sealed))
                    .set("id_card_lookup", to: SQLBind(new.id_card_lookup)).set("id_card_sealed", to: SQLBind(new.id_card_sealed))
                    .set("bank_account_sealed", to: SQLBind(new.bank_account_sealed))
                    .set(SQLIdentifier("row_version"), to: SQLRaw("row_version + 1"))
                    .where("id", .equal, row.id).run()
            }
            return (rows.last?.id, rows.count, changed)
        }
    }

    /// Makes the target current: its keys are the ones every command must now start with.
    private func finishRotation() async throws {
        try await write { context in
            try await context.sql.raw(
                """
                UPDATE data_keys SET lookup_fingerprint = next_lookup_fingerprint, data_fingerprint = next_data_fingerprint,
                data_key_id = next_data_key_id, next_lookup_fingerprint = NULL, next_data_fingerprint = NULL, next_data_key_id = NULL
                WHERE id = 1 AND next_lookup_fingerprint IS NOT NULL
                """
            ).run()
        }
    }
}
