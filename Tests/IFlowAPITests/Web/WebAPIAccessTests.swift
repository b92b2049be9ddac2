import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: Settings → API access")
struct WebAPIAccessTests {
    @Test("generating shows the new key once, with the warning; the key works; the list then shows only its first characters")
    func generates() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: .enUS)
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            // MUT
            let page = try await client.submit(
                "/admin/settings/api-access", ["csrf_token": try #require(browser.csrf), "label": "Salarizare"], as: &browser)
            // validation
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "no-store")
            let secret = try #require(Page.firstMatch(#"<code id="new-key">(ifk_[A-Za-z0-9_-]{43})</code>"#, in: page.text))
            #expect(page.text.contains("It will not be shown again"))
            #expect(page.text.contains("data-copy-target=\"new-key\""))
            let authenticated = try await f.store.authenticate(secret: secret)
            #expect(authenticated?.company.id == f.companyID)
            let list = try await client.get("/admin/settings/api-access", as: &browser)
            #expect(!list.text.contains(secret))
            #expect(list.text.contains(String(secret.prefix(12)) + "…"))
            #expect(list.text.contains("Salarizare"))
            #expect(!list.text.contains("/edit"), "keys cannot be edited")
        }
    }

    @Test("an empty or multi-line label is refused and no key is made")
    func refusesBadLabels() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            for label in ["   ", "two\nlines", String(repeating: "x", count: 101)] {
                // MUT
                let page = try await client.submit(
                    "/admin/settings/api-access", ["csrf_token": try #require(browser.csrf), "label": label], as: &browser)
                // validation
                #expect(page.status == .unprocessableContent)
                #expect(!page.text.contains("id=\"new-key\""))
            }
            #expect(try await f.store.apiKeys(companyID: f.companyID).count == 1)
        }
    }

    @Test("revoking asks for confirmation; once confirmed the key stops working")
    func revokes() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: .enUS)
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            let keyID = try #require(try await f.store.apiKeys(companyID: f.companyID).first?.id)
            let confirm = try await client.get("/admin/settings/api-access/\(keyID)/revoke", as: &browser)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("type=\"checkbox\" name=\"confirm\""))
            // MUT: without the box ticked
            let unconfirmed = try await client.submit(
                "/admin/settings/api-access/\(keyID)/revoke", ["csrf_token": try #require(browser.csrf)], as: &browser)
            // validation
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await f.store.authenticate(secret: f.key) != nil)
            // MUT: confirmed
            let revoked = try await client.submit(
                "/admin/settings/api-access/\(keyID)/revoke", ["csrf_token": try #require(browser.csrf), "confirm": "yes"], as: &browser
            )
            // validation
            #expect(revoked.status == .seeOther)
            #expect(try await f.store.authenticate(secret: f.key) == nil)
            let reply = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"])
            #expect(reply.checks == ["api_key:valid_api_key"])
            let list = try await client.get(try #require(revoked.location), as: &browser)
            #expect(list.text.contains("The key was revoked."))
            #expect(list.text.contains("Revoked 20"))
            #expect(try await client.get("/admin/settings/api-access/\(keyID)/revoke", as: &browser).status == .notFound)
        }
    }

    @Test("every POST without the session's CSRF token is refused and changes nothing")
    func csrf() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ion@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            var colleague = Browser()
            try await client.signIn("ion@acme.ro", as: &colleague)
            let keyID = try #require(try await f.store.apiKeys(companyID: f.companyID).first?.id)
            let colleagueToken: String = try #require(colleague.csrf)
            let posts: [(String, [String: String])] = [
                ("/admin/settings/api-access", ["label": "attacker"]),
                ("/admin/settings/api-access/\(keyID)/revoke", ["confirm": "yes"]),
                ("/admin/language", ["language": "en_US", "next": "/admin/timesheet"]),
                ("/admin/sign-out", [:]),
            ]
            for (path, fields) in posts {
                for token in [nil, "", colleagueToken] as [String?] {
                    var sent = fields
                    if let token { sent["csrf_token"] = token }
                    // MUT
                    let page = try await client.submit(path, sent, as: &browser)
                    // validation
                    #expect(page.status == .forbidden, "\(path) with token \(token ?? "none")")
                }
            }
            #expect(try await f.store.apiKeys(companyID: f.companyID).count == 1)
            #expect(try await f.store.authenticate(secret: f.key) != nil)
            #expect(try await client.get("/admin/timesheet", as: &browser).text.contains("lang=\"ro\""))
        }
    }

    @Test("the language switch changes the pages and is remembered for the administrator")
    func language() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            #expect(try await client.get("/admin/settings/api-access", as: &browser).text.contains("Generează cheia"))
            // MUT
            let switched = try await client.submit(
                "/admin/language", ["csrf_token": try #require(browser.csrf), "language": "en_US", "next": "/admin/settings/api-access"], as: &browser
            )
            // validation
            #expect(switched.location == "/admin/settings/api-access")
            let page = try await client.get("/admin/settings/api-access", as: &browser)
            #expect(page.text.contains("Generate key"))
            #expect(page.text.contains("<html lang=\"en\">"))
            var elsewhere = Browser()
            try await client.signIn("ana@acme.ro", as: &elsewhere)
            #expect(try await client.get("/admin/employees", as: &elsewhere).text.contains("Employees"))
        }
    }
}
