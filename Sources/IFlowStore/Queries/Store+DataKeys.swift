import FluentKit
import SQLKit

extension Store {
    /// How this store's keys stand against what the database records.
    public enum DataKeyStanding: Sendable, Equatable {
        /// The database records these keys (or had none and now records them).
        case current
        /// These keys are the target of an unfinished rotation, and still hold the database's current ones.
        case rotating
    }

    /// Checks the keys against the database, migrates it, and records the keys' fingerprint if it has none yet: what
    /// every command does before it reads or writes personal data.
    ///
    /// The check runs before the migrations, so keys that are not the database's change nothing. A database from
    /// before fingerprints is recorded only once its sealed values open with these keys and their lookups match.
    /// - Parameter allowUnfinishedRotation: Only `iflow rotate-data-key`, which finishes a rotation, passes `true`;
    ///   anything else on a database halfway through one is refused, so no lookup runs while hashes are mixed.
    @discardableResult
    public func migrateCheckingDataKeys(allowUnfinishedRotation: Bool = false) async throws -> DataKeyStanding {
        let standing = try await checkDataKeys(allowUnfinishedRotation: allowUnfinishedRotation)
        try await migrate()
        if standing == .current { try await recordDataKeysIfAbsent() }
        return standing
    }

    /// The same check, without migrating or writing anything: for a database that is only read (the source of a copy,
    /// a backup to restore).
    @discardableResult
    public func checkDataKeys(allowUnfinishedRotation: Bool = false) async throws -> DataKeyStanding {
        let record = try await dataKeyRecord()
        guard let current = record.current else {
            if record.hasSealedData { try await verifySealedData() }
            return .current
        }
        let offered = protector.fingerprint
        if let next = record.next {
            // The old keys alone cannot read what the rotation already moved: they are refused like any other command's.
            if offered == current { throw DataKeyRefusal.rotationUnfinished(from: current, to: next) }
            guard offered == next, protector.holds(current) else { throw DataKeyRefusal.mismatch(recorded: current, offered: offered) }
        } else {
            if offered == current { return .current }
            // A rotation that put its new keys in the file, but stopped before recording them.
            guard protector.holds(current) else { throw DataKeyRefusal.mismatch(recorded: current, offered: offered) }
        }
        guard allowUnfinishedRotation else { throw DataKeyRefusal.rotationUnfinished(from: current, to: offered) }
        return .rotating
    }

    /// Throws ``DataKeyRefusal/keysMissing(recorded:)`` when the database already has keys of its own (it records
    /// some, or holds sealed values): new keys may be made only for a database that has neither.
    public func checkNewDataKeysAllowed() async throws {
        let record = try await dataKeyRecord()
        guard record.current == nil, !record.hasSealedData else { throw DataKeyRefusal.keysMissing(recorded: record.current) }
    }

    /// The fingerprint the database records, if any (a backup carries it in its own `data_keys` table).
    public func recordedDataKeys() async throws -> DataKeyFingerprint? {
        try await dataKeyRecord().current
    }

    /// Records this store's fingerprint on a migrated database that has none. Two processes starting together with
    /// different new keys both try: the row's key lets one win, and the other finds the winner's keys and refuses.
    func recordDataKeysIfAbsent() async throws {
        let offered = protector.fingerprint
        let sealingKeyID = protector.sealingKeyID
        let recorded = try await write { context in
            try await context.sql.insert(into: "data_keys")
                .columns("id", "lookup_fingerprint", "data_fingerprint", "data_key_id")
                .values(SQLBind(1), SQLBind(offered.lookup), SQLBind(offered.data), SQLBind(sealingKeyID))
                .ignoringConflicts(with: "id")
                .run()
            return try await Self.readDataKeyRow(context.sql)
        }
        guard let current = recorded?.current else { throw StoreError.corruptRow(table: "data_keys") }
        guard current == offered else { throw DataKeyRefusal.mismatch(recorded: current, offered: offered) }
    }

    /// Reads the record on a database at any migration, without migrating it: a table that does not exist yet counts as
    /// empty; any other failure (an unreachable server) is thrown, never taken for a new database.
    func dataKeyRecord() async throws -> DataKeyRecord {
        let sql = try self.sql()
        var record = DataKeyRecord(current: nil, next: nil, hasSealedData: false)
        guard try await tableExists("_fluent_migrations", on: sql) else { return record }
        let ran = Set(try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) })
        if ran.contains(CreateDataKeyRecord.migrationName), let row = try await Self.readDataKeyRow(sql) {
            record = row
        }
        // Before migration 002 the personal numbers were plain text, and that migration seals them with the keys it runs with.
        // Whether anything is sealed matters only while no keys are recorded, so a recorded database skips the scan.
        if record.current == nil, ran.contains("002_SealPersonalNumbers") {
            record.hasSealedData =
                try await sql.raw(
                    "SELECT id FROM users WHERE cnp_sealed IS NOT NULL OR id_card_sealed IS NOT NULL OR bank_account_sealed IS NOT NULL LIMIT 1"
                ).first() != nil
        }
        return record
    }

    private func tableExists(_ name: String, on sql: any SQLDatabase) async throws -> Bool {
        let query: SQLQueryString =
            location.isPostgres
            ? "SELECT 1 AS present FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: name)"
            : "SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)"
        return try await sql.raw(query).first() != nil
    }

    private static func readDataKeyRow(_ sql: any SQLDatabase) async throws -> DataKeyRecord? {
        struct Row: Decodable {
            var lookup_fingerprint: String
            var data_fingerprint: String
            var next_lookup_fingerprint: String?
            var next_data_fingerprint: String?
        }
        guard let row = try await sql.select().column("*").from("data_keys").where("id", .equal, 1).first(decoding: Row.self) else {
            return nil
        }
        var next: DataKeyFingerprint?
        if let lookup = row.next_lookup_fingerprint, let data = row.next_data_fingerprint {
            next = DataKeyFingerprint(lookup: lookup, data: data)
        }
        return DataKeyRecord(
            current: DataKeyFingerprint(lookup: row.lookup_fingerprint, data: row.data_fingerprint), next: next, hasSealedData: false
        )
    }

    /// For a database from before fingerprints: one value sealed under each data key the rows use must open, and a
    /// stored lookup must equal the hash of its opened value, or the keys are not this database's.
    private func verifySealedData() async throws {
        let sql = try self.sql()
        let offered = protector.fingerprint
        let samples = try await sql.raw(
            """
            SELECT MIN(sealed) AS sealed FROM (
                SELECT cnp_sealed AS sealed FROM users UNION ALL SELECT id_card_sealed FROM users UNION ALL SELECT bank_account_sealed FROM users
            ) AS everything WHERE sealed IS NOT NULL GROUP BY substr(sealed, 1, 8)
            """
        ).all().map { try $0.decode(column: "sealed", as: String.self) }
        let lookups = try await sql.raw(
            """
            SELECT cnp_lookup AS lookup, cnp_sealed AS sealed FROM users WHERE cnp_sealed IS NOT NULL
            UNION ALL SELECT id_card_lookup, id_card_sealed FROM users WHERE id_card_sealed IS NOT NULL LIMIT 1
            """
        ).all()
        do {
            for sample in samples { _ = try protector.open(sample) as String }
            for row in lookups {
                let value: String = try protector.open(try row.decode(column: "sealed", as: String.self))
                guard protector.lookup(value) == (try row.decode(column: "lookup", as: String?.self)) else {
                    throw DataKeyRefusal.cannotOpenSealedData(offered: offered)
                }
            }
        } catch let error as DataKeyRefusal {
            throw error
        } catch {
            // An unknown key id, or AES-GCM's authentication failure: sealed with another key.
            throw DataKeyRefusal.cannotOpenSealedData(offered: offered)
        }
    }
}
