import FluentPostgresDriver
import Logging

extension Store {
    /// The key of the PostgreSQL advisory lock that migrations hold: "iflow" in ASCII.
    static let migrationLockKey: Int64 = 0x69_66_6c_6f_77

    /// Runs `body` while this process holds the migration lock of a PostgreSQL database.
    ///
    /// Several `iflow serve` processes starting together against one database would otherwise all run the same
    /// pending migration, and all but one would fail on `CREATE TABLE`. The lock belongs to a connection of its own,
    /// outside the pool the migrations use, and ends with it, so a process that dies mid-migration releases it.
    /// SQLite needs no lock: one file has one writer.
    func withMigrationLock<T>(_ body: () async throws -> T) async throws -> T {
        guard case .postgres(let url) = location else { return try await body() }
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_lock(\(Self.migrationLockKey))", logger: logger)
            let result = try await body()
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
