import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

@Suite("user/get_work_schedule with attendance_type=live_attendance")
struct LiveAttendanceReportTests {
    static let cnp = "1800101221144"

    func base(_ f: Fixture, _ language: String = "en_US") -> [String: String] {
        ["api_key": f.key, "api_language": language]
    }

    /// An employee with mark number 17; returns their id.
    func employee(_ client: some TestClientProtocol, _ f: Fixture) async throws -> Int {
        let reply = try await client.post(
            "/api_v2/user/update",
            base(f).merging(["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion Popescu", "mark_number": "17"]) { _, b in b }
        )
        return try #require(Int(try reply.decode(UserUpdateReplyMirror.self).userID))
    }

    func plan(_ client: some TestClientProtocol, _ f: Fixture, _ fields: [String: String]) async throws {
        let reply = try await client.post(
            "/api_v2/schedule/set_day",
            base(f).merging(["user_by": "mark_number", "user_by_value": "17"]) { _, b in b }.merging(fields) { _, b in b })
        #expect(reply.errors.isEmpty, "\(reply.text)")
    }

    /// UTC seconds of `hh:mm` on `iso` on a wall clock `utcOffset` hours ahead of UTC, worked out by hand (Bucharest is
    /// +2 in winter, +3 in summer).
    func instant(_ iso: String, _ time: String, utcOffset: Int) -> Int {
        let parts = time.split(separator: ":").map { Int($0)! }
        return ((LocalDate(iso: iso)!.dayNumber * 24 + parts[0] - utcOffset) * 60 + parts[1]) * 60
    }

    /// Records terminal scans of `userID` at local `date time` pairs, as a terminal's batch would.
    func scan(_ f: Fixture, _ userID: Int, _ times: [(String, String)], utcOffset: Int = 2) async throws {
        let rows = times.map { NewScan(userID: userID, instant: instant($0.0, $0.1, utcOffset: utcOffset), source: .terminal, arrival: .offline) }
        let recorded = try await f.store.recordScans(rows, companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
        #expect(recorded.ids.allSatisfy { $0 != nil }, "every scan stored")
    }

    func report(
        _ client: some TestClientProtocol, _ f: Fixture, _ year: String, _ month: String, totals: String = "regular,overtime,total",
        path: String = "/api_v2/user/get_work_schedule", extra: [String: String] = ["attendance_type": "live_attendance"]
    ) async throws -> Reply {
        try await client.post(path, base(f).merging(["year": year, "month": month, "totals": totals]) { _, b in b }.merging(extra) { _, b in b })
    }

    @Test("the README's worked example: 08:00-16:30 with a 30-minute break, present straight, out 12:00-12:45, 07:30-17:00")
    func workedExample() async throws {
        try await withApp { client, f in
            // setup: Wednesday 2, Thursday 3 and Friday 4 December 2026, each planned 08:00-16:30 with a 30-minute break.
            let userID = try await employee(client, f)
            for date in ["2026-12-02", "2026-12-03", "2026-12-04"] {
                try await plan(client, f, ["date": date, "shifts": "08:00-16:30", "break_minutes": "30"])
            }
            try await scan(
                f, userID,
                [
                    ("2026-12-02", "08:00"), ("2026-12-02", "16:30"),
                    ("2026-12-03", "08:00"), ("2026-12-03", "12:00"), ("2026-12-03", "12:45"), ("2026-12-03", "16:30"),
                    ("2026-12-04", "07:30"), ("2026-12-04", "17:00"),
                ]
            )
            // MUT
            let live = try await report(client, f, "2026", "12")
            let planned = try await report(client, f, "2026", "12", extra: [:])
            // validation
            let user = try #require(try live.decode(WorkScheduleReplyMirror.self).users.first)
            let days = try #require(user.days)
            #expect(days[1].intervals == "08:00-16:30" && days[1].regularHours == "8.00" && days[1].overtimeHours == "0.00")
            #expect(days[2].intervals == "08:00-12:00,12:45-16:30" && days[2].regularHours == "7.75" && days[2].overtimeHours == "0.00")
            #expect(days[3].intervals == "07:30-17:00" && days[3].regularHours == "8.00" && days[3].overtimeHours == "1.00")
            #expect(days[0].intervals == "" && days[0].regularHours == "0.00")
            #expect(days[1].shifts == "08:00-16:30" && days[1].breakMinutes == "30", "the plan is still shown beside the presence")
            #expect(user.totals == ["regular": "23.75", "overtime": "1.00", "total": "24.75"])
            let plannedUser = try #require(try planned.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(plannedUser.totals == ["regular": "24.00", "overtime": "0.00", "total": "24.00"])
            #expect(!planned.text.contains("intervals"), "the planned report has no intervals key")
        }
    }

    @Test("the default is the planned report, byte for byte the same as attendance_type=work_schedule, whatever was scanned")
    func defaultUnchanged() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            try await plan(client, f, ["date": "2026-12-02", "shifts": "08:00-16:30", "break_minutes": "30", "overtime": "16:30-17:30"])
            try await scan(f, userID, [("2026-12-02", "09:10"), ("2026-12-02", "12:00"), ("2026-12-05", "10:00"), ("2026-12-05", "11:00")])
            // MUT
            let implicit = try await report(client, f, "2026", "12", extra: [:])
            let explicit = try await report(client, f, "2026", "12", extra: ["attendance_type": "work_schedule"])
            let bad = try await report(client, f, "2026", "12", extra: ["attendance_type": "live"])
            let badRomanian = try await client.post(
                "/api_v2/user/get_work_schedule",
                base(f, "ro_RO").merging(["year": "2026", "month": "12", "totals": "total", "attendance_type": "live"]) { _, b in b }
            )
            // validation
            #expect(implicit.text == explicit.text)
            let user = try #require(try implicit.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(user.totals == ["regular": "8.00", "overtime": "1.00", "total": "9.00"])
            #expect(bad.checks == ["attendance_type:in_list"])
            #expect(bad.errors.first?.message.contains("work_schedule, live_attendance") == true)
            #expect(badRomanian.checks == ["attendance_type:in_list"])
            #expect(badRomanian.errors.first?.message != bad.errors.first?.message, "the message is in the request's language")
        }
    }

    /// Saturday nights on which the clocks change, the offset at 22:00 and at 06:00, and the hours on the Sunday.
    static let dstNights: [(saturday: String, sunday: String, offsetAt22: Int, offsetAt06: Int, regular: String)] = [
        ("2025-03-29", "2025-03-30", 2, 3, "7.00"), ("2025-10-25", "2025-10-26", 3, 2, "9.00"),
        ("2026-03-28", "2026-03-29", 2, 3, "7.00"), ("2026-10-24", "2026-10-25", 3, 2, "9.00"),
    ]

    @Test("a check-in at 22:00 and a check-out at 06:00 are 7 h on the night clocks go forward and 9 h when they go back", arguments: dstNights)
    func dstNight(saturday: String, sunday: String, offsetAt22: Int, offsetAt06: Int, regular: String) async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            try await plan(client, f, ["date": saturday, "shifts": "22:00-06:00"])
            let rows = [
                NewScan(userID: userID, instant: instant(saturday, "22:00", utcOffset: offsetAt22), source: .terminal, arrival: .live),
                NewScan(userID: userID, instant: instant(sunday, "06:00", utcOffset: offsetAt06), source: .terminal, arrival: .live),
            ]
            _ = try await f.store.recordScans(rows, companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
            let date = LocalDate(iso: saturday)!
            // MUT
            let reply = try await report(client, f, String(date.year), String(date.month), totals: "regular,regular_night,overtime")
            // validation
            let user = try #require(try reply.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(user.totals == ["regular": regular, "regular_night": regular, "overtime": "0.00"])
            let day = try #require(user.days?.first { $0.date == saturday })
            #expect(day.intervals == "22:00-06:00" && day.regularHours == "2.00")
            #expect(user.days?.first { $0.date == sunday }?.intervals == "")
        }
    }

    @Test("a night from 30 November (St Andrew) to 1 December: 2 h in November's report, 6 h in December's, both holidays")
    func nightAcrossMonthEnd() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            try await plan(client, f, ["date": "2026-11-30", "shifts": "22:00-06:00"])
            try await scan(f, userID, [("2026-11-30", "21:55"), ("2026-12-01", "06:03")])
            // MUT
            let november = try await report(client, f, "2026", "11", totals: "regular_holiday_night,overtime_holiday,total")
            let december = try await report(client, f, "2026", "12", totals: "regular_holiday_night,overtime_holiday,total")
            // validation: the 5 minutes before 22:00 and the 3 after 06:00 are overtime, each on its own date.
            let inNovember = try #require(try november.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(inNovember.totals == ["regular_holiday_night": "2.00", "overtime_holiday": "0.08", "total": "2.08"])
            #expect(inNovember.days?.last?.intervals == "21:55-06:03")
            let inDecember = try #require(try december.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(inDecember.totals == ["regular_holiday_night": "6.00", "overtime_holiday": "0.05", "total": "6.05"])
            #expect(inDecember.days?.first?.intervals == "", "the interval began in November")
            #expect(inDecember.days?.first?.regularHours == "6.00")
        }
    }

    @Test("every totals token works for live attendance and adds up by class and by time of day")
    func everyToken() async throws {
        try await withApp { client, f in
            // setup: Tuesday 1 December (National Day) 08:00-12:00 planned and worked to 13:00; Saturday 5 December
            // worked 20:00-23:00 with no plan; Monday 7 December 14:00-22:00 planned with an hour of time off
            // and a 20-minute break, worked 13:30-21:00.
            let userID = try await employee(client, f)
            try await plan(client, f, ["date": "2026-12-01", "shifts": "08:00-12:00"])
            try await plan(client, f, ["date": "2026-12-07", "shifts": "14:00-22:00", "break_minutes": "20", "time_off": "08:00-09:00"])
            try await scan(
                f, userID,
                [
                    ("2026-12-01", "08:00"), ("2026-12-01", "13:00"), ("2026-12-05", "20:00"), ("2026-12-05", "23:00"), ("2026-12-07", "13:30"),
                    ("2026-12-07", "21:00"),
                ]
            )
            var tokens: [String] = []
            let bases = ["regular", "overtime", "total", "time_off", "overtime_balance"]
            for base in bases {
                for dayClass in ["", "_weekdays", "_weekend", "_holiday"] {
                    for time in ["", "_day", "_night"] { tokens.append(base + dayClass + time) }
                }
            }
            // MUT
            let reply = try await report(
                client, f, "2026", "12", totals: tokens.joined(separator: ","), extra: ["attendance_type": "live_attendance", "include_days": "0"])
            // validation
            let totals = try #require(try reply.decode(WorkScheduleReplyMirror.self).users.first).totals
            #expect(Set(totals.keys) == Set(tokens))
            func hours(_ token: String) -> Double { Double(totals[token] ?? "") ?? .nan }
            for base in bases {
                #expect(
                    abs(hours(base) - (hours(base + "_weekdays") + hours(base + "_weekend") + hours(base + "_holiday"))) < 0.011, "\(base) by class")
                #expect(abs(hours(base) - (hours(base + "_day") + hours(base + "_night"))) < 0.011, "\(base) by time")
            }
            // 1 December (National Day): 4 h regular, 1 h overtime. 5 December: 2 h overtime by day, 1 h at night.
            // 7 December: 14:00-21:00 present inside the shift, the break not taken: 7 h less 20 min; 13:30-14:00 overtime.
            #expect(totals["regular_holiday"] == "4.00" && totals["overtime_holiday"] == "1.00")
            #expect(totals["overtime_weekend_day"] == "2.00" && totals["overtime_weekend_night"] == "1.00")
            #expect(totals["regular_weekdays"] == "6.67" && totals["overtime_weekdays"] == "0.50")
            #expect(totals["regular"] == "10.67" && totals["overtime"] == "4.50" && totals["total"] == "15.17")
            #expect(totals["time_off"] == "1.00" && totals["overtime_balance"] == "3.50" && totals["overtime_night"] == "1.00")
        }
    }

    @Test("a forgotten check-out counts nothing; the next day's scans pair afresh after the reset limit")
    func forgottenCheckOut() async throws {
        try await withApp { client, f in
            // setup: in at 08:00 on the 2nd and never out; in 08:00 and out 16:00 on the 3rd.
            let userID = try await employee(client, f)
            try await scan(f, userID, [("2026-12-02", "08:00"), ("2026-12-03", "08:00"), ("2026-12-03", "16:00")])
            // MUT
            let reply = try await report(client, f, "2026", "12")
            // validation
            let user = try #require(try reply.decode(WorkScheduleReplyMirror.self).users.first)
            #expect(user.days?[1].intervals == "" && user.days?[2].intervals == "08:00-16:00")
            #expect(user.totals == ["regular": "0.00", "overtime": "8.00", "total": "8.00"])
        }
    }

    @Test("users/get_work_schedule is the same report, by POST and by GET, api_language optional; another company sees nothing")
    func pluralAlias() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            try await scan(f, userID, [("2026-12-02", "08:00"), ("2026-12-02", "16:00")])
            let query = "year=2026&month=12&totals=total&attendance_type=live_attendance&include_days=0"
            // MUT
            let singular = try await report(
                client, f, "2026", "12", totals: "total", extra: ["attendance_type": "live_attendance", "include_days": "0"])
            let plural = try await client.post(
                "/api/api_v2/users/get_work_schedule",
                ["api_key": f.key, "year": "2026", "month": "12", "totals": "total", "attendance_type": "live_attendance", "include_days": "0"]
            )
            let get = try await client.send("/api_v2/users/get_work_schedule?api_key=\(f.key)&\(query)", method: .get)
            let other = try await client.send("/api/api_v2/users/get_work_schedule?api_key=\(f.otherKey)&\(query)", method: .get)
            let missing = try await client.send("/api/api_v2/users/get_work_schedule?api_key=\(f.key)&year=2026", method: .get)
            // validation
            #expect(try singular.decode(WorkScheduleReplyMirror.self).users.first?.totals == ["total": "8.00"])
            #expect(plural.text == singular.text)
            #expect(get.status == .ok && get.text == singular.text)
            #expect(try other.decode(WorkScheduleReplyMirror.self).users.isEmpty)
            #expect(missing.checks == ["month:required", "totals:required"])
            #expect(missing.errors.first?.message == "month is required", "English by default")
        }
    }
}
