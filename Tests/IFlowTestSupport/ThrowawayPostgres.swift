import Foundation
import IFlowStore
import Logging
import SQLKit

/// A new PostgreSQL database for one test, on the local server `adminURL` names, dropped afterwards.
///
/// The store it hands to `body` is not migrated; callers migrate it when they need the schema.
public func withThrowawayPostgres<T>(
    adminURL: String, keyring: DataKeyring, logger: Logger, _ body: (Store) async throws -> T
) async throws -> T {
    precondition(adminURL.contains("127.0.0.1") || adminURL.contains("localhost"), "tests only run against a local PostgreSQL")
    let name = "iflow_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let admin = try Store(location: .postgres(url: adminURL), poolSize: 1, keyring: keyring, logger: logger)
    try await admin.sql().raw("CREATE DATABASE \(unsafeRaw: name)").run()
    var components = URLComponents(string: adminURL)!
    components.path = "/" + name
    let store = try Store(location: .postgres(url: components.string!), poolSize: 2, keyring: keyring, logger: logger)
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
