import Foundation
import IFlowStore
import Logging
import SQLKit

/// How long a test's request waits for a PostgreSQL connection: the whole suite runs its tests at once on two cores,
/// and a server's 10 s is then too short for the concurrency tests' queues.
public let testPoolTimeout: Duration = .seconds(120)

/// A new PostgreSQL database for one test, on the local server `adminURL` names, dropped afterwards.
///
/// The store it hands to `body` is not migrated; callers migrate it when they need the schema. It has `poolSize`
/// connections per event loop.
public func withThrowawayPostgres<T>(
    adminURL: String, poolSize: Int = 2, keyring: DataKeyring, logger: Logger, _ body: (Store) async throws -> T
) async throws -> T {
    precondition(adminURL.contains("127.0.0.1") || adminURL.contains("localhost"), "tests only run against a local PostgreSQL")
    let name = "iflow_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    var components = URLComponents(string: adminURL)!
    components.path = "/" + name
    let admin = try Store(location: .postgres(url: adminURL), poolSize: 1, poolTimeout: testPoolTimeout, keyring: keyring, logger: logger)
    // Everything that can fail runs inside `use`, so that a refused connection still shuts both pools down.
    return try await admin.use { admin in
        try await admin.sql().raw("CREATE DATABASE \(unsafeRaw: name)").run()
        do {
            let store = try Store(
                location: .postgres(url: components.string!), poolSize: poolSize, poolTimeout: testPoolTimeout, keyring: keyring, logger: logger)
            let result = try await store.use(body)
            try await admin.sql().raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run()
            return result
        } catch {
            try? await admin.sql().raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run()
            throw error
        }
    }
}

/// A new directory for one test, removed afterwards.
public func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iflow-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// A migrated store on a new SQLite file, shut down and removed afterwards.
public func withTemporarySQLiteFile<T>(keyring: DataKeyring, logger: Logger, _ body: (Store) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { directory in
        let store = try Store(location: .sqliteFile(path: directory.appendingPathComponent("iflow.sqlite").path), keyring: keyring, logger: logger)
        return try await store.use { store in
            try await store.migrate()
            return try await body(store)
        }
    }
}
