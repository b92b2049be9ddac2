import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@Suite("Web: locking a month from the timesheet")
struct WebMonthLockTests {
    @Test("the timesheet locks the month only once confirmed, a change in it is then refused, and unlocking reopens it; both audited")
    func lockRefuseUnlock() async throws {
        try await withApp { client, f in
            // setup
            let people = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let sheet = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            #expect(sheet.text.contains("action=\"/admin/timesheet/lock\""), "the lock button is on the page")
            let csrf = try #require(browser.csrf)
            let month = ["csrf_token": csrf, "year": "2025", "month": "12"]

            // MUT: unconfirmed, then confirmed
            let unconfirmed = try await client.submit("/admin/timesheet/lock", month, as: &browser)
            let stillOpen = try await f.store.lockedMonth(companyID: f.companyID, year: 2025, month: 12)
            let locked = try await client.submit("/admin/timesheet/lock", month.merging(["confirm": "1"]) { _, new in new }, as: &browser)
            let lockedPage = try await client.get(try #require(locked.location), as: &browser)
            let refused = try await client.submit(
                "/admin/employees/\(people.ana)/days/2025-12-02/entries",
                ["csrf_token": csrf, "time": "08:00", "direction": "", "note": "", "reason": "ecuson uitat"], as: &browser)

            // validation
            #expect(unconfirmed.status == .seeOther && unconfirmed.location?.contains("lock_notice=lock_unconfirmed") == true)
            #expect(stillOpen == nil, "nothing locked without the confirmation")
            #expect(try await f.store.lockedMonth(companyID: f.companyID, year: 2025, month: 12)?.isComplete == true)
            #expect(lockedPage.text.contains("The month is locked.") && lockedPage.text.contains("action=\"/admin/timesheet/unlock\""))
            #expect(refused.status == .unprocessableContent && refused.text.contains("2025-12 is locked"), "\(refused.status)")

            // MUT: unlock
            let unlocked = try await client.submit("/admin/timesheet/unlock", month.merging(["confirm": "1"]) { _, new in new }, as: &browser)

            // validation: open again, and both steps audited as the administrator
            #expect(unlocked.status == .seeOther)
            #expect(try await f.store.lockedMonth(companyID: f.companyID, year: 2025, month: 12) == nil)
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            let actions = events.filter { $0.action.hasPrefix("month.") }.map { "\($0.action) \($0.actorLabel)" }
            #expect(Set(actions) == ["month.lock ana@acme.ro", "month.unlock ana@acme.ro"], "\(actions)")
        }
    }

    @Test("a lock cut short shows as unfinished on the timesheet, which offers to finish it beside unlocking, and finishing it stores it")
    func unfinishedLock() async throws {
        try await withApp { client, f in
            // setup: December locked, then put back as a server that died between the two steps leaves it
            _ = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            _ = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            let csrf = try #require(browser.csrf)
            let month = ["csrf_token": csrf, "year": "2025", "month": "12", "confirm": "1"]
            _ = try await client.submit("/admin/timesheet/lock", month, as: &browser)
            try await f.store.sql().raw("DELETE FROM locked_month_employees").run()
            try await f.store.sql().raw("UPDATE locked_months SET status = 'locking'").run()

            // MUT
            let unfinished = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            let finished = try await client.submit("/admin/timesheet/lock", month, as: &browser)
            let locked = try await client.get(try #require(finished.location), as: &browser)

            // validation: the note and both buttons while unfinished; complete, with the unlock button alone, once finished
            #expect(unfinished.text.contains("A lock was cut short (or is running)"), "the page says the lock is not finished")
            #expect(unfinished.text.contains("formaction=\"/admin/timesheet/lock\">Finish the lock</button>"))
            #expect(unfinished.text.contains("action=\"/admin/timesheet/unlock\""), "unlocking reopens the month")
            #expect(try await f.store.lockedMonth(companyID: f.companyID, year: 2025, month: 12)?.isComplete == true)
            #expect(!locked.text.contains("Finish the lock") && locked.text.contains("The month is locked."))
        }
    }
}
