import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: an employee's day, adding and deleting entries")
struct WebDayEntryTests {
    /// The fixture's employees (`WebCompanyDataTests.seed`): Ana Pop and Ion Ionescu, and the other company's Străin.
    struct People {
        var ana: Int
        var ion: Int
        var stranger: Int
    }

    static func people(_ client: some TestClientProtocol, _ f: Fixture) async throws -> People {
        try await WebCompanyDataTests.seed(client, f)
        func id(_ company: Int, _ cnp: String) async throws -> Int {
            var search = EmployeeSearch()
            search.text = cnp
            return try #require(try await f.store.searchUsers(companyID: company, search: search).users.first?.id)
        }
        return People(
            ana: try await id(f.companyID, WebCompanyDataTests.cnp), ion: try await id(f.companyID, WebCompanyDataTests.otherCNP),
            stranger: try await id(f.otherCompanyID, WebCompanyDataTests.cnp)
        )
    }

    /// Every scan of `userID` on 1 December 2025 and around it.
    static func scans(_ f: Fixture, _ userID: Int) async throws -> [StoredScan] {
        let from = 1_764_540_000  // 2025-11-30 22:00 UTC, 1 December 00:00 in Bucharest
        return try await f.store.scans(companyID: f.companyID, userIDs: [userID], from: from, through: from + 86_400, limits: .iFlowDefaults)[userID]
            ?? []
    }

    @Test("an entry with a reason is stored as a web entry by the administrator, audited, and shown on the day and the timesheet")
    func adds() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            let page = try await client.get(day, as: &browser)
            #expect(page.status == .ok)
            #expect(page.text.contains("Ana Pop") && page.text.contains("Monday 1 December 2025"))
            #expect(page.text.contains("08:00-16:00, break 30 min"))
            // MUT
            let first = try await client.submit(
                day + "/entries", ["csrf_token": try #require(browser.csrf), "time": "07:58", "direction": "", "note": "", "reason": "ecuson uitat"],
                as: &browser)
            let second = try await client.submit(
                day + "/entries",
                ["csrf_token": try #require(browser.csrf), "time": "16:05:30", "direction": "out", "note": "plecat pe jos", "reason": "telefon HR"],
                as: &browser)
            // validation
            #expect(first.status == .seeOther && first.location == day + "?added=1")
            #expect(second.status == .seeOther)
            let stored = try await Self.scans(f, people.ana)
            #expect(stored.map(\.scan.instant) == [1_764_568_680, 1_764_597_930], "07:58 and 16:05:30 in Bucharest (UTC+2)")
            #expect(stored.allSatisfy { $0.scan.source == .web && $0.arrival == .entry && $0.actorLabel == "ana@acme.ro" })
            #expect(stored.map(\.scan.direction) == [nil, .checkOut])
            #expect(stored.map(\.note) == ["ecuson uitat", "telefon HR — plecat pe jos"])
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            let added = events.filter { $0.action == "attendance.added" && $0.actorLabel == "ana@acme.ro" && $0.actorType == "administrator" }
            #expect(added.count == 2)
            #expect(added.contains { $0.detail.hasSuffix(" (out): telefon HR — plecat pe jos") })
            #expect(added.contains { $0.detail.hasSuffix("T05:58:00Z: ecuson uitat") })
            let shown = try await client.get(try #require(second.location), as: &browser)
            #expect(shown.text.contains("The entry was added."))
            #expect(shown.text.contains("<code>07:58:00</code>") && shown.text.contains("<code>16:05:30</code>"))
            #expect(shown.text.contains("Check-in") && shown.text.contains("Check-out"))
            #expect(shown.text.contains("Web · ana@acme.ro · manual entry"))
            #expect(shown.text.contains("07:58–16:05"))
            let live = try await client.get("/admin/timesheet?month=2025-12&attendance_type=live_attendance", as: &browser)
            #expect(live.status == .ok)
            #expect(live.text.contains("Present 07:58–16:05"))
            #expect(live.text.contains("href=\"\(day)\""))
            #expect(live.text.contains("aria-current=\"page\">Actual presence (Prezență reală)</a>"))
            let planned = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            #expect(!planned.text.contains("Present 07:58"), "the plan shows no presence")
            #expect(planned.text.contains(">13.5</a></td>"))
        }
    }

    @Test("a refused entry names every problem in the administrator's language and stores nothing")
    func refusesEntries() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f, language: .roRO)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            _ = try await client.get(day, as: &browser)
            let cases: [([String: String], [String])] = [
                (["time": "08:00", "reason": "  "], ["Scrieți motivul."]),
                (["time": "8", "reason": "x"], ["Scrieți ora ca HH:MM sau HH:MM:SS."]),
                (["time": "24:00", "direction": "sideways", "reason": "x"], ["Scrieți ora ca HH:MM sau HH:MM:SS.", "Alegeți un sens din listă."]),
                (["time": "08:00", "note": "a\nb", "reason": String(repeating: "r", count: 201)], ["Nota trebuie", "Motivul trebuie"]),
            ]
            for (fields, messages) in cases {
                // MUT
                let page = try await client.submit(
                    day + "/entries", fields.merging(["csrf_token": try #require(browser.csrf)]) { a, _ in a }, as: &browser)
                // validation
                #expect(page.status == .unprocessableContent, "\(fields)")
                for message in messages { #expect(page.text.contains(message), "\(fields): \(message)") }
            }
            // MUT: a time in the future, and a time the clocks skip (29 March 2026, 03:30 in Bucharest)
            let future = try await client.submit(
                "/admin/employees/\(people.ana)/days/2099-12-01/entries", ["csrf_token": try #require(browser.csrf), "time": "08:00", "reason": "x"],
                as: &browser)
            let gap = try await client.submit(
                "/admin/employees/\(people.ana)/days/2026-03-29/entries", ["csrf_token": try #require(browser.csrf), "time": "03:30", "reason": "x"],
                as: &browser)
            // validation
            #expect(future.status == .unprocessableContent && future.text.contains("Ora este în viitor."))
            #expect(gap.status == .unprocessableContent && gap.text.contains("ceasul a fost dat înainte"))
            #expect(try await Self.scans(f, people.ana).isEmpty)
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "en@acme.ro", language: .enUS)
            var en = Browser()
            try await client.signIn("en@acme.ro", as: &en)
            let page = try await client.submit(day + "/entries", ["csrf_token": try #require(en.csrf), "time": "08:00"], as: &en)
            #expect(page.status == .unprocessableContent && page.text.contains("Give a reason."))
        }
    }

    @Test("a second entry within the duplicate window is refused and stores nothing")
    func duplicate() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            _ = try await client.get(day, as: &browser)
            let fields = ["csrf_token": try #require(browser.csrf), "time": "08:00", "reason": "ecuson uitat"]
            #expect(try await client.submit(day + "/entries", fields, as: &browser).status == .seeOther)
            // MUT
            let again = try await client.submit(day + "/entries", fields.merging(["time": "08:00:30"]) { _, new in new }, as: &browser)
            // validation
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("less than 60 seconds away"))
            #expect(try await Self.scans(f, people.ana).count == 1)
        }
    }

    @Test("deleting needs a reason; the deleted entry stays listed with who, when and why, and no longer counts")
    func deletes() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            _ = try await client.get(day, as: &browser)
            for time in ["08:00", "16:00"] {
                _ = try await client.submit(
                    day + "/entries", ["csrf_token": try #require(browser.csrf), "time": time, "reason": "pontaj manual"], as: &browser)
            }
            let out = try #require(try await Self.scans(f, people.ana).last?.scan.id)
            // MUT: without a reason
            let refused = try await client.submit(
                day + "/entries/\(out)/delete", ["csrf_token": try #require(browser.csrf), "reason": " "], as: &browser)
            // validation
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Give a reason."))
            #expect(refused.text.contains("<details class=\"delete\" open>"))
            #expect(try await Self.scans(f, people.ana).allSatisfy { !$0.scan.isDeleted })
            // MUT: with a reason
            let deleted = try await client.submit(
                day + "/entries/\(out)/delete", ["csrf_token": try #require(browser.csrf), "reason": "ieșire greșită"], as: &browser)
            // validation
            #expect(deleted.status == .seeOther && deleted.location == day + "?deleted=1")
            let stored = try await Self.scans(f, people.ana)
            #expect(stored.map(\.scan.isDeleted) == [false, true])
            #expect(stored.last?.deletionReason == "ieșire greșită" && stored.last?.deletedBy == "ana@acme.ro")
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.contains { $0.action == "attendance.deleted" && $0.actorLabel == "ana@acme.ro" && $0.detail.contains("ieșire greșită") })
            let page = try await client.get(day, as: &browser)
            #expect(page.text.contains("Deleted by ana@acme.ro on 20"))
            #expect(page.text.contains(": ieșire greșită"))
            #expect(page.text.contains("No presence recorded"), "the check-in left has no check-out, and is long past the reset limit")
            #expect(!page.text.contains("08:00–16:00"))
            #expect(
                try await client.submit(day + "/entries/\(out)/delete", ["csrf_token": try #require(browser.csrf), "reason": "x"], as: &browser)
                    .status == .notFound)
        }
    }

    @Test("another company's employee, or another employee's entry, answers 404 like a missing one and changes nothing")
    func otherCompany() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let recorded = try await f.store.recordScans(
                [NewScan(userID: people.stranger, instant: 1_764_568_800, source: .api, arrival: .entry)], companyID: f.otherCompanyID,
                limits: .iFlowDefaults, actor: .commandLine)
            let foreign = try #require(recorded.ids.first.flatMap { $0 })
            let csrf = try #require(browser.csrf)
            // MUT
            let pages = [
                try await client.get("/admin/employees/\(people.stranger)/days/2025-12-01", as: &browser),
                try await client.submit(
                    "/admin/employees/\(people.stranger)/days/2025-12-01/entries", ["csrf_token": csrf, "time": "09:00", "reason": "x"], as: &browser),
                try await client.submit(
                    "/admin/employees/\(people.stranger)/days/2025-12-01/entries/\(foreign)/delete", ["csrf_token": csrf, "reason": "x"], as: &browser
                ),
                try await client.submit(
                    "/admin/employees/\(people.ana)/days/2025-12-01/entries/\(foreign)/delete", ["csrf_token": csrf, "reason": "x"], as: &browser),
                try await client.get("/admin/employees/999999/days/2025-12-01", as: &browser),
                try await client.get("/admin/employees/\(people.ana)/days/2025-13-01", as: &browser),
                try await client.get("/admin/employees/\(people.ana)/days/1800-01-01", as: &browser),
            ]
            // validation
            #expect(pages.map(\.status) == Array(repeating: .notFound, count: pages.count))
            let strangers = try await f.store.scans(
                companyID: f.otherCompanyID, userIDs: [people.stranger], from: 1_764_540_000, through: 1_764_626_400, limits: .iFlowDefaults)
            #expect(strangers[people.stranger]?.map(\.scan.isDeleted) == [false])
        }
    }

    @Test("every POST of the day and device pages without the session's CSRF token is refused and changes nothing")
    func csrf() async throws {
        try await withApp { client, f in
            // setup
            let people = try await Self.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ion@acme.ro")
            var colleague = Browser()
            try await client.signIn("ion@acme.ro", as: &colleague)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            _ = try await client.submit(day + "/entries", ["csrf_token": try #require(browser.csrf), "time": "08:00", "reason": "x"], as: &browser)
            let scan = try #require(try await Self.scans(f, people.ana).first?.scan.id)
            let colleagueToken: String = try #require(colleague.csrf)
            let device = try await f.store.createDevice(companyID: f.companyID, label: "Poarta", actor: .commandLine)
            let posts: [(String, [String: String])] = [
                ("/admin/settings/devices", ["label": "attacker"]),
                ("/admin/settings/devices/\(device.id)/revoke", ["confirm": "yes"]),
                (day + "/entries", ["time": "12:00", "reason": "attacker"]),
                (day + "/entries/\(scan)/delete", ["reason": "attacker"]),
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
            #expect(try await f.store.devices(companyID: f.companyID).map(\.revokedAt) == [nil])
            #expect(try await Self.scans(f, people.ana).map(\.scan.isDeleted) == [false])
        }
    }
}
