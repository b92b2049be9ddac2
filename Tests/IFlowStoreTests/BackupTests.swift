import Foundation
import IFlowCore
import IFlowStore
import IFlowTestSupport
import Logging
import SQLKit
import Testing

@Suite("Backups of an SQLite file")
struct BackupTests {
    static func update(_ index: Int) throws -> UserUpdate {
        let cnp = CNP.makeValid(
            sex: .female, birthDate: LocalDate(year: 1985, month: 1 + index % 12, day: 1 + index % 28)!, county: 12, serial: 100 + index)
        return try UserUpdate.parse(["update_by": "cnp", "update_by_value": cnp, "full_name": "Angajata \(index)"]).get()
    }

    /// The CNPs written by the acknowledged updates, each with when the acknowledgement came.
    actor Acknowledged {
        var cnps: [(at: ContinuousClock.Instant, cnp: String)] = []
        func add(_ cnp: String) { cnps.append((ContinuousClock.now, cnp)) }
    }

    @Test("a backup taken while writes go on holds every write acknowledged before it began, and opens with the same keys")
    func backupUnderWrites() async throws {
        try await withTemporaryDirectory { directory in
            // setup
            let keyring = DataKeyring.generate()
            let path = directory.appendingPathComponent("live.sqlite").path
            let backup = directory.appendingPathComponent("backup.sqlite").path
            let acknowledged = Acknowledged()
            let began = try await Store(location: .sqliteFile(path: path), keyring: keyring, logger: TestStores.logger).use { store in
                try await store.migrateCheckingDataKeys()
                let companyID = try #require(try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest").id)
                return try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<3 {
                        group.addTask {
                            for index in stride(from: writer, to: 240, by: 3) {
                                let result = try await store.applyUserUpdate(try Self.update(index), companyID: companyID, actor: .commandLine)
                                await acknowledged.add(try #require(result.user.values[.cnp]))
                            }
                        }
                    }
                    // MUT: once some writes are in, while the others go on
                    while await acknowledged.cnps.count < 60 { try await Task.sleep(for: .milliseconds(5)) }
                    let began = ContinuousClock.now
                    try await store.backup(to: backup)
                    try await group.waitForAll()
                    return began
                }
            }

            // validation
            let before = await acknowledged.cnps.filter { $0.at < began }.map(\.cnp)
            #expect(before.count >= 60)
            try await Store(location: .sqliteFile(path: backup), keyring: keyring, logger: TestStores.logger).use { restored throws in
                #expect(try await restored.checkDataKeys() == .current)
                #expect(try await restored.recordedDataKeys() == keyring.fingerprint)
                for cnp in before {
                    var filter = UserListFilter()
                    filter.cnp = cnp
                    #expect(try await restored.users(companyID: 1, filter: filter).total == 1, "\(cnp) is missing")
                }
            }
            await #expect(throws: BackupError.self) {
                try await Store(location: .sqliteFile(path: path), keyring: keyring, logger: TestStores.logger).use {
                    try await $0.backup(to: backup)
                }
            }
        }
    }

    @Test("installing a checked backup replaces the database and its write-ahead log")
    func installReplaces() async throws {
        try await withTemporaryDirectory { directory in
            // setup: a database with a company, and a stale -wal beside it
            let keyring = DataKeyring.generate()
            let path = directory.appendingPathComponent("iflow.sqlite").path
            let backup = directory.appendingPathComponent("backup.sqlite").path
            try await Store(location: .sqliteFile(path: path), keyring: keyring, logger: TestStores.logger).use { store in
                try await store.migrateCheckingDataKeys()
                _ = try await store.createCompany(name: "Before", timezone: "Europe/Bucharest")
                try await store.backup(to: backup)
                _ = try await store.createCompany(name: "After", timezone: "Europe/Bucharest")
            }
            #expect(FileManager.default.createFile(atPath: path + "-wal", contents: Data("stale".utf8)))

            // MUT
            let staging = directory.appendingPathComponent("staging.sqlite").path
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
            try await Store.checkIntegrity(ofSQLiteFile: staging, logger: TestStores.logger)
            try Store.install(sqliteFile: staging, at: path)

            // validation
            #expect(!FileManager.default.fileExists(atPath: staging))
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let names = try await Store(location: .sqliteFile(path: path), keyring: keyring, logger: TestStores.logger).use { store in
                try await store.companies().map(\.name)
            }
            #expect(names == ["Before"])
        }
    }

    @Test("a PostgreSQL store is not backed up this way", .enabled(if: TestStores.postgresAdminURL != nil))
    func postgresRefused() async throws {
        _ = try await TestStores.withFreshPostgres { store in
            await #expect(throws: BackupError.self) { try await store.backup(to: "/tmp/never-\(UUID().uuidString)") }
        }
    }
}
