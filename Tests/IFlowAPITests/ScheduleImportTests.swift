import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import SQLKit
import Testing

/// `schedule/import` of a file larger than what the server reads at once: the upload is spooled, the file read a
/// megabyte at a time, its rows staged 5,000 at a time and written 300 employees at a time, and still every row or
/// none, with every failure found wherever in the file its rows are.
@Suite("schedule/import in batches")
struct ScheduleImportTests {
    static let boundary = "import-boundary"
    static let employees = 650
    static let days = 40

    /// A multipart body with the file part first, then the fields: the order a client chooses is its own.
    static func body(csv: String, _ f: Fixture) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"june.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        buffer.writeString(csv)
        buffer.writeString("\r\n")
        for (name, value) in [("api_key", f.key), ("api_language", "en_US")] {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    /// Employee `e` on day `d` (0-based, from 1 June 2026), a row of the file; the file is day by day, so each
    /// employee's rows are spread over its whole length.
    static func row(_ e: Int, _ d: Int, _ shifts: String = "08:00-16:00") -> String {
        let date = LocalDate(year: 2026, month: 6, day: 1)!.adding(days: d)
        return "id_card,RX\(100_000 + e),\(date),\(shifts),30\n"
    }

    static func file(replacing replaced: [String: String] = [:], appending extra: String = "") -> String {
        var csv = "user_by,user_by_value,date,shifts,break_minutes\n"
        for d in 0..<days {
            for e in 0..<employees { csv += replaced["\(e) \(d)"] ?? row(e, d) }
        }
        return csv + extra
    }

    /// The line of employee `e`'s row of day `d` in `file()`.
    static func line(_ e: Int, _ d: Int) -> Int { 2 + d * employees + e }

    static func stagedRows(_ store: Store) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await store.sql().raw("SELECT COUNT(*) AS n FROM plan_import_rows").first(decoding: Count.self)?.n ?? -1
    }

    static func storedPlans(_ store: Store, companyID: Int) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await store.sql().raw("SELECT COUNT(*) AS n FROM day_plans WHERE company_id = \(bind: companyID)").first(decoding: Count.self)?.n
            ?? -1
    }

    @Test("26,000 rows of 650 employees: a duplicate or an overlap 20,000 lines from its pair refuses the file; the clean file is written whole")
    func largeFile() async throws {
        try await withApp { client, f in
            // setup: 650 employees by id card; the one with the largest id is checked in the last step, after the
            // steps before it were written
            let ids = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for e in 0..<Self.employees {
                    group.addTask {
                        let update = try UserUpdate.parse([
                            "update_by": "id_card", "update_by_value": "RX\(100_000 + e)", "full_name": "Employee \(e)",
                        ]).get()
                        return (e, try await f.store.applyUserUpdate(update, companyID: f.companyID, actor: .commandLine).user.id)
                    }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
            }
            let last = try #require(ids.max { $0.value < $1.value }?.key)
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
            let clean = Self.file()
            #expect(clean.utf8.count > 1 << 20, "the file spans more than one piece read")
            // employee 3's day 0 again at the end; the last employee on day 31 from 22:00 to 07:00, overlapping day 32's 06:00
            let duplicated = Self.file(appending: Self.row(3, 0))
            let overlapping = Self.file(replacing: [
                "\(last) 31": Self.row(last, 31, "22:00-07:00"), "\(last) 32": Self.row(last, 32, "06:00-14:00"),
            ])

            // MUT
            let refusedDuplicate = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: headers, body: Self.body(csv: duplicated, f))
            let refusedOverlap = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: headers, body: Self.body(csv: overlapping, f))
            let nothingWritten = try await Self.storedPlans(f.store, companyID: f.companyID)
            let imported = try await client.send("/api_v2/schedule/import", method: .post, headers: headers, body: Self.body(csv: clean, f))

            // validation
            let lastLine = Self.line(0, Self.days)
            #expect(refusedDuplicate.errors.map { "\($0.line ?? "-") \($0.field ?? "-"):\($0.check)" } == ["\(lastLine) date:unique"])
            #expect(
                refusedOverlap.errors.map { "\($0.line ?? "-") \($0.check) \($0.message)" }
                    == [
                        "\(Self.line(last, 32)) no_overlap line \(Self.line(last, 32)): shifts has time ranges that overlap: line \(Self.line(last, 31))"
                    ]
            )
            #expect(nothingWritten == 0)
            #expect(imported.status == .ok)
            let reply = try imported.decode(ImportReplyMirror.self)
            #expect(reply.rows == "\(Self.employees * Self.days)" && reply.users == "\(Self.employees)")
            #expect(try await Self.storedPlans(f.store, companyID: f.companyID) == Self.employees * Self.days)
            #expect(try await Self.stagedRows(f.store) == 0, "no staged row outlives its import")
            struct Detail: Decodable { var detail: String }
            let audit = try await f.store.sql().raw("SELECT detail FROM audit_events WHERE action = 'schedule.import'").all(decoding: Detail.self)
            #expect(audit.map(\.detail) == ["26000 days of 650 employees, 2026-06-01 to 2026-07-10"])
            struct Count: Decodable { var n: Int }
            let employees = try await f.store.sql().raw("SELECT COUNT(DISTINCT user_id) AS n FROM day_plans").first(decoding: Count.self)
            #expect(employees?.n == Self.employees)
        }
    }
}
