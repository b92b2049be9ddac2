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
}
