import Foundation
import IFlowStore
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
        let adminURL = try #require(postgresAdminURL)
        precondition(adminURL.contains("127.0.0.1") || adminURL.contains("localhost"), "tests only run against a local PostgreSQL")
        let name = "iflow_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try Store(location: .postgres(url: adminURL), poolSize: 1, keyring: TestStores.keyring, logger: logger)
        try await admin.sql().raw("CREATE DATABASE \(unsafeRaw: name)").run()
        var components = URLComponents(string: adminURL)!
        components.path = "/" + name
        let store = try Store(location: .postgres(url: components.string!), poolSize: 2, keyring: TestStores.keyring, logger: logger)
        do {
            let result = try await body(store)
            await store.shutdown()
            try await admin.sql().raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.shutdown()
            return result
        } catch {
            await store.shutdown()
            try? await admin.sql().raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.shutdown()
            throw error
        }
    }
}
