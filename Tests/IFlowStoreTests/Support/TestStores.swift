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
        try await withTemporarySQLiteFile(keyring: keyring, logger: logger, body)
    }

    /// A store on a new, empty (not migrated) PostgreSQL database, dropped afterwards.
    static func withFreshPostgres<T>(poolSize: Int = 2, _ body: (Store) async throws -> T) async throws -> T {
        try await withThrowawayPostgres(adminURL: try #require(postgresAdminURL), poolSize: poolSize, keyring: keyring, logger: logger, body)
    }
}
