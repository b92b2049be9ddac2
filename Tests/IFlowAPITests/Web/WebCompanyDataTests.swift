import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

@testable import IFlowAPI

@Suite("Web: timesheet and employees")
struct WebCompanyDataTests {
    static let cnp = "1800101221144"
    static let otherCNP = "2950724420010"
    static let iban = "RO49AAAA1B31007593840000"
    static let idCard = "RX123456"

    /// Two employees in the fixture's company with a December 2025 of every kind of day, and one in the other company.
    static func seed(_ client: some TestClientProtocol, _ f: Fixture) async throws {
        func call(_ path: String, _ key: String, _ fields: [String: String]) async throws {
            let reply = try await client.post(path, ["api_key": key, "api_language": "en_US"].merging(fields) { a, _ in a })
            #expect(reply.errors.isEmpty, "\(path) \(fields): \(reply.text)")
        }
        try await call(
            "/api_v2/user/update", f.key,
            [
                "update_by": "cnp", "update_by_value": cnp, "full_name": "Ana Pop", "team_name": "Producție", "mark_number": "M-17",
                "id_card": idCard, "bank_account": iban, "job_title": "Operator",
            ])
        try await call(
            "/api_v2/user/update", f.key, ["update_by": "cnp", "update_by_value": otherCNP, "full_name": "Ion Ionescu", "team_name": "Vânzări"])
        try await call(
            "/api_v2/user/update", f.otherKey, ["update_by": "cnp", "update_by_value": cnp, "full_name": "Străin Altcineva", "team_name": "Alta"])
        let days: [(String, [String: String])] = [
            (cnp, ["date": "2025-11-30", "shifts": "22:00-06:00"]),
            (cnp, ["date": "2025-12-01", "shifts": "08:00-16:00", "break_minutes": "30"]),
            (cnp, ["date": "2025-12-02", "shifts": "22:00-06:00"]),
            (cnp, ["date": "2025-12-06", "shifts": "09:00-13:00"]),
            (cnp, ["date": "2025-12-08", "type": "CO"]),
            (cnp, ["date": "2025-12-09", "shifts": "08:00-16:00", "overtime": "16:00-18:00"]),
            (cnp, ["date": "2025-12-10", "shifts": "12:00-16:00", "time_off": "08:00-12:00"]),
            (cnp, ["date": "2025-12-11", "time_off": "08:00-16:00"]),
            (cnp, ["date": "2025-12-31", "shifts": "22:00-06:00"]),
            (otherCNP, ["date": "2025-12-03", "type": "D", "shifts": "08:00-16:00"]),
        ]
        for (user, fields) in days {
            try await call("/api_v2/schedule/set_day", f.key, ["user_by": "cnp", "user_by_value": user].merging(fields) { a, _ in a })
        }
        try await call(
            "/api_v2/schedule/set_day", f.otherKey, ["user_by": "cnp", "user_by_value": cnp, "date": "2025-12-01", "shifts": "08:00-20:00"])
    }

    static func signedIn(_ client: some TestClientProtocol, _ f: Fixture, language: Language = .enUS) async throws -> Browser {
        try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: language)
        var browser = Browser()
        try await client.signIn("ana@acme.ro", as: &browser)
        return browser
    }

    @Test("the CSV is UTF-8 with a BOM and has the API's totals for the same month, employee by employee")
    func csvMatchesAPI() async throws {
        try await withApp { client, f in
            // setup
            try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            let tokens = Timesheet.totals.map(\.token.description)
            let api = try await client.post(
                "/api_v2/user/get_work_schedule",
                [
                    "api_key": f.key, "api_language": "en_US", "year": "2025", "month": "12", "totals": tokens.joined(separator: ","),
                    "include_days": "0",
                ]
            )
            let apiUsers = try api.decode(WorkScheduleReplyMirror.self).users
            // MUT
            let download = try await client.get("/admin/timesheet.csv?month=2025-12", as: &browser)
            // validation
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"timesheet-2025-12.csv\"")
            let bytes = Array(download.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let records = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = try #require(records.first)
            #expect(header.prefix(4) == ["Id", "Employee", "Mark number", "Team"])
            #expect(header[4] == "2025-12-01" && header[34] == "2025-12-31")
            #expect(records.count == 1 + apiUsers.count)
            #expect(apiUsers.count == 2, "the other company's employee is not listed")
            for (record, apiUser) in zip(records.dropFirst(), apiUsers) {
                #expect(record[0] == apiUser.userID)
                #expect(Array(record.suffix(tokens.count)) == tokens.map { apiUser.totals[$0] ?? "?" }, "\(record[1])")
            }
            let ana = try #require(records.first { $0[1] == "Ana Pop" })
            #expect(ana[4] == "13.50", "1 Dec: 6 h of the 30 Nov night shift plus 7.5 h")
            #expect(ana[4 + 7] == "CO")
            #expect(ana[4 + 8] == "10.00")
            #expect(ana[4 + 10] == "TO")
            #expect(Array(ana.suffix(tokens.count)) != Array(repeating: "0.00", count: tokens.count))
            let ion = try #require(records.first { $0[1] == "Ion Ionescu" })
            #expect(ion[4 + 2] == "D 8.00")
        }
    }

    @Test("the timesheet page: grid of days, weekends and holidays shaded and named, codes, and totals")
    func timesheetPage() async throws {
        try await withApp { client, f in
            try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f, language: .roRO)
            // MUT
            let page = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            // validation
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("decembrie 2025"))
            #expect(html.contains("class=\"day holiday\" title=\"2025-12-01 · Ziua Națională a României\""))
            #expect(html.contains("class=\"day weekend\" title=\"2025-12-06 · Weekend\""))
            #expect(html.contains("class=\"day holiday\" title=\"2025-12-25 · Crăciunul\"") || html.contains("title=\"2025-12-25 · "))
            #expect(html.contains("<span class=\"code c-CO\">CO</span>"))
            #expect(html.contains(">13.5</a></td>"))
            #expect(html.contains("Ana Pop") && html.contains("Ion Ionescu"))
            #expect(!html.contains("Străin"), "another company's employee")
            let team = try await client.get("/admin/timesheet?month=2025-12&team=V%C3%A2nz%C4%83ri", as: &browser)
            #expect(team.text.contains("Ion Ionescu") && !team.text.contains("Ana Pop"))
            #expect(team.text.contains("href=\"/admin/timesheet.csv?month=2025-12&amp;team=V%C3%A2nz%C4%83ri\""))
        }
    }

    @Test("the timesheet page lists a page of employees at a time; the CSV lists them all")
    func timesheetPages() async throws {
        var options = WebOptions()
        options.timesheetPageSize = 1
        try await withApp(web: options) { client, f in
            try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            // MUT
            let first = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            let second = try await client.get("/admin/timesheet?month=2025-12&page=2", as: &browser)
            // validation
            #expect(first.text.contains("Ana Pop") && !first.text.contains("Ion Ionescu"))
            #expect(first.text.contains("1–1 of 2") && first.text.contains("href=\"/admin/timesheet?month=2025-12&amp;page=2\""))
            #expect(second.text.contains("Ion Ionescu") && !second.text.contains("Ana Pop"))
            #expect(second.text.contains("2–2 of 2") && second.text.contains("rel=\"prev\""))
            let csv = try await client.get("/admin/timesheet.csv?month=2025-12&page=2", as: &browser)
            #expect(csv.text.contains("Ana Pop") && csv.text.contains("Ion Ionescu"))
        }
    }

    @Test("employees: searchable by name, CNP and mark number; personal numbers masked everywhere")
    func employees() async throws {
        try await withApp { client, f in
            try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            // MUT
            let all = try await client.get("/admin/employees", as: &browser)
            // validation
            #expect(all.status == .ok)
            #expect(all.text.contains("Ana Pop") && all.text.contains("Ion Ionescu"))
            #expect(!all.text.contains("Străin"))
            #expect(all.text.contains("•••••••••1144"))
            #expect(!all.text.contains(Self.cnp))
            for query in ["ana", "M-17", Self.cnp, "ANA%20POP"] {
                let found = try await client.get("/admin/employees?q=\(query)", as: &browser)
                #expect(found.text.contains("Ana Pop") && !found.text.contains("Ion Ionescu"), "\(query)")
            }
            let nobody = try await client.get("/admin/employees?q=%25", as: &browser)
            #expect(!nobody.text.contains("Ana Pop"), "% is a literal, not a wildcard")

            let id = try #require(Page.firstMatch(#"href="/admin/employees/(\d+)">Ana Pop"#, in: all.text))
            let detail = try await client.get("/admin/employees/\(id)", as: &browser)
            #expect(detail.status == .ok)
            for secret in [Self.cnp, Self.iban, Self.idCard] { #expect(!detail.text.contains(secret), "\(secret)") }
            #expect(detail.text.contains("•••••••••1144"))
            #expect(detail.text.contains("••••••••••••••••••••0000"))
            #expect(detail.text.contains("••••••56"))
            #expect(detail.text.contains("Operator") && detail.text.contains("Producție"))
        }
    }

    @Test("an administrator sees only their company: another company's employees and keys are not found")
    func tenantIsolation() async throws {
        try await withApp { client, f in
            // setup
            try await Self.seed(client, f)
            var browser = try await Self.signedIn(client, f)
            let foreignUser = try #require(try await f.store.searchUsers(companyID: f.otherCompanyID, search: EmployeeSearch()).users.first?.id)
            let foreignKey = try #require(try await f.store.apiKeys(companyID: f.otherCompanyID).first?.id)
            // MUT, validation
            let employee = try await client.get("/admin/employees/\(foreignUser)", as: &browser)
            #expect(employee.status == .notFound)
            #expect(!employee.text.contains("Străin"))
            #expect(try await client.get("/admin/settings/api-access/\(foreignKey)/revoke", as: &browser).status == .notFound)
            let revoke = try await client.submit(
                "/admin/settings/api-access/\(foreignKey)/revoke", ["csrf_token": try #require(browser.csrf), "confirm": "yes"], as: &browser
            )
            #expect(revoke.status == .notFound)
            #expect(try await f.store.authenticate(secret: f.otherKey) != nil)
            let keys = try await client.get("/admin/settings/api-access", as: &browser)
            #expect(keys.text.contains(">payroll<") && !keys.text.contains(">other<"))
            let csv = try await client.get("/admin/timesheet.csv?month=2025-12", as: &browser)
            #expect(!csv.text.contains("Străin"))
        }
    }

    @Test("masking leaves at most the last four characters, and never more than a third")
    func masking() {
        #expect(Masking.tail("1800101221144") == "•••••••••1144")
        #expect(Masking.tail("RO49AAAA1B31007593840000") == "••••••••••••••••••••0000")
        #expect(Masking.tail("RX123456") == "••••••56")
        #expect(Masking.tail("12") == "••")
        #expect(Masking.tail("") == "")
    }

    @Test("unknown pages under /admin are HTML 404s with the signed-in header; static files are served")
    func notFoundAndAssets() async throws {
        try await withApp { client, f in
            var browser = try await Self.signedIn(client, f)
            let missing = try await client.get("/admin/nothing/here", as: &browser)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.text.contains("ana@acme.ro") && missing.text.contains("action=\"/admin/sign-out\""), "the session's header")
            #expect(missing.text.hasSuffix("</html>"))
            var stranger = Browser()
            let anonymous = try await client.get("/admin/nothing/here", as: &stranger)
            #expect(anonymous.status == .notFound && !anonymous.text.contains("/admin/sign-out") && anonymous.text.contains("/admin/sign-in"))
            #expect(try await client.get("/admin/employees/abc", as: &browser).status == .notFound)
            let css = try await client.get("/admin/static/style.css", as: &browser)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.hasPrefix(":root {") && css.text.hasSuffix("}\n"))
            let script = try await client.get("/admin/static/copy.js", as: &browser)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.hasPrefix("\"use strict\";"))
            let icon = try await client.get("/admin/static/icon.svg", as: &stranger)
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml" && icon.text.hasPrefix("<svg xmlns="))
            #expect(try await client.get("/admin/static/nothing.css", as: &browser).status == .notFound)
        }
    }

    @Test("every phrase a template names exists in both languages")
    func phrases() throws {
        _ = try WebTemplates.library()
        let regex = try NSRegularExpression(pattern: #"\{\{t\.([a-z_]+)\}\}"#)
        for (name, source) in WebTemplates.sources {
            for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                let key = String(source[Range(match.range(at: 1), in: source)!])
                for language in Language.allCases {
                    #expect(WebText.table(language)[key]?.isEmpty == false, "\(name): t.\(key) in \(language)")
                }
            }
        }
    }
}
