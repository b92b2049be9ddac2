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

    @Test("rotation re-seals under a new data key; the old key alone no longer opens the data")
    func rotation() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("data.sqlite").path
            let old = DataKeyring.generate()
            let store = try Store(location: .sqliteFile(path: path), keyring: old, logger: Logger(label: "t"))
            try await store.migrate()
            let companyID = try await addEmployee(store)
            await store.shutdown()

            // MUT
            let rotated = old.addingDataKey()
            let rotating = try Store(location: .sqliteFile(path: path), keyring: rotated, logger: Logger(label: "t"))
            #expect(try await rotating.resealPersonalData() == 3)
            #expect(try await rotating.resealPersonalData() == 0)
            await rotating.shutdown()

            // validation
            let current = try Store(location: .sqliteFile(path: path), keyring: rotated.droppingOldDataKeys(), logger: Logger(label: "t"))
            let (users, _) = try await current.users(companyID: companyID, filter: UserListFilter())
            #expect(users.first?.values[.cnp] == Self.cnp)
            #expect(users.first?.values[.bankAccount] == Self.iban)
            await current.shutdown()
            let stale = try Store(location: .sqliteFile(path: path), keyring: old, logger: Logger(label: "t"))
            await #expect(throws: (any Error).self) { try await stale.users(companyID: companyID, filter: UserListFilter()) }
            await stale.shutdown()
        }
    }

    @Test("a key file is created with mode 0600 and a readable-by-others one is refused")
    func keyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iflow-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let created = try DataKeyring.load(environment: [:], file: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try DataKeyring.load(environment: [:], file: path).text == created.text)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: DataKeyring.Failure.self) { try DataKeyring.load(environment: [:], file: path) }
        #expect(try DataKeyring.load(environment: ["IFLOW_DATA_KEY": created.text], file: "/nonexistent").text == created.text)
    }
}
