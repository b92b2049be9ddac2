import Foundation
import IFlowCore
import IFlowStore
import IFlowTestSupport
import Logging
import SQLKit
import Testing

/// The data keys a database records, on every backend: keys that are not the database's change nothing, and no
/// employee becomes unreadable or can be created twice by CNP, before, during or after a rotation.
@Suite("Data keys")
struct DataKeyTests {
    enum Backend: String, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let backends: [Backend] = TestStores.postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]

    /// A new, empty database: its location, so that each step can open it with the keys it needs.
    func withDatabase(_ backend: Backend, _ body: (DatabaseLocation) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            try await withTemporaryDirectory { directory in try await body(.sqliteFile(path: directory.appendingPathComponent("keys.sqlite").path)) }
        case .postgres:
            try await TestStores.withFreshPostgres(poolSize: 1) { store in try await body(store.location) }
        }
    }

    /// Runs `body` on a store with `keyring`, shut down afterwards.
    @discardableResult
    func with<T>(_ location: DatabaseLocation, _ keyring: DataKeyring, _ body: (Store) async throws -> T) async throws -> T {
        try await Store(location: location, poolSize: 1, poolTimeout: testPoolTimeout, keyring: keyring, logger: TestStores.logger).use(body)
    }

    static let people = (0..<7).map { index in
        (
            cnp: CNP.makeValid(sex: .male, birthDate: LocalDate(year: 1980, month: 3, day: index + 1)!, county: 22, serial: 100 + index),
            idCard: "BV\(600_000 + index)"
        )
    }

    func update(_ person: (cnp: String, idCard: String), by key: String = "cnp", name: String = "Ion") throws -> UserUpdate {
        try UserUpdate.parse([
            "update_by": key, "update_by_value": key == "cnp" ? person.cnp : person.idCard, "full_name": name, "cnp": person.cnp,
            "id_card": person.idCard, "bank_account": "RO49AAAA1B31007593840000",
        ]).get()
    }

    /// A checked, migrated database with the company and its seven employees; returns the company's id.
    func seed(_ location: DatabaseLocation, _ keyring: DataKeyring) async throws -> Int {
        try await with(location, keyring) { store in
            try await store.migrateCheckingDataKeys()
            let companyID = try #require(try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest").id)
            for person in Self.people {
                _ = try await store.applyUserUpdate(try update(person), companyID: companyID, actor: .commandLine)
            }
            return companyID
        }
    }

    /// Everything the checks could have written: the migrations run, the record, and every sealed column and hash.
    func snapshot(_ location: DatabaseLocation) async throws -> [String] {
        try await with(location, .generate()) { store in
            let sql = try store.sql()
            var lines = try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY name").all().map {
                try $0.decode(column: "name", as: String.self)
            }
            let ran = lines.contains("005_CreateDataKeyRecord")
            if ran {
                lines += try await sql.raw("SELECT lookup_fingerprint || ' ' || data_fingerprint AS line FROM data_keys").all()
                    .map { try $0.decode(column: "line", as: String.self) }
            }
            lines += try await sql.raw(
                "SELECT cnp_lookup || cnp_sealed || id_card_lookup || id_card_sealed || bank_account_sealed AS line FROM users ORDER BY id"
            )
            .all().map { try $0.decode(column: "line", as: String.self) }
            return lines
        }
    }

    /// Every employee opens and is found by CNP and by id card, once: syncing each again updates it.
    func expectEveryEmployeeFoundOnce(_ location: DatabaseLocation, _ keyring: DataKeyring, companyID: Int) async throws {
        try await with(location, keyring) { store in
            let (users, total) = try await store.users(companyID: companyID, filter: UserListFilter())
            #expect(total == Self.people.count)
            #expect(Set(users.compactMap { $0.values[.cnp] }) == Set(Self.people.map(\.cnp)))
            for person in Self.people {
                var filter = UserListFilter()
                filter.cnp = person.cnp
                #expect(try await store.users(companyID: companyID, filter: filter).total == 1)
                #expect(try await store.applyUserUpdate(try update(person), companyID: companyID, actor: .commandLine).action == .updated)
                #expect(
                    try await store.applyUserUpdate(try update(person, by: "id_card"), companyID: companyID, actor: .commandLine).action == .updated)
            }
            #expect(try await store.users(companyID: companyID, filter: UserListFilter()).total == Self.people.count)
        }
    }

    /// A keyring with the lookup key of `first` and the data key of `second`: one key of the pair changed.
    func mixing(lookupOf first: DataKeyring, dataOf second: DataKeyring) throws -> DataKeyring {
        let lines =
            first.text.split(separator: "\n").filter { $0.hasPrefix("lookup:") } + second.text.split(separator: "\n").filter { $0.hasPrefix("data:") }
        return try DataKeyring(text: lines.joined(separator: "\n"))
    }

    @Test("keys of another installation, or a changed data key, are refused before anything is written", arguments: backends)
    func otherKeysRefused(backend: Backend) async throws {
        try await withDatabase(backend) { location in
            // setup
            let own = DataKeyring.generate()
            let companyID = try await seed(location, own)
            let before = try await snapshot(location)
            let otherInstallation = DataKeyring.generate()
            let changedDataKey = try mixing(lookupOf: own, dataOf: otherInstallation)

            // MUT and validation
            for keys in [otherInstallation, changedDataKey] {
                await #expect(throws: DataKeyRefusal.mismatch(recorded: own.fingerprint, offered: keys.fingerprint)) {
                    try await with(location, keys) { try await $0.migrateCheckingDataKeys() }
                }
                await #expect(throws: DataKeyRefusal.keysMissing(recorded: own.fingerprint)) {
                    try await with(location, keys) { try await $0.checkNewDataKeysAllowed() }
                }
                let rotating = keys.addingKeys()
                await #expect(throws: DataKeyRefusal.mismatch(recorded: own.fingerprint, offered: rotating.fingerprint)) {
                    try await with(location, rotating) { try await $0.rotateDataKeys() }
                }
            }
            #expect(try await snapshot(location) == before)
            try await with(location, own) { store in
                let value = try await store.migrateCheckingDataKeys()
                #expect(value == .current)
            }
            try await expectEveryEmployeeFoundOnce(location, own, companyID: companyID)
        }
    }

    @Test("new keys are allowed only for a database that has none recorded and no sealed data", arguments: backends)
    func newKeysOnlyForNewDatabase(backend: Backend) async throws {
        try await withDatabase(backend) { location in
            // setup: a new database, and the same once a first start recorded its keys (no employee yet)
            let first = DataKeyring.generate()
            try await with(location, .generate()) { try await $0.checkNewDataKeysAllowed() }
            try await with(location, first) { try await $0.migrateCheckingDataKeys() }

            // MUT: a second server that starts without the key file, with new keys of its own
            let second = DataKeyring.generate()
            await #expect(throws: DataKeyRefusal.keysMissing(recorded: first.fingerprint)) {
                try await with(location, second) { try await $0.checkNewDataKeysAllowed() }
            }
            await #expect(throws: DataKeyRefusal.mismatch(recorded: first.fingerprint, offered: second.fingerprint)) {
                try await with(location, second) { try await $0.migrateCheckingDataKeys() }
            }

            // validation
            try await with(location, first) { store in
                let value = try await store.recordedDataKeys()
                #expect(value == first.fingerprint)
            }
        }
    }

    @Test("a database from before fingerprints is recorded only with keys that open its sealed rows and match its lookups", arguments: backends)
    func databaseFromBeforeFingerprints(backend: Backend) async throws {
        try await withDatabase(backend) { location in
            // setup: sealed employees, and no record (migration 005 undone, as before this version)
            let own = DataKeyring.generate()
            let companyID = try await seed(location, own)
            try await with(location, own) { store in
                let drops =
                    backend == .postgres
                    ? ["DROP TRIGGER users_sealed_with_current_key ON users", "DROP FUNCTION iflow_users_sealed_with_current_key()"]
                    : ["DROP TRIGGER users_sealed_with_current_key_insert", "DROP TRIGGER users_sealed_with_current_key_update"]
                for drop in drops { try await store.sql().raw(SQLQueryString(drop)).run() }
                try await store.sql().raw("DROP TABLE data_keys").run()
                try await store.sql().raw("DELETE FROM _fluent_migrations WHERE name = '005_CreateDataKeyRecord'").run()
            }
            let before = try await snapshot(location)
            let other = DataKeyring.generate()

            // MUT and validation: the wrong keys, and the right data key with another lookup key, are refused
            await #expect(throws: DataKeyRefusal.keysMissing(recorded: nil)) {
                try await with(location, other) { try await $0.checkNewDataKeysAllowed() }
            }
            for keys in [other, try mixing(lookupOf: other, dataOf: own)] {
                await #expect(throws: DataKeyRefusal.cannotOpenSealedData(offered: keys.fingerprint)) {
                    try await with(location, keys) { try await $0.migrateCheckingDataKeys() }
                }
            }
            #expect(try await snapshot(location) == before)
            try await with(location, own) { store throws in
                #expect(try await store.migrateCheckingDataKeys() == .current)
                #expect(try await store.recordedDataKeys() == own.fingerprint)
            }
            try await expectEveryEmployeeFoundOnce(location, own, companyID: companyID)
        }
    }

    @Test(
        "two servers starting together on a new database with keys of their own: one records its keys, the other is refused",
        .enabled(if: TestStores.postgresAdminURL != nil))
    func racingFirstStarts() async throws {
        try await withDatabase(.postgres) { location in
            // setup
            let keyrings = [DataKeyring.generate(), DataKeyring.generate()]

            // MUT
            let outcomes = await withTaskGroup(of: (DataKeyring, (any Error)?).self) { group in
                for keyring in keyrings {
                    group.addTask {
                        do {
                            try await with(location, keyring) { try await $0.migrateCheckingDataKeys() }
                            return (keyring, nil)
                        } catch {
                            return (keyring, error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            // validation
            let winners = outcomes.filter { $0.1 == nil }.map(\.0)
            #expect(winners.count == 1)
            let winner = try #require(winners.first)
            let loser = try #require(keyrings.first { $0 != winner })
            #expect(outcomes.first { $0.0 == loser }?.1 as? DataKeyRefusal == .mismatch(recorded: winner.fingerprint, offered: loser.fingerprint))
            try await with(location, loser) { store in
                let recorded = try await store.recordedDataKeys()
                #expect(recorded == winner.fingerprint)
            }
        }
    }

    struct Interrupted: Error {}

    @Test("an interrupted rotation keeps every row readable, lets nothing else start, and finishes on the next run", arguments: backends)
    func interruptedRotation(backend: Backend) async throws {
        try await withDatabase(backend) { location in
            // setup
            let old = DataKeyring.generate()
            let companyID = try await seed(location, old)
            let rotated = old.addingKeys()

            // MUT: stopped after the first batch of two rows
            await #expect(throws: Interrupted.self) {
                try await with(location, rotated) { store in
                    #expect(try await store.migrateCheckingDataKeys(allowUnfinishedRotation: true) == .rotating)
                    try await store.rotateDataKeys(batchSize: 2) { rows in if rows >= 2 { throw Interrupted() } }
                }
            }

            // validation: halfway, every row opens, and no other command may start with either keys
            try await with(location, rotated) { store in
                let (users, _) = try await store.users(companyID: companyID, filter: UserListFilter())
                #expect(Set(users.compactMap { $0.values[.idCard] }) == Set(Self.people.map(\.idCard)))
            }
            for keys in [rotated, old] {
                await #expect(throws: DataKeyRefusal.rotationUnfinished(from: old.fingerprint, to: rotated.fingerprint)) {
                    try await with(location, keys) { try await $0.migrateCheckingDataKeys() }
                }
            }

            // MUT: the second run finishes
            let changed = try await with(location, rotated) { store in
                #expect(try await store.migrateCheckingDataKeys(allowUnfinishedRotation: true) == .rotating)
                return try await store.rotateDataKeys(batchSize: 2)
            }

            // validation
            #expect(changed == (Self.people.count - 2) * 5)
            let current = rotated.droppingOldKeys()
            try await with(location, current) { store in
                let value = try await store.migrateCheckingDataKeys()
                #expect(value == .current)
            }
            try await expectEveryEmployeeFoundOnce(location, current, companyID: companyID)
            await #expect(throws: DataKeyRefusal.mismatch(recorded: rotated.fingerprint, offered: old.fingerprint)) {
                try await with(location, old) { try await $0.migrateCheckingDataKeys() }
            }
        }
    }

    @Test("a server left running with the old keys cannot write during or after a rotation, so it creates no duplicate", arguments: backends)
    func staleServerCannotWrite(backend: Backend) async throws {
        try await withDatabase(backend) { location in
            // setup
            let old = DataKeyring.generate()
            let companyID = try await seed(location, old)
            let rotated = old.addingKeys()
            let newcomer = (
                cnp: CNP.makeValid(sex: .female, birthDate: LocalDate(year: 1990, month: 7, day: 9)!, county: 12, serial: 901), idCard: "CJ900001"
            )
            try await Store(location: location, poolSize: 1, poolTimeout: testPoolTimeout, keyring: old, logger: TestStores.logger).use { stale in
                // MUT: the stale server syncs an employee whose lookup is already re-hashed, and a new one, mid-rotation
                var attempts = 0
                try await with(location, rotated) { store in
                    try await store.migrateCheckingDataKeys(allowUnfinishedRotation: true)
                    try await store.rotateDataKeys(batchSize: 2) { _ in
                        guard attempts == 0 else { return }
                        attempts += 1
                        for person in [Self.people[0], newcomer] {
                            await #expect(throws: (any Error).self) {
                                try await stale.applyUserUpdate(try update(person), companyID: companyID, actor: .commandLine)
                            }
                        }
                    }
                }
                #expect(attempts == 1)

                // MUT: and again once the rotation is done
                for person in [Self.people[0], newcomer] {
                    await #expect(throws: (any Error).self) {
                        try await stale.applyUserUpdate(try update(person), companyID: companyID, actor: .commandLine)
                    }
                }
            }

            // validation
            try await expectEveryEmployeeFoundOnce(location, rotated.droppingOldKeys(), companyID: companyID)
        }
    }
}
