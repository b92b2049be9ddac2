import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: Settings → RFID devices")
struct WebDevicesTests {
    @Test("registering shows the 78-digit token once, with the copy button; the token works; the list shows only its first digits")
    func registers() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: .enUS)
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            // MUT
            let page = try await client.submit(
                "/admin/settings/devices", ["csrf_token": try #require(browser.csrf), "label": "Poarta 1"], as: &browser)
            // validation
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "no-store")
            let token = try #require(Page.firstMatch(#"<code id="new-device-token">([0-9]{78})</code>"#, in: page.text))
            #expect(page.text.contains("It will not be shown again"))
            #expect(page.text.contains("data-copy-target=\"new-device-token\""))
            #expect(page.text.contains("<script src=\"/admin/static/copy.js\" defer></script>"))
            let device = try #require(try await f.store.authenticateDevice(token: token))
            #expect(device.company.id == f.companyID)
            #expect(device.label == "Poarta 1")
            let list = try await client.get("/admin/settings/devices", as: &browser)
            #expect(list.status == .ok)
            #expect(!list.text.contains(token))
            #expect(list.text.contains("<code>" + String(token.prefix(8)) + "…</code>"))
            #expect(list.text.contains("Poarta 1") && list.text.contains("never"))
            #expect(list.text.contains("aria-current=\"page\">Settings → RFID devices</a>"))
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.contains { $0.action == "device.created" && $0.actorLabel == "ana@acme.ro" })
        }
    }

    @Test("an empty, multi-line or too long label is refused in the administrator's language and no device is made")
    func refusesBadLabels() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            for (label, message) in [
                ("   ", "Dați o etichetă dispozitivului."), ("two\nlines", "Eticheta trebuie să fie un singur rând"),
                (String(repeating: "x", count: 101), "Eticheta trebuie să fie un singur rând"),
            ] {
                // MUT
                let page = try await client.submit(
                    "/admin/settings/devices", ["csrf_token": try #require(browser.csrf), "label": label], as: &browser)
                // validation
                #expect(page.status == .unprocessableContent)
                #expect(page.text.contains(message), "\(label)")
                #expect(!page.text.contains("id=\"new-device-token\""))
            }
            #expect(try await f.store.devices(companyID: f.companyID).isEmpty)
        }
    }

    @Test("revoking asks for confirmation; once confirmed the token stops working and the list marks it revoked")
    func revokes() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: .enUS)
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            let issued = try await f.store.createDevice(companyID: f.companyID, label: "Poarta 2", actor: .commandLine)
            let confirm = try await client.get("/admin/settings/devices/\(issued.id)/revoke", as: &browser)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("type=\"checkbox\" name=\"confirm\""))
            #expect(confirm.text.contains("Poarta 2"))
            // MUT: without the box ticked
            let unconfirmed = try await client.submit(
                "/admin/settings/devices/\(issued.id)/revoke", ["csrf_token": try #require(browser.csrf)], as: &browser)
            // validation
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("Tick the box to confirm."))
            #expect(try await f.store.authenticateDevice(token: issued.token) != nil)
            // MUT: confirmed
            let revoked = try await client.submit(
                "/admin/settings/devices/\(issued.id)/revoke", ["csrf_token": try #require(browser.csrf), "confirm": "yes"], as: &browser)
            // validation
            #expect(revoked.status == .seeOther)
            #expect(try await f.store.authenticateDevice(token: issued.token) == nil)
            let list = try await client.get(try #require(revoked.location), as: &browser)
            #expect(list.text.contains("The device was revoked."))
            #expect(list.text.contains("<tr class=\"revoked\">"))
            #expect(list.text.contains("Revoked 20"))
            #expect(try await client.get("/admin/settings/devices/\(issued.id)/revoke", as: &browser).status == .notFound)
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.contains { $0.action == "device.revoked" && $0.actorLabel == "ana@acme.ro" })
        }
    }

    @Test("another company's device is not listed, and revoking it answers 404 like a missing one and changes nothing")
    func otherCompany() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            let foreign = try await f.store.createDevice(companyID: f.otherCompanyID, label: "Străin poarta", actor: .commandLine)
            // MUT
            let list = try await client.get("/admin/settings/devices", as: &browser)
            let confirm = try await client.get("/admin/settings/devices/\(foreign.id)/revoke", as: &browser)
            let revoke = try await client.submit(
                "/admin/settings/devices/\(foreign.id)/revoke", ["csrf_token": try #require(browser.csrf), "confirm": "yes"], as: &browser)
            let missing = try await client.get("/admin/settings/devices/999999/revoke", as: &browser)
            // validation
            #expect(!list.text.contains("Străin poarta"))
            #expect(confirm.status == .notFound && revoke.status == .notFound && missing.status == .notFound)
            #expect([confirm, revoke, missing].allSatisfy { $0.text.contains("<h1>Pagina nu există</h1>") })
            #expect(try await f.store.authenticateDevice(token: foreign.token) != nil)
        }
    }

    @Test("without a session the pages send the browser to sign in")
    func needsSession() async throws {
        try await withApp { client, _ in
            var browser = Browser()
            // MUT
            let page = try await client.get("/admin/settings/devices", as: &browser)
            // validation
            #expect(page.status == .seeOther)
            #expect(page.location == "/admin/sign-in?next=%2Fadmin%2Fsettings%2Fdevices")
        }
    }
}
