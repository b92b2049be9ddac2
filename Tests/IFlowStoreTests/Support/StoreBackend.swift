import IFlowStore
import Testing

/// The backends a store test runs on: an SQLite file always, PostgreSQL too when `IFLOW_TEST_POSTGRES_URL` names a
/// server (`TestStores.postgresAdminURL`).
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqliteFile
    case postgres

    var testDescription: String { rawValue }

    static var available: [StoreBackend] { TestStores.postgresAdminURL == nil ? [.sqliteFile] : allCases }

    /// A new, migrated store on this backend, removed after `body`.
    ///
    /// - Parameter poolSize: PostgreSQL connections per event loop.
    func withMigratedStore(poolSize: Int = 2, _ body: (Store) async throws -> Void) async throws {
        switch self {
        case .sqliteFile:
            try await TestStores.withSQLiteFile(body)
        case .postgres:
            try await TestStores.withFreshPostgres(poolSize: poolSize) { store in
                try await store.migrate()
                try await body(store)
            }
        }
    }
}
