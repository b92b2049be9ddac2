import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: Today")
struct WebTodayTests {
    static let lateCNP = "2900517123455"
    static let leftCNP = "1851103401234"

    /// One group of the page (`<section … id="late">` to its end).
    static func group(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test("who is at work, late, absent with the code and gone, each with the plan, the times present and the hours; refreshes itself")
    func board() async throws {
        try await withApp { client, f in
            // setup
            let people = try await WebDayEntryTests.people(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            func call(_ path: String, _ fields: [String: String]) async throws {
                let reply = try await client.post(path, ["api_key": f.key, "api_language": "en_US"].merging(fields) { a, _ in a })
                #expect(reply.errors.isEmpty, "\(path) \(fields): \(reply.text)")
            }
            for (cnp, name) in [(Self.lateCNP, "Maria Târziu"), (Self.leftCNP, "Radu Plecat")] {
                try await call("/api_v2/user/update", ["update_by": "cnp", "update_by_value": cnp, "full_name": name, "team_name": "Vânzări"])
            }
            let calculator = CalculatorCache().calculator(for: try #require(TimeZone(identifier: "Europe/Bucharest")))
            let now = Int(Date().timeIntervalSince1970)
            let today = calculator.localDate(ofInstant: now)
            let sinceMidnight = calculator.wallTime(ofInstant: now).secondOfDay
            for (cnp, fields) in [
                (WebCompanyDataTests.cnp, ["shifts": "00:00-24:00"]), (WebCompanyDataTests.otherCNP, ["type": "CO"]),
                (Self.lateCNP, ["shifts": "00:00-24:00"]),
            ] {
                try await call(
                    "/api_v2/schedule/set_day", ["user_by": "cnp", "user_by_value": cnp, "date": "\(today)"].merging(fields) { a, _ in a })
            }
            var search = EmployeeSearch()
            search.text = Self.leftCNP
            let left = try #require(try await f.store.searchUsers(companyID: f.companyID, search: search).users.first?.id)
            let scans = [
                NewScan(userID: people.ana, instant: now - 120, source: .terminal, arrival: .live),
                NewScan(userID: left, instant: now - 1_200, source: .terminal, arrival: .live),
                NewScan(userID: left, instant: now - 600, source: .terminal, arrival: .live),
            ]
            _ = try await f.store.recordScans(scans, companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
            _ = try await f.store.recordScans(
                [NewScan(userID: people.stranger, instant: now - 60, source: .terminal, arrival: .live)], companyID: f.otherCompanyID,
                limits: .iFlowDefaults, actor: .commandLine)
            // MUT
            let page = try await client.get("/admin/today", as: &browser)
            // validation
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"60\">"))
            #expect(html.contains("aria-current=\"page\">Today</a>"))
            #expect(!html.contains("Străin"), "another company's employee")
            let atWork = Self.group("at_work", in: html)
            #expect(atWork.contains("Ana Pop") && atWork.contains("00:00-24:00") && atWork.contains("–…"))
            #expect(atWork.contains("href=\"/admin/employees/\(people.ana)/days/\(today)\""))
            let absent = Self.group("absent", in: html)
            #expect(absent.contains("Ion Ionescu") && absent.contains("<span class=\"code c-CO\">CO</span>"))
            // The rest depends on the time of day: late needs the grace past midnight, left both scans after it.
            if sinceMidnight > 1_800 {
                #expect(Self.group("late", in: html).contains("Maria Târziu"))
                let gone = Self.group("left", in: html)
                #expect(gone.contains("Radu Plecat"))
                #expect(gone.contains(LocalTime(calculator: calculator).text(now - 1_200, seconds: false) + "–"))
                #expect(gone.contains("0.17"), "10 minutes present, outside any plan")
            }
            // MUT: one team only
            let team = try await client.get("/admin/today?team=V%C3%A2nz%C4%83ri", as: &browser)
            // validation
            #expect(team.text.contains("Ion Ionescu") && !team.text.contains("Ana Pop"))
        }
    }

    @Test("a page of employees at a time, the tally counting all; the search and the team match whatever the case and diacritics")
    func pagesAndSearch() async throws {
        var options = WebOptions()
        options.todayPageSize = 1
        try await withApp(web: options) { client, f in
            // setup: Ana Pop (M-17, Producție) and Ion Ionescu (Vânzări), neither planned today
            try await WebCompanyDataTests.seed(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f)
            // MUT
            let first = try await client.get("/admin/today", as: &browser)
            let second = try await client.get("/admin/today?page=2", as: &browser)
            let byName = try await client.get("/admin/today?q=IONESCU", as: &browser)
            let byMark = try await client.get("/admin/today?q=m-17", as: &browser)
            let byTeam = try await client.get("/admin/today?team=vanzari", as: &browser)
            let none = try await client.get("/admin/today?q=altcineva", as: &browser)
            // validation
            let names = ["Ana Pop", "Ion Ionescu"]
            let onFirst = names.filter { first.text.contains($0) }
            #expect(onFirst.count == 1 && first.text.contains("1–1 of 2") && first.text.contains("href=\"/admin/today?page=2\""))
            #expect(first.text.contains("Not planned today: 2"), "the tally counts both pages")
            let onSecond = names.filter { second.text.contains($0) }
            #expect(onSecond.count == 1 && onSecond != onFirst && second.text.contains("2–2 of 2") && second.text.contains("rel=\"prev\""))
            #expect(byName.text.contains("Ion Ionescu") && !byName.text.contains("Ana Pop") && byName.text.contains("1–1 of 1"))
            #expect(byName.text.contains("value=\"IONESCU\""))
            #expect(byMark.text.contains("Ana Pop") && !byMark.text.contains("Ion Ionescu"))
            #expect(byTeam.text.contains("Ion Ionescu") && !byTeam.text.contains("Ana Pop"))
            #expect(byTeam.text.contains("<option value=\"Vânzări\" selected>"), "the company's spelling is chosen")
            #expect(!none.text.contains("Străin") && none.text.contains("Not planned today: 0"), "another company's employee")
            #expect([first, second, byName, byMark, byTeam, none].allSatisfy { $0.status == .ok })
        }
    }

    @Test("without a session Today sends the browser to sign in")
    func needsSession() async throws {
        try await withApp { client, _ in
            var browser = Browser()
            // MUT
            let page = try await client.get("/admin/today", as: &browser)
            // validation
            #expect(page.status == .seeOther)
            #expect(page.location == "/admin/sign-in?next=%2Fadmin%2Ftoday")
        }
    }
}
