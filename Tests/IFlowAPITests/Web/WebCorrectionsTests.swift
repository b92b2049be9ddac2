import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

/// Closing the month: the timesheet's attendance exceptions, each opening the day where it is fixed, and the audit page
/// of who changed what.
@Suite("Web: corrections and audit")
struct WebCorrectionsTests {
    /// The rows of the timesheet's corrections block.
    static func corrections(in html: String) -> String {
        guard let start = html.range(of: "id=\"corrections\"") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    /// The first group of every match of `pattern`.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("the timesheet lists the month's attendance exceptions per employee, each linking to the employee's day")
    func timesheetExceptions() async throws {
        try await withApp { client, f in
            // setup: Ana planned on 1 December 2025 and other days, never present; present on 2 December unplanned
            let people = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            _ = try await f.store.recordScans(
                [NewScan(userID: people.ion, instant: 1_764_655_200, source: .terminal, arrival: .live)],  // 2 December 08:00 in Bucharest
                companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
            // MUT
            let page = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            // validation
            #expect(page.status == .ok)
            let block = Self.corrections(in: page.text)
            #expect(block.contains("Corrections before closing"))
            #expect(block.contains("<li data-exception=\"no_presence\"><a href=\"/admin/employees/\(people.ana)/days/2025-12-01\">2025-12-01</a>"))
            #expect(block.contains("No presence on a planned work day (shift from 08:00)"))
            #expect(block.contains("href=\"/admin/employees/\(people.ion)/days/2025-12-02\""), "presence on a day with no plan")
            #expect(block.contains("href=\"/admin/audit?month=2025-12\""))
            #expect(!page.text.contains("Străin"), "another company's employee")
            // The API's rule gives the same exceptions.
            let api = try await client.post(
                "/api_v2/attendance/get_exceptions",
                ["api_key": f.key, "api_language": "en_US", "date_interval_start": "2025-12-01", "date_interval_end": "2025-12-31"]
            ).decode(AttendanceExceptionsReplyMirror.self)
            let listed = api.users.flatMap { user in user.exceptions.map { "\(user.userID) \($0.date) \($0.type)" } }
            let shown = Self.matches(#"employees/([0-9]+/days/[0-9-]+)">[0-9-]+</a>"#, in: block)
            #expect(listed.count == shown.count && !listed.isEmpty)
        }
    }

    @Test("the audit page lists the month's changes, newest first, filtered by employee, who changed it and kind, a page at a time")
    func auditPage() async throws {
        var options = WebOptions()
        options.auditPageSize = 2
        try await withApp(web: options) { client, f in
            // setup: the API key plans days (set_day) and creates employees; Ana adds an entry from the web with a reason
            let people = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let day = "/admin/employees/\(people.ion)/days/2025-12-03"
            let added = try await client.submit(
                day + "/entries", ["csrf_token": try #require(browser.csrf), "time": "09:00", "direction": "", "note": "", "reason": "ecuson uitat"],
                as: &browser)
            #expect(added.status == .seeOther)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: "Europe/Bucharest"))
            let now = calendar.dateComponents([.year, .month], from: Date())
            let month = String(format: "%04d-%02d", try #require(now.year), try #require(now.month))
            // MUT
            let all = try await client.get("/admin/audit", as: &browser)
            let second = try await client.get("/admin/audit?month=\(month)&page=2", as: &browser)
            let byActor = try await client.get("/admin/audit?actor=ana%40acme.ro", as: &browser)
            let byKind = try await client.get("/admin/audit?kind=schedule", as: &browser)
            let byEmployee = try await client.get("/admin/audit?employee=\(people.ion)&kind=attendance", as: &browser)
            let otherMonth = try await client.get("/admin/audit?month=2025-01", as: &browser)
            let garbage = try await client.get("/admin/audit?month=x&employee=-1&kind=nope&page=0&actor=nobody", as: &browser)
            // validation
            #expect([all, second, byActor, byKind, byEmployee, otherMonth, garbage].allSatisfy { $0.status == .ok })
            #expect(all.text.contains("aria-current=\"page\">Audit</a>"))
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).total
            #expect(all.text.contains("1–2 of \(events)") && all.text.contains("rel=\"next\""))
            #expect(all.text.contains("data-action=\"attendance.added\""), "the newest change first")
            #expect(second.text.contains("3–4 of \(events)") && second.text.contains("rel=\"prev\""))
            let actorRows = Self.matches(#"data-action="([a-z_.]+)""#, in: byActor.text)
            #expect(actorRows == ["attendance.added"])
            #expect(byActor.text.contains("ecuson uitat") && byActor.text.contains("<option value=\"ana@acme.ro\" selected>"))
            #expect(byKind.text.contains("data-action=\"schedule.set_day\"") && !byKind.text.contains("data-action=\"attendance.added\""))
            #expect(byEmployee.text.contains("<a href=\"/admin/employees/\(people.ion)\">Ion Ionescu</a>"))
            #expect(Self.matches(#"data-action="([a-z_.]+)""#, in: byEmployee.text) == ["attendance.added"])
            #expect(otherMonth.text.contains("No changes match."))
            #expect(garbage.text.contains("1–2 of \(events)"), "what does not read is left at its default")
            let others = try await f.store.auditEvents(companyID: f.otherCompanyID, filter: AuditFilter()).total
            #expect(others > 0, "another company's changes exist and are not counted above")
        }
    }

    @Test("the employee's day changes its plan or absence code with a required reason, which the audit trail keeps")
    func changesPlan() async throws {
        try await withApp { client, f in
            // setup: Ana planned 08:00-16:00 on 1 December 2025, a night 22:00-06:00 on 30 November
            let people = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            let day = "/admin/employees/\(people.ana)/days/2025-12-01"
            let form = try await client.get(day, as: &browser)
            #expect(form.text.contains("action=\"\(day)/plan\"") && form.text.contains("value=\"08:00-16:00\""))
            let csrf = try #require(browser.csrf)
            // MUT
            let noReason = try await client.submit(day + "/plan", ["csrf_token": csrf, "type": "CO", "reason": " "], as: &browser)
            let badShifts = try await client.submit(day + "/plan", ["csrf_token": csrf, "shifts": "25:00-26:00", "reason": "x"], as: &browser)
            let overlap = try await client.submit(
                day + "/plan", ["csrf_token": csrf, "shifts": "05:00-13:00", "reason": "tura mutată"], as: &browser)
            let unchanged = try await f.store.dayPlans(
                userIDs: [people.ana], from: LocalDate(iso: "2025-12-01")!, through: LocalDate(iso: "2025-12-01")!)
            let leave = try await client.submit(day + "/plan", ["csrf_token": csrf, "type": "CO", "reason": "concediu aprobat"], as: &browser)
            let foreign = try await client.submit(
                "/admin/employees/\(people.stranger)/days/2025-12-01/plan", ["csrf_token": csrf, "type": "CO", "reason": "x"], as: &browser)
            // validation
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("Give a reason"))
            #expect(badShifts.status == .unprocessableContent && badShifts.text.contains("value=\"25:00-26:00\""))
            #expect(overlap.status == .unprocessableContent && overlap.text.contains("2025-11-30"), "the night before ends at 06:00")
            #expect(unchanged[people.ana]?.first?.type == .work, "a refused change changes nothing")
            #expect(leave.status == .seeOther && leave.location == day + "?planned=1")
            #expect(foreign.status == .notFound)
            let plans = try await f.store.dayPlans(userIDs: [people.ana], from: LocalDate(iso: "2025-12-01")!, through: LocalDate(iso: "2025-12-01")!)
            #expect(plans[people.ana]?.map(\.type) == [.CO])
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.first.map { "\($0.action) \($0.actorLabel) \($0.detail)" } == "schedule.set_day ana@acme.ro 2025-12-01: concediu aprobat")
            let shown = try await client.get(try #require(leave.location), as: &browser)
            #expect(shown.text.contains("plan was changed.") && shown.text.contains("<option value=\"CO\" selected>"))
        }
    }
}
