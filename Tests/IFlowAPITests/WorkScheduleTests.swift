import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowStore
import NIOCore
import Testing

@Suite("Schedules and user/get_work_schedule")
struct WorkScheduleTests {
    static let cnp = "1800101221144"

    func base(_ f: Fixture, _ language: String = "en_US") -> [String: String] {
        ["api_key": f.key, "api_language": language]
    }

    /// An employee with mark number 17 in team Producție.
    func employee(
        _ client: some TestClientProtocol, _ f: Fixture, cnp: String = Self.cnp, mark: String = "17", extra: [String: String] = [:]
    ) async throws -> String {
        let reply = try await client.post(
            "/api_v2/user/update",
            base(f).merging(["update_by": "cnp", "update_by_value": cnp, "full_name": "Ion Popescu", "team_name": "Producție", "mark_number": mark]) {
                _, b in b
            }
            .merging(extra) { _, b in b }
        )
        return try reply.decode(UserUpdateReplyMirror.self).userID
    }

    func setDay(
        _ client: some TestClientProtocol, _ f: Fixture, _ fields: [String: String], by: String = "mark_number", value: String = "17"
    ) async throws -> Reply {
        try await client.post(
            "/api_v2/schedule/set_day", base(f).merging(["user_by": by, "user_by_value": value]) { _, b in b }.merging(fields) { _, b in b })
    }

    @Test("the document's curl sample returns real figures, urlencoded and multipart", arguments: [BodyEncoding.urlencoded, .multipart])
    func documentSample(encoding: BodyEncoding) async throws {
        try await withApp { client, f in
            // setup: December 2019 — 24th a Tuesday 08–16 with 30 min break and 2 h overtime, 25th (Christmas) a night
            // 22–06 into the 26th (also a holiday), 31st a night into 1 January 2020 (outside the month).
            _ = try await employee(client, f)
            let day = try await setDay(client, f, ["date": "2019-12-24", "shifts": "08:00-16:00", "break_minutes": "30", "overtime": "16:00-18:00"])
            #expect(try day.decode(SetDayReplyMirror.self).type == "work")
            _ = try await setDay(client, f, ["date": "2019-12-25", "shifts": "22:00-06:00"])
            _ = try await setDay(client, f, ["date": "2019-12-31", "shifts": "22:00-06:00", "time_off": "08:00-10:00"])
            // MUT: exactly the document's request
            let reply = try await client.post(
                "/api/api_v2/user/get_work_schedule",
                ["api_key": f.key, "api_language": "ro_RO", "year": "2019", "month": "12", "totals": "total,overtime"],
                encoding: encoding
            )
            // validation
            let report = try reply.decode(WorkScheduleReplyMirror.self)
            #expect(report.year == "2019")
            #expect(report.month == "12")
            let users = report.users
            #expect(users.count == 1)
            // regular: 7.5 (24th) + 2 (25th 22–24) + 6 (26th 00–06) + 2 (31st 22–24) = 17.5; overtime 2.
            #expect(users[0].totals == ["total": "19.50", "overtime": "2.00"])
            let days = try #require(users[0].days)
            #expect(days.count == 31)
            let christmas = try #require(days.first { $0.date == "2019-12-25" })
            #expect(christmas.dayType == "holiday")
            #expect(christmas.holidayName == "Crăciunul")
            #expect(christmas.shifts == "22:00-06:00")
            #expect(christmas.regularHours == "2.00")
            #expect(days.first { $0.date == "2019-12-26" }?.regularHours == "6.00")
            let boxingDay = try #require(days.first { $0.date == "2019-12-26" })
            #expect(boxingDay.type == nil)
            #expect(days.first { $0.date == "2019-12-28" }?.dayType == "weekend")
            #expect(days.first { $0.date == "2019-12-31" }?.timeOffHours == "2.00")
            #expect(users[0].fullName == "Ion Popescu")
            #expect(users[0].teamName == "Producție")
            #expect(users[0].markNumber == "17")
        }
    }

    @Test("every totals token, in English and Romanian requests alike, adds up by class and by time of day")
    func everyToken() async throws {
        try await withApp { client, f in
            // setup: a weekend day, a holiday night, a weekday with overtime at night and time off
            _ = try await employee(client, f)
            _ = try await setDay(client, f, ["date": "2019-12-01", "shifts": "07:00-19:00", "break_minutes": "60"])  // Sunday + National Day
            _ = try await setDay(client, f, ["date": "2019-12-07", "shifts": "08:00-12:00"])  // Saturday
            _ = try await setDay(client, f, ["date": "2019-12-10", "shifts": "14:00-22:00", "overtime": "22:00-23:30", "time_off": "08:00-09:00"])
            let bases = ["regular", "overtime", "total", "time_off", "overtime_balance"]
            var tokens: [String] = []
            for base in bases {
                for cls in ["", "_weekdays", "_weekend", "_holiday"] {
                    for time in ["", "_day", "_night"] { tokens.append(base + cls + time) }
                }
            }
            // MUT
            let reply = try await client.post(
                "/api_v2/user/get_work_schedule",
                base(f).merging(["year": "2019", "month": "12", "totals": tokens.joined(separator: ","), "include_days": "0"]) { _, b in b }
            )
            // validation
            let user = try #require(try reply.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(user.days == nil)
            #expect(!reply.text.contains("\"days\""), "include_days=0 leaves the key out")
            let totals = user.totals
            #expect(Set(totals.keys) == Set(tokens))
            func h(_ token: String) -> Double { Double(totals[token]!)! }
            for base in bases {
                #expect(abs(h(base) - (h(base + "_weekdays") + h(base + "_weekend") + h(base + "_holiday"))) < 0.011, "\(base) by class")
                #expect(abs(h(base) - (h(base + "_day") + h(base + "_night"))) < 0.011, "\(base) by time")
            }
            #expect(totals["regular"] == "23.00")  // 11 + 4 + 8
            #expect(totals["regular_holiday"] == "11.00")
            #expect(totals["regular_weekend"] == "4.00")
            #expect(totals["regular_weekdays_night"] == "0.00")
            #expect(totals["overtime_weekdays_night"] == "1.50")
            #expect(totals["time_off"] == "1.00")
            #expect(totals["overtime_balance"] == "0.50")
            #expect(totals["total"] == "24.50")
        }
    }

    @Test("the report's validation: totals required, unknown tokens named, month 1–12 or 01–12")
    func reportValidation() async throws {
        try await withApp { client, f in
            let missing = try await client.post("/api/api_v2/user/get_work_schedule", base(f).merging(["year": "2019", "month": "12"]) { _, b in b })
            #expect(missing.errors.map(\.field) == ["totals"])
            #expect(missing.errors.first?.check == "required")
            #expect(missing.errors.first?.message == "totals is required")
            let bad = try await client.post(
                "/api_v2/user/get_work_schedule",
                base(f, "ro_RO").merging(["year": "19", "month": "13", "totals": "total,overtimes,regular_weekends"]) { _, b in b }
            )
            #expect(bad.checks == ["year:between", "month:between", "totals:in_list"])
            #expect(bad.errors.filter { $0.check == "in_list" }.count == 2)
            #expect(bad.errors.contains { $0.message.contains("overtimes") })
            let short = try await client.post(
                "/api_v2/user/get_work_schedule", base(f).merging(["year": "2019", "month": "3", "totals": "total"]) { _, b in b })
            #expect(try short.decode(WorkScheduleReplyMirror.self).month == "03")
        }
    }

    @Test("employment and disable dates, include_disabled, team_name and user_by filter the users")
    func reportFilters() async throws {
        try await withApp { client, f in
            _ = try await employee(client, f, cnp: Self.cnp, mark: "1")
            _ = try await employee(client, f, cnp: "2950724420010", mark: "2", extra: ["employment_date": "2020-01-01", "team_name": "Pază"])
            _ = try await employee(client, f, cnp: "1700101400011", mark: "3", extra: ["disable_date": "2019-11-30"])
            _ = try await employee(client, f, cnp: "2800101221146", mark: "4", extra: ["is_enabled": "0"])
            func names(_ extra: [String: String]) async throws -> [String] {
                let reply = try await client.post(
                    "/api_v2/user/get_work_schedule",
                    base(f).merging(["year": "2019", "month": "12", "totals": "total", "include_days": "0"].merging(extra) { _, b in b }) { _, b in b
                    }
                )
                return try reply.decode(WorkScheduleReplyMirror.self).users.map { $0.markNumber ?? "" }
            }
            #expect(try await names([:]) == ["1"])
            #expect(try await names(["include_disabled": "1"]) == ["1", "4"])
            #expect(try await names(["year": "2020", "month": "01"]) == ["1", "2"])
            #expect(try await names(["year": "2020", "month": "01", "team_name": "Pază"]) == ["2"])
            #expect(try await names(["year": "2019", "month": "11", "user_by": "mark_number", "user_by_value": "3"]) == ["3"])
        }
    }

    @Test("set_day replaces the day, validates every field and reports unknown employees")
    func setDayRules() async throws {
        try await withApp { client, f in
            let userID = try await employee(client, f)
            _ = try await setDay(client, f, ["date": "2019-12-10", "shifts": "08:00-16:00", "overtime": "16:00-17:00"])
            let replaced = try await setDay(client, f, ["date": "2019-12-10", "type": "CO"], by: "user_id", value: userID)
            #expect(try replaced.decode(SetDayReplyMirror.self).type == "CO")
            #expect(try replaced.decode(SetDayReplyMirror.self).shifts == "")
            let report = try await client.post(
                "/api_v2/user/get_work_schedule", base(f).merging(["year": "2019", "month": "12", "totals": "total"]) { _, b in b })
            let day = try report.decode(WorkScheduleReplyMirror.self).users.first?.days?.first { $0.date == "2019-12-10" }
            #expect(day?.type == "CO")
            #expect(day?.regularHours == "0.00")

            let bad = try await setDay(
                client, f, ["date": "2019-02-30", "type": "XX", "shifts": "8-16", "break_minutes": "abc", "overtime": "16:00-18:00,17:00-19:00"]
            )
            #expect(bad.checks == ["date:valid_date", "type:in_list", "shifts:valid_time_ranges", "break_minutes:integer", "overtime:no_overlap"])
            let overlapAcross = try await setDay(
                client, f, ["date": "2019-12-11", "shifts": "08:00-16:00", "overtime": "15:00-17:00", "break_minutes": "600"])
            #expect(overlapAcross.checks == ["break_minutes:valid_break", "overtime:no_overlap"])
            let absence = try await setDay(client, f, ["date": "2019-12-12", "type": "CM", "shifts": "08:00-16:00"], by: "cnp", value: Self.cnp)
            #expect(absence.checks == ["shifts:no_shifts"])
            let nobody = try await setDay(client, f, ["date": "2019-12-12"], by: "mark_number", value: "999")
            #expect(nobody.checks == ["user_by_value:exists"])
            let otherTenant = try await client.post(
                "/api_v2/schedule/set_day",
                ["api_key": f.otherKey, "api_language": "en_US", "user_by": "user_id", "user_by_value": userID, "date": "2019-12-12"]
            )
            #expect(otherTenant.checks == ["user_by_value:exists"])
        }
    }

    @Test("import: all rows or none, every bad row reported with its line")
    func importCSV() async throws {
        try await withApp { client, f in
            _ = try await employee(client, f)
            let good = """
                user_by,user_by_value,date,type,shifts,break_minutes,overtime,time_off
                mark_number,17,2019-12-02,work,"08:00-12:00,13:00-17:00",0,,
                cnp,\(Self.cnp),2019-12-03,work,22:00-06:00,30,06:00-07:00,
                mark_number,17,2019-12-04,CO,,,,

                """
            let ok = try await client.upload("/api_v2/schedule/import", fields: base(f), file: good)
            #expect(try ok.decode(ImportReplyMirror.self).rows == "3")
            #expect(try ok.decode(ImportReplyMirror.self).users == "1")
            let report = try await client.post(
                "/api_v2/user/get_work_schedule", base(f).merging(["year": "2019", "month": "12", "totals": "regular,overtime"]) { _, b in b })
            #expect(try report.decode(WorkScheduleReplyMirror.self).users.first?.totals == ["regular": "15.50", "overtime": "1.00"])

            let bad = """
                user_by;user_by_value;date;shifts
                mark_number;17;2019-12-05;08:00-16:00
                mark_number;99;2019-12-06;08:00-16:00
                mark_number;17;2019-12-32;08:00-16:00
                mark_number;17;2019-12-05;09:00-17:00
                """
            let refused = try await client.upload("/api_v2/schedule/import", fields: base(f, "ro_RO"), file: bad)
            #expect(refused.errors.map { "\($0.field ?? "-"):\($0.check)" } == ["user_by_value:exists", "date:valid_date", "date:unique"])
            #expect(refused.errors.first?.message.hasPrefix("linia 3: ") == true)
            #expect(refused.errors.map(\.line) == ["3", "4", "5"])
            let after = try await client.post(
                "/api_v2/user/get_work_schedule", base(f).merging(["year": "2019", "month": "12", "totals": "regular"]) { _, b in b })
            let afterTotals = try after.decode(WorkScheduleReplyMirror.self).users.first?.totals
            #expect(afterTotals == ["regular": "15.50"], "nothing of the refused file was written")

            let missingFile = try await client.post("/api_v2/schedule/import", base(f))
            #expect(missingFile.checks == ["file:required"])
            let badHeader = try await client.upload("/api_v2/schedule/import", fields: base(f), file: "user_by,when\nx,y\n")
            #expect(badHeader.checks == ["file:in_list", "user_by_value:required", "date:required"])
        }
    }

    @Test("calendar/get_holidays names the holidays in the request's language")
    func holidays() async throws {
        try await withApp { client, f in
            let ro = try await client.post("/api_v2/calendar/get_holidays", base(f, "ro_RO").merging(["year": "2016"]) { _, b in b })
            let holidays = try ro.decode(HolidaysReplyMirror.self)
            #expect(holidays.year == "2016")
            #expect(holidays.holidays.first { $0.date == "2016-05-01" }?.name == "Paștele / Ziua Muncii")
            let en = try await client.post("/api_v2/calendar/get_holidays", base(f).merging(["year": "2024"]) { _, b in b })
            #expect(try en.decode(HolidaysReplyMirror.self).holidays.first { $0.date == "2024-01-07" }?.name == "Saint John the Baptist")
            let bad = try await client.post("/api_v2/calendar/get_holidays", base(f).merging(["year": "1800"]) { _, b in b })
            #expect(bad.checks == ["year:between"])
        }
    }
}

extension TestClientProtocol {
    /// A multipart request with `fields` and a CSV in the `file` part.
    func upload(_ path: String, fields: [String: String], file: String) async throws -> Reply {
        let boundary = "----iflowupload\(UUID().uuidString)"
        var buffer = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        buffer.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n")
        buffer.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: buffer)
    }
}
