import FluentKit
import SQLKit

/// `data_keys`: the one row that records the fingerprint of the keys the database's personal numbers are sealed and
/// hashed with, and while `iflow rotate-data-key` runs, the fingerprint of the keys it moves them to.
///
/// It also records the id of the data key new values must be sealed under (the current one, or during a rotation the
/// target; ids are already public in every sealed value), and a trigger refuses any other: a server still running
/// with keys the database no longer uses fails its writes instead of creating, by a lookup that missed, a second
/// employee with a CNP that is already there.
struct CreateDataKeyRecord: AsyncMigration {
    static let migrationName = "005_CreateDataKeyRecord"
    var name: String { Self.migrationName }

    func prepare(on database: any Database) async throws {
        try await database.schema("data_keys")
            .field("id", .int, .required)
            .field("lookup_fingerprint", .string, .required)
            .field("data_fingerprint", .string, .required)
            .field("data_key_id", .string, .required)
            .field("next_lookup_fingerprint", .string)
            .field("next_data_fingerprint", .string)
            .field("next_data_key_id", .string)
            .compositeIdentifier(over: "id")
            .create()
        let sql = try database.sqlDatabase()
        let columns = ["cnp_sealed", "id_card_sealed", "bank_account_sealed"]
        func foreign(_ column: String, comparedTo old: Bool) -> String {
            let changed = old ? "NEW.\(column) IS DISTINCT FROM OLD.\(column) AND " : ""
            return "(\(changed)substr(NEW.\(column), 1, 9) <> coalesce(k.next_data_key_id, k.data_key_id) || '.')"
        }
        func anyForeign(comparedTo old: Bool) -> String {
            "EXISTS (SELECT 1 FROM data_keys k WHERE k.id = 1 AND (\(columns.map { foreign($0, comparedTo: old) }.joined(separator: " OR "))))"
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION iflow_users_sealed_with_current_key() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (TG_OP = 'INSERT' AND \(unsafeRaw: anyForeign(comparedTo: false))) OR (TG_OP = 'UPDATE' AND \(unsafeRaw: anyForeign(comparedTo: true))) THEN
                        RAISE EXCEPTION 'iflow: a personal number sealed with a data key this database does not use';
                    END IF;
                    RETURN NEW;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER users_sealed_with_current_key BEFORE INSERT OR UPDATE OF \(unsafeRaw: columns.joined(separator: ", ")) ON users
                FOR EACH ROW EXECUTE FUNCTION iflow_users_sealed_with_current_key()
                """
            ).run()
        } else {
            let refuse = "BEGIN SELECT RAISE(ABORT, 'iflow: a personal number sealed with a data key this database does not use'); END"
            try await sql.raw(
                "CREATE TRIGGER users_sealed_with_current_key_insert BEFORE INSERT ON users WHEN \(unsafeRaw: anyForeign(comparedTo: false)) \(unsafeRaw: refuse)"
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER users_sealed_with_current_key_update BEFORE UPDATE OF \(unsafeRaw: columns.joined(separator: ", ")) ON users
                WHEN \(unsafeRaw: anyForeign(comparedTo: true).replacingOccurrences(of: "IS DISTINCT FROM", with: "IS NOT")) \(unsafeRaw: refuse)
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER users_sealed_with_current_key ON users").run()
            try await sql.raw("DROP FUNCTION iflow_users_sealed_with_current_key()").run()
        } else {
            try await sql.raw("DROP TRIGGER users_sealed_with_current_key_insert").run()
            try await sql.raw("DROP TRIGGER users_sealed_with_current_key_update").run()
        }
        try await database.schema("data_keys").delete()
    }
}
