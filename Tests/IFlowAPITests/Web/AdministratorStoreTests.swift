import Foundation
import IFlowCore
import IFlowStore
import Testing

@Suite("Administrators and sessions in the store")
struct AdministratorStoreTests {
    @Test("e-mail addresses are normalised and unique across companies; weak passwords are refused")
    func credentials() async throws {
        try await withApp { _, f in
            // MUT
            let created = try await f.store.createAdministrator(companyID: f.companyID, email: "  Ana@Acme.RO ", password: WebTest.password, cost: 4)
            // validation
            #expect(created.email == "ana@acme.ro")
            await #expect(throws: AdministratorError.emailTaken) {
                try await f.store.createAdministrator(companyID: f.otherCompanyID, email: "ana@acme.ro", password: WebTest.password, cost: 4)
            }
            await #expect(throws: AdministratorError.passwordTooShort(minimum: 12)) {
                try await f.store.createAdministrator(companyID: f.companyID, email: "ion@acme.ro", password: "short", cost: 4)
            }
            await #expect(throws: AdministratorError.passwordTooLong(maximumBytes: 72)) {
                try await f.store.createAdministrator(
                    companyID: f.companyID, email: "ion@acme.ro", password: String(repeating: "ă", count: 37), cost: 4)
            }
            await #expect(throws: AdministratorError.invalidEmail) {
                try await f.store.createAdministrator(companyID: f.companyID, email: "ion at acme", password: WebTest.password, cost: 4)
            }
            await #expect(throws: AdministratorError.noSuchCompany) {
                try await f.store.createAdministrator(companyID: 999_999, email: "ion@acme.ro", password: WebTest.password, cost: 4)
            }
            #expect(try await f.store.verifyAdministrator(email: "ANA@acme.ro", password: WebTest.password) == created.id)
            #expect(try await f.store.verifyAdministrator(email: "ana@acme.ro", password: WebTest.password + "x") == nil)
        }
    }

    @Test("a session ends when it expires and when the password changes")
    func sessions() async throws {
        try await withApp { _, f in
            // setup
            let administrator = try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            let id = try #require(administrator.id)
            // MUT
            let live = try await f.store.createAdminSession(administratorID: id, lifetime: 3600)
            let expired = try await f.store.createAdminSession(administratorID: id, lifetime: -1)
            // validation
            let signedIn = try #require(try await f.store.signedInAdministrator(token: live.token))
            #expect(signedIn.company.id == f.companyID && signedIn.csrfToken == live.csrfToken)
            #expect(try await f.store.signedInAdministrator(token: expired.token) == nil)
            #expect(try await f.store.signedInAdministrator(token: live.token + "x") == nil)
            try await f.store.setAdministratorPassword(email: "ana@acme.ro", password: "another long password", cost: 4)
            #expect(try await f.store.signedInAdministrator(token: live.token) == nil)
        }
    }
}
