import Foundation
import IFlowStore
import IFlowTestSupport
import Logging
import SQLKit
import Testing

/// Stores for storage tests: an SQLite file in a fresh directory, and a fresh PostgreSQL database when
/// `IFLOW_TEST_POSTGRES_URL` names a local server.
enum TestStores {
    static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["IFLOW_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One keyring for every store of the test run: copies move sealed values between stores as they are.
    static let keyring = DataKeyring.generate()

    static var logger: Logger {
        var logger = Logger(label: "iflow-test")
        logger.logLevel = .warning
        return logger
    }

    /// A migrated SQLite store on a file of its own, removed afterwards.
    static func withSQLiteFile<T>(_ body: (Store) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iflow-store-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(location: .sqliteFile(path: directory.appendingPathComponent("iflow.sqlite").path), keyring: TestStores.keyring, logger: logger)
        do {
            try await store.migrate()
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    /// A store on a new, empty (not migrated) PostgreSQL database, dropped afterwards.
    static func withFreshPostgres<T>(_ body: (Store) async throws -> T) async throws -> T {
        try await withThrowawayPostgres(adminURL: try #require(postgresAdminURL), keyring: keyring, logger: logger, body)
    }
}
