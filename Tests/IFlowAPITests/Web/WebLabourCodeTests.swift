import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: Labour Code warnings on the timesheet and Settings → Labour Code")
struct WebLabourCodeTests {
    static let message = "Rest between 2026-06-02 and 2026-06-03 is 8.00 h; at least 12.00 h are required"

    /// Ion Popescu (team Producție) with a night shift on Tuesday 2 June 2026 and an afternoon shift the next day: 8 h
    /// of rest, a `daily_rest` warning (art. 135(1)); Ana Pop with a plain day. Returns Ion's id.
    static func seed(_ client: some TestClientProtocol, _ f: Fixture) async throws -> Int {
        func call(_ path: String, _ fields: [String: String]) async throws -> Reply {
            let reply = try await client.post(path, ["api_key": f.key, "api_language": "en_US"].merging(fields) { a, _ in a })
            #expect(reply.errors.isEmpty, "\(path) \(fields): \(reply.text)")
            return reply
        }
        let id = try await call(
            "/api_v2/user/update", ["update_by": "cnp", "update_by_value": "1800101221144", "full_name": "Ion Popescu", "team_name": "Producție"]
        ).decode(UserUpdateReplyMirror.self).userID
        _ = try await call("/api_v2/user/update", ["update_by": "cnp", "update_by_value": "2950724420010", "full_name": "Ana Pop"])
        for (cnp, date, shifts) in [
            ("1800101221144", "2026-06-02", "22:00-06:00"), ("1800101221144", "2026-06-03", "14:00-22:00"),
            ("2950724420010", "2026-06-03", "08:00-16:00"),
        ] {
            _ = try await call(
                "/api_v2/schedule/set_day", ["user_by": "cnp", "user_by_value": cnp, "date": date, "shifts": shifts, "break_minutes": "30"]
            )
        }
        return try #require(Int(id))
    }

    /// Each marked cell of the page: the date, for the employee `id`, with its tooltip.
    static func marks(_ page: Page, id: Int) throws -> [String: String] {
        let regex = try NSRegularExpression(pattern: #"<td class="([^"]*)"><a href="/admin/employees/\#(id)/days/([0-9-]+)" title="([^"]*)">"#)
        var marks: [String: String] = [:]
        for match in regex.matches(in: page.text, range: NSRange(page.text.startIndex..., in: page.text)) {
            let text = { Range(match.range(at: $0), in: page.text).map { String(page.text[$0]) } ?? "" }
            if text(1).split(separator: " ").contains("warn") { marks[text(2)] = text(3) }
        }
        return marks
    }

    static func signedIn(_ client: some TestClientProtocol, _ f: Fixture, language: Language = .enUS) async throws -> Browser {
        try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: language)
        var browser = Browser()
        try await client.signIn("ana@acme.ro", as: &browser)
        return browser
    }

    /// Every rule ticked except `off`, as the settings form sends it.
    static func ruleFields(_ browser: Browser, off: Set<ComplianceRule>, confirm: Bool) throws -> [String: String] {
        var fields = ["csrf_token": try #require(browser.csrf)]
        for rule in ComplianceRule.allCases where !off.contains(rule) { fields["rule_" + rule.rawValue] = "on" }
        if confirm { fields["confirm"] = "yes" }
        return fields
    }

    @Test("the two days of a too short rest are marked with the warning in the tooltip and listed under the grid, in both languages")
    func marksTimesheet() async throws {
        try await withApp { client, f in
            // setup
            let id = try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            // MUT
            let page = try await client.get("/admin/timesheet?month=2026-06", as: &browser)
            // validation: only Ion's 2 and 3 June are marked, each with the API's message
            #expect(page.status == .ok)
            let marks = try Self.marks(page, id: id)
            #expect(marks.keys.sorted() == ["2026-06-02", "2026-06-03"])
            #expect(marks["2026-06-02"]?.hasPrefix("2026-06-02 · ") == true)
            #expect(marks.values.allSatisfy { $0.hasSuffix("⚠ " + Self.message) })
            #expect(page.text.components(separatedBy: "class=\"warn-mark\" aria-hidden=\"true\">!</span>").count - 1 == 2)
            let ana = try #require(
                try await f.store.reportUsers(companyID: f.companyID, month: (2026, 6), filter: ReportFilter()).first { $0.fullName == "Ana Pop" })
            #expect(try Self.marks(page, id: ana.id).isEmpty)
            // the list: one row with the rule, article, dates, times and figures
            let row = try #require(
                Page.firstMatch(#"(<tr data-rule="daily_rest">.*?</tr>)"#, in: page.text.replacingOccurrences(of: "\n", with: " ")))
            for part in [
                "Ion Popescu", "<code>daily_rest</code>", "art. 135(1)", "2026-06-02 – 2026-06-03", "2026-06-03 06:00 – 2026-06-03 14:00",
                "<td class=\"num\">8.00</td>", "<td class=\"num\">12.00</td>", Self.message,
            ] {
                #expect(row.contains(part), "\(part)")
            }
            #expect(page.text.components(separatedBy: "<tr data-rule=").count - 1 == 1)
            #expect(page.text.contains("1 on this page"))
            #expect(page.text.contains("Rules checked: daily_rest (art. 135), weekly_rest (art. 137(1)),"))
            #expect(page.text.contains("meal_break (art. 134(1))."))
            // Romanian
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ion@acme.ro", language: .roRO)
            var romanian = Browser()
            try await client.signIn("ion@acme.ro", as: &romanian)
            let ro = try await client.get("/admin/timesheet?month=2026-06", as: &romanian)
            #expect(
                try Self.marks(ro, id: id)["2026-06-03"]?.hasSuffix(
                    "⚠ Repausul dintre 2026-06-02 și 2026-06-03 este de 8.00 ore; sunt necesare cel puțin 12.00 ore") == true)
            #expect(ro.text.contains("Reguli verificate: daily_rest (art. 135)"))
        }
    }

    @Test("Prezență reală marks the warnings of the time present, not of the plan")
    func marksLiveAttendance() async throws {
        try await withApp { client, f in
            // setup: Ion was present 1 June 22:00 – 2 June 06:00 and 2 June 14:00–22:00, 8 h of rest a day earlier than planned
            let id = try await Self.seed(client, f)
            for (time, direction) in [
                ("2026-06-01 22:00", "in"), ("2026-06-02 06:00", "out"), ("2026-06-02 14:00", "in"), ("2026-06-02 22:00", "out"),
            ] {
                let reply = try await client.post(
                    "/api_v2/attendance/add",
                    [
                        "api_key": f.key, "api_language": "en_US", "user_by": "cnp", "user_by_value": "1800101221144", "time": time,
                        "direction": direction,
                    ]
                )
                #expect(reply.errors.isEmpty, "\(reply.text)")
            }
            var browser = try await Self.signedIn(client, f)
            // MUT
            let live = try await client.get("/admin/timesheet?month=2026-06&attendance_type=live_attendance", as: &browser)
            let planned = try await client.get("/admin/timesheet?month=2026-06", as: &browser)
            // validation
            #expect(live.status == .ok)
            let marks = try Self.marks(live, id: id)
            #expect(marks.keys.sorted() == ["2026-06-01", "2026-06-02"])
            #expect(marks["2026-06-01"]?.contains("⚠ Rest between 2026-06-01 and 2026-06-02 is 8.00 h; at least 12.00 h are required") == true)
            #expect(live.text.contains("The checks read the time present from the scans"))
            #expect(try Self.marks(planned, id: id).keys.sorted() == ["2026-06-02", "2026-06-03"])
            #expect(planned.text.contains("The checks read the plan,"))
        }
    }

    @Test("another company's timesheet shows no warnings of this one's plans")
    func otherTenant() async throws {
        try await withApp { client, f in
            // setup
            _ = try await Self.seed(client, f)
            try await WebTest.administrator(f.store, companyID: f.otherCompanyID, email: "eva@other.ro", language: .enUS)
            var browser = Browser()
            try await client.signIn("eva@other.ro", as: &browser)
            // MUT
            let page = try await client.get("/admin/timesheet?month=2026-06", as: &browser)
            // validation
            #expect(page.status == .ok)
            #expect(!page.text.contains("warn-mark\" aria-hidden") && !page.text.contains("data-rule="))
        }
    }

    @Test("Settings → Labour Code lists every rule with its article and description, all checked by default")
    func listsRules() async throws {
        try await withApp { client, f in
            // setup
            var browser = try await Self.signedIn(client, f)
            // MUT
            let page = try await client.get("/admin/settings/labour-code", as: &browser)
            // validation
            #expect(page.status == .ok)
            #expect(page.text.contains("aria-current=\"page\">Settings → Labour Code</a>"))
            for rule in ComplianceRule.allCases {
                #expect(page.text.contains("name=\"rule_\(rule.rawValue)\" value=\"on\" checked>"), "\(rule)")
                #expect(page.text.contains("<td>\(rule.article)</td>"), "\(rule)")
            }
            #expect(page.text.contains("At least 12 consecutive hours of rest between two working days"))
            #expect(page.text.contains("<td>Producție</td>") == false, "no team yet")
        }
    }

    @Test("turning a rule off needs the confirmation, is audited and removes its marks; turning it on again needs none")
    func turnsRuleOff() async throws {
        try await withApp { client, f in
            // setup
            let id = try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            _ = try await client.get("/admin/settings/labour-code", as: &browser)
            // MUT: without the confirmation
            let refused = try await client.submit(
                "/admin/settings/labour-code", try Self.ruleFields(browser, off: [.dailyRest], confirm: false), as: &browser)
            // validation: nothing saved, the page shows the choice and the error
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Nothing was saved: tick the confirmation to turn rules off."))
            #expect(refused.text.contains("name=\"rule_daily_rest\" value=\"on\">"))
            #expect(try await f.store.disabledComplianceRules(companyID: f.companyID).isEmpty)
            // MUT: without the CSRF token
            var fields = try Self.ruleFields(browser, off: [.dailyRest], confirm: true)
            fields["csrf_token"] = "forged"
            let forged = try await client.submit("/admin/settings/labour-code", fields, as: &browser)
            #expect(forged.status == .forbidden)
            #expect(try await f.store.disabledComplianceRules(companyID: f.companyID).isEmpty)
            // MUT: confirmed
            let saved = try await client.submit(
                "/admin/settings/labour-code", try Self.ruleFields(browser, off: [.dailyRest], confirm: true), as: &browser)
            // validation
            #expect(saved.status == .seeOther && saved.location == "/admin/settings/labour-code?saved=1")
            #expect(try await f.store.disabledComplianceRules(companyID: f.companyID) == [.dailyRest])
            #expect(try await f.store.disabledComplianceRules(companyID: f.otherCompanyID).isEmpty)
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.contains { $0.action == "company.compliance_rules" && $0.actorLabel == "ana@acme.ro" })
            let settings = try await client.get("/admin/settings/labour-code?saved=1", as: &browser)
            #expect(settings.text.contains("The rules were saved."))
            #expect(settings.text.contains("<tr data-rule=\"daily_rest\" class=\"rule-off\">"))
            let page = try await client.get("/admin/timesheet?month=2026-06", as: &browser)
            #expect(try Self.marks(page, id: id).isEmpty)
            #expect(!page.text.contains("<tr data-rule=\"daily_rest\">"))
            #expect(page.text.contains("Rules checked: weekly_rest (art. 137(1)),"))
            #expect(page.text.contains("No warnings for the employees on this page."))
            let api = try await client.post(
                "/api_v2/compliance/get_warnings", ["api_key": f.key, "api_language": "en_US", "year": "2026", "month": "6"]
            ).decode(ComplianceReplyMirror.self)
            #expect(api.users.isEmpty && !api.rulesChecked.map(\.rule).contains("daily_rest"))
            // MUT: on again, no confirmation needed
            let again = try await client.submit(
                "/admin/settings/labour-code", try Self.ruleFields(browser, off: [], confirm: false), as: &browser)
            // validation
            #expect(again.status == .seeOther)
            #expect(try await f.store.disabledComplianceRules(companyID: f.companyID).isEmpty)
            #expect(try Self.marks(try await client.get("/admin/timesheet?month=2026-06", as: &browser), id: id).count == 2)
        }
    }

    @Test("a team set to shift work needs 8 h between shifts, so the 8 h rest is no warning; an unknown team is not found")
    func shiftWork() async throws {
        try await withApp { client, f in
            // setup
            let id = try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            let before = try await client.get("/admin/settings/labour-code", as: &browser)
            #expect(before.text.contains("<td>Producție</td>") && before.text.contains("No shifts"))
            // MUT
            let saved = try await client.submit(
                "/admin/settings/labour-code/shift-work", ["csrf_token": try #require(browser.csrf), "team": "Producție", "shift_work": "1"],
                as: &browser)
            let unknown = try await client.submit(
                "/admin/settings/labour-code/shift-work", ["csrf_token": try #require(browser.csrf), "team": "Alta", "shift_work": "1"], as: &browser)
            let badValue = try await client.submit(
                "/admin/settings/labour-code/shift-work", ["csrf_token": try #require(browser.csrf), "team": "Producție", "shift_work": "yes"],
                as: &browser)
            // validation
            #expect(saved.status == .seeOther)
            #expect(unknown.status == .notFound && badValue.status == .notFound)
            let after = try await client.get(try #require(saved.location), as: &browser)
            #expect(after.text.contains("Shift work of Producție was saved.") && after.text.contains("Works in shifts"))
            #expect(after.text.contains("name=\"shift_work\" value=\"0\""))
            let events = try await f.store.auditEvents(companyID: f.companyID, filter: AuditFilter()).events
            #expect(events.contains { $0.action == "team.shift_work" && $0.actorLabel == "ana@acme.ro" })
            #expect(try Self.marks(try await client.get("/admin/timesheet?month=2026-06", as: &browser), id: id).isEmpty)
        }
    }
}
