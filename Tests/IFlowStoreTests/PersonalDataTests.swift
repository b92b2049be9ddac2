import Foundation
import IFlowCore
import IFlowStore
import IFlowTestSupport
import Logging
import SQLKit
import Testing

@Suite("Personal data at rest")
struct PersonalDataTests {
    static let cnp = "1800101221144"
    static let idCard = "ZX987654"
    static let iban = "RO49AAAA1B31007593840000"

    func addEmployee(_ store: Store) async throws -> Int {
        let company = try await store.createCompany(name: "A", timezone: "Europe/Bucharest")
        let update = try UserUpdate.parse([
            "update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion", "id_card": Self.idCard, "bank_account": Self.iban,
        ]).get()
        _ = try await store.applyUserUpdate(update, companyID: company.id!, actor: .commandLine)
        return company.id!
    }

    @Test("the SQLite file holds no plaintext CNP, id card or IBAN, yet lookups and replies work")
    func sqliteFileHoldsNoPlaintext() async throws {
        // setup
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("data.sqlite").path
            let keyring = DataKeyring.generate()
            let store = try Store(location: .sqliteFile(path: path), keyring: keyring, logger: Logger(label: "t"))
            try await store.migrate()
            // MUT
            let companyID = try await addEmployee(store)
            var filter = UserListFilter()
            filter.cnp = Self.cnp
            let (found, _) = try await store.users(companyID: companyID, filter: filter)
            await store.shutdown()
            // validation
            #expect(found.first?.values[.idCard] == Self.idCard)
            #expect(found.first?.values[.bankAccount] == Self.iban)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("data.sqlite") }
            #expect(!files.isEmpty)
            for file in files {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
                for secret in [Self.cnp, Self.idCard, Self.iban, "1B31007593840000"] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) contains \(secret.prefix(4))…")
                }
            }
            // The same keys open the file again; other keys do not find the employee.
            let reopened = try Store(location: .sqliteFile(path: path), keyring: keyring, logger: Logger(label: "t"))
            #expect(try await reopened.users(companyID: companyID, filter: filter).total == 1)
            await reopened.shutdown()
            let stranger = try Store(location: .sqliteFile(path: path), keyring: .generate(), logger: Logger(label: "t"))
            #expect(try await stranger.users(companyID: companyID, filter: filter).total == 0)
            await stranger.shutdown()
        }
    }

    @Test("rotation re-seals and re-hashes under new keys; the old keys alone no longer open the data")
    func rotation() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("data.sqlite").path
            let old = DataKeyring.generate()
            let store = try Store(location: .sqliteFile(path: path), keyring: old, logger: Logger(label: "t"))
            try await store.migrateCheckingDataKeys()
            let companyID = try await addEmployee(store)
            await store.shutdown()

            // MUT
            let rotated = old.addingKeys()
            let rotating = try Store(location: .sqliteFile(path: path), keyring: rotated, logger: Logger(label: "t"))
            #expect(try await rotating.checkDataKeys(allowUnfinishedRotation: true) == .rotating)
            #expect(try await rotating.rotateDataKeys() == 5)
            #expect(try await rotating.rotateDataKeys() == 0)
            await rotating.shutdown()

            // validation
            let current = try Store(location: .sqliteFile(path: path), keyring: rotated.droppingOldKeys(), logger: Logger(label: "t"))
            #expect(try await current.checkDataKeys() == .current)
            var filter = UserListFilter()
            filter.cnp = Self.cnp
            let (users, _) = try await current.users(companyID: companyID, filter: filter)
            #expect(users.first?.values[.cnp] == Self.cnp)
            #expect(users.first?.values[.bankAccount] == Self.iban)
            await current.shutdown()
            let stale = try Store(location: .sqliteFile(path: path), keyring: old, logger: Logger(label: "t"))
            await #expect(throws: DataKeyRefusal.mismatch(recorded: rotated.fingerprint, offered: old.fingerprint)) {
                try await stale.checkDataKeys()
            }
            await #expect(throws: (any Error).self) { try await stale.users(companyID: companyID, filter: UserListFilter()) }
            await stale.shutdown()
        }
    }

    @Test("a key file is written with mode 0600, never created by loading, and a readable-by-others one is refused")
    func keyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iflow-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try DataKeyring.load(environment: [:], file: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        let created = DataKeyring.generate()
        try created.write(to: path, replacing: false)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try DataKeyring.load(environment: [:], file: path) == created)
        try DataKeyring.generate().write(to: path, replacing: false)
        #expect(try DataKeyring.load(environment: [:], file: path) == created)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: DataKeyring.Failure.self) { try DataKeyring.load(environment: [:], file: path) }
        #expect(try DataKeyring.load(environment: ["IFLOW_DATA_KEY": created.text], file: "/nonexistent") == created)
    }
}
