import FluentKit

/// `data_keys`: the one row that records the fingerprint of the keys the database's personal numbers are sealed and
/// hashed with, and while `iflow rotate-data-key` runs, the fingerprint of the keys it moves them to.
struct CreateDataKeyRecord: AsyncMigration {
    static let migrationName = "005_CreateDataKeyRecord"
    var name: String { Self.migrationName }

    func prepare(on database: any Database) async throws {
        try await database.schema("data_keys")
            .field("id", .int, .required)
            .field("lookup_fingerprint", .string, .required)
            .field("data_fingerprint", .string, .required)
            .field("next_lookup_fingerprint", .string)
            .field("next_data_fingerprint", .string)
            .compositeIdentifier(over: "id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("data_keys").delete()
    }
}
