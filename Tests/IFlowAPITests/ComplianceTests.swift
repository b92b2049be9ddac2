import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@Suite("compliance/get_warnings and the Labour Code warnings of schedule writes")
struct ComplianceTests {
    func base(_ f: Fixture, _ language: String = "en_US", _ fields: [String: String] = [:]) -> [String: String] {
        ["api_key": f.key, "api_language": language].merging(fields) { _, new in new }
    }

    /// An employee with mark number 17 in team Producție; `birth_date` when given.
    func employee(_ client: some TestClientProtocol, _ f: Fixture, birthDate: String? = nil) async throws -> String {
        var fields = [
            "update_by": "cnp", "update_by_value": "1800101221144", "full_name": "Ion Popescu", "team_name": "Producție", "mark_number": "17",
        ]
        if let birthDate { fields["birth_date"] = birthDate }
        return try await client.post("/api_v2/user/update", base(f, "en_US", fields)).decode(UserUpdateReplyMirror.self).userID
    }

    /// Plans a day of employee 17, with a 30-minute break unless told otherwise (so no meal-break warning).
    func setDay(
        _ client: some TestClientProtocol, _ f: Fixture, _ date: String, _ shifts: String, breakMinutes: String = "30", language: String = "en_US"
    ) async throws -> Reply {
        let fields = ["user_by": "mark_number", "user_by_value": "17", "date": date, "shifts": shifts, "break_minutes": breakMinutes]
        return try await client.post("/api_v2/schedule/set_day", base(f, language, fields))
    }

    func warnings(
        _ client: some TestClientProtocol, _ f: Fixture, language: String = "en_US", key: String? = nil, attendanceType: String? = nil
    ) async throws -> ComplianceReplyMirror {
        var fields = base(f, language, ["year": "2026", "month": "6"])
        if let key { fields["api_key"] = key }
        if let attendanceType { fields["attendance_type"] = attendanceType }
        return try await client.post("/api_v2/compliance/get_warnings", fields).decode(ComplianceReplyMirror.self)
    }

    @Test("a night shift and an afternoon shift the next day leave 8 h of rest: art. 135(1), in both languages")
    func dailyRest() async throws {
        try await withApp { client, f in
            // setup: Tuesday 2 June 2026 22:00-06:00, Wednesday 3 June 14:00-22:00
            let id = try await employee(client, f)
            _ = try await setDay(client, f, "2026-06-02", "22:00-06:00")
            // MUT
            let day = try await setDay(client, f, "2026-06-03", "14:00-22:00")
            let english = try await warnings(client, f)
            let romanian = try await warnings(client, f, language: "ro_RO")
            let other = try await warnings(client, f, key: f.otherKey)
            // validation: the write is not blocked and names the warning it made
            let written = try day.decode(SetDayReplyMirror.self)
            #expect(written.warnings.map(\.rule) == ["daily_rest"])
            #expect(written.warnings.first?.userID == nil)
            #expect(english.year == "2026" && english.month == "06" && english.attendanceType == "work_schedule")
            #expect(english.rulesChecked.count == ComplianceRule.allCases.count)
            #expect(english.rulesChecked.first.map { "\($0.rule) \($0.article)" } == "daily_rest art. 135")
            #expect(english.users.map(\.userID) == [id])
            let warning = try #require(english.users.first?.warnings.first)
            #expect(
                [warning.rule, warning.article, warning.from, warning.through, warning.start, warning.end, warning.measuredHours, warning.limitHours]
                    == ["daily_rest", "art. 135(1)", "2026-06-02", "2026-06-03", "2026-06-03 06:00", "2026-06-03 14:00", "8.00", "12.00"]
            )
            #expect(warning.expires == nil && warning.expired == nil && warning.averageHours == nil)
            #expect(warning.message == "Rest between 2026-06-02 and 2026-06-03 is 8.00 h; at least 12.00 h are required")
            #expect(
                romanian.users.first?.warnings.first?.message
                    == "Repausul dintre 2026-06-02 și 2026-06-03 este de 8.00 ore; sunt necesare cel puțin 12.00 ore")
            #expect(other.users.isEmpty, "the other company sees no one")
        }
    }

    @Test("a plan overlapping the day before or after is refused with no_overlap and changes nothing")
    func overlapSetDay() async throws {
        try await withApp { client, f in
            // setup
            let id = try await employee(client, f)
            _ = try await setDay(client, f, "2026-06-02", "22:00-07:00")
            _ = try await setDay(client, f, "2026-06-03", "08:00-16:00")
            // MUT
            let refused = try await setDay(client, f, "2026-06-03", "06:00-14:00", language: "ro_RO")
            let before = try await setDay(client, f, "2026-06-01", "22:00-23:00,23:30-22:30", breakMinutes: "0")
            // validation
            #expect(refused.checks == ["shifts:no_overlap"])
            #expect(refused.errors.first?.message == "shifts are intervale orare care se suprapun: 2026-06-02")
            #expect(before.checks == ["shifts:no_overlap"])
            let plans = try await f.store.dayPlans(userIDs: [Int(id)!], from: LocalDate(iso: "2026-06-01")!, through: LocalDate(iso: "2026-06-03")!)
            #expect(plans[Int(id)!]?.map { TimeRangeList.format($0.shifts) } == ["22:00-07:00", "08:00-16:00"])
        }
    }

    @Test("schedule/import refuses rows that overlap within the file or a stored plan, naming the lines, and lists its warnings")
    func overlapImport() async throws {
        try await withApp { client, f in
            // setup
            let id = try await employee(client, f)
            _ = try await setDay(client, f, "2026-06-10", "05:00-13:00")
            let overlapping = """
                user_by,user_by_value,date,shifts
                mark_number,17,2026-06-04,22:00-07:00
                mark_number,17,2026-06-05,06:00-14:00
                mark_number,17,2026-06-09,22:00-06:00

                """
            let fine = """
                user_by,user_by_value,date,shifts,break_minutes
                mark_number,17,2026-06-04,22:00-06:00,30
                mark_number,17,2026-06-05,14:00-22:00,30
                mark_number,17,2026-06-10,08:00-16:00,30

                """
            // MUT
            let refused = try await client.upload("/api_v2/schedule/import", fields: base(f), file: overlapping)
            let imported = try await client.upload("/api_v2/schedule/import", fields: base(f), file: fine)
            // validation: line 3 overlaps line 2; line 4 overlaps the stored 10 June
            #expect(refused.errors.map { "\($0.line ?? "-") \($0.field ?? "-"):\($0.check)" } == ["3 shifts:no_overlap", "4 shifts:no_overlap"])
            #expect(refused.errors.first?.message == "line 3: shifts has time ranges that overlap: line 2")
            #expect(refused.errors.last?.message == "line 4: shifts has time ranges that overlap: 2026-06-10")
            let reply = try imported.decode(ImportReplyMirror.self)
            #expect(reply.rows == "3" && reply.warningsTotal == "1")
            #expect(reply.warnings.map { "\($0.userID ?? "-") \($0.rule) \($0.from) \($0.measuredHours)" } == ["\(id) daily_rest 2026-06-04 8.00"])
        }
    }

    @Test("turned-off rules, shift work and a minor: what is checked follows the company's and the employee's settings")
    func settings() async throws {
        try await withApp { client, f in
            // setup: born 20 June 2008, so a minor until 19 June 2026; 8 h of rest between shifts on 2 and 3 June
            let id = Int(try await employee(client, f, birthDate: "2008-06-20"))!
            _ = try await setDay(client, f, "2026-06-02", "22:00-06:00")
            _ = try await setDay(client, f, "2026-06-03", "14:00-18:00")
            _ = try await setDay(client, f, "2026-06-24", "08:00-16:00", breakMinutes: "0")
            // MUT
            let all = try await warnings(client, f)
            try await f.store.setDisabledComplianceRules([.mealBreak], companyID: f.companyID, actor: .commandLine)
            #expect(try await f.store.setTeamShiftWork(true, teamName: "Producție", companyID: f.companyID, actor: .commandLine))
            #expect(!(try await f.store.setTeamShiftWork(true, teamName: "Nobody", companyID: f.companyID, actor: .commandLine)))
            #expect(!(try await f.store.setUserShiftWork(true, userID: id, companyID: f.otherCompanyID, actor: .commandLine)))
            let changed = try await warnings(client, f)
            // validation: a minor's night work and 8 h of rest; the adult day of 24 June without a break
            #expect(all.users.first?.warnings.map(\.rule) == ["daily_rest", "minor_daily_hours", "minor_night_work", "meal_break"])
            #expect(changed.rulesChecked.map(\.rule).contains("meal_break") == false)
            #expect(changed.users.first?.warnings.map(\.rule) == ["minor_daily_hours", "minor_night_work"], "8 h between shifts are enough")
        }
    }

    /// Records a check-in and a check-out of employee 17 at local `YYYY-MM-DD HH:MM` times.
    func present(_ client: some TestClientProtocol, _ f: Fixture, _ checkIn: String, _ checkOut: String) async throws {
        for (time, direction) in [(checkIn, "in"), (checkOut, "out")] {
            let fields = ["user_by": "mark_number", "user_by_value": "17", "time": time, "direction": direction]
            let reply = try await client.post("/api_v2/attendance/add", base(f, "en_US", fields))
            #expect(reply.errors.isEmpty, "\(reply.text)")
        }
    }

    @Test("live_attendance checks the time present: a 12-hour real day followed by 12 h of rest, overtime less the time off planned")
    func liveAttendance() async throws {
        try await withApp { client, f in
            // setup: planned 08:00-16:00 (30 min break) on 2 and 3 June and 4 h of time off on 4 June; present 05:30-18:00, then 06:00-14:00
            let id = try await employee(client, f)
            _ = try await setDay(client, f, "2026-06-02", "08:00-16:00")
            _ = try await setDay(client, f, "2026-06-03", "08:00-16:00")
            let timeOff = base(f, "en_US", ["user_by": "mark_number", "user_by_value": "17", "date": "2026-06-04", "time_off": "08:00-12:00"])
            #expect(try await client.post("/api_v2/schedule/set_day", timeOff).errors.isEmpty)
            try await present(client, f, "2026-06-02 05:30", "2026-06-02 18:00")
            try await present(client, f, "2026-06-03 06:00", "2026-06-03 14:00")
            // MUT
            let planned = try await warnings(client, f)
            let live = try await warnings(client, f, attendanceType: "live_attendance")
            let other = try await warnings(client, f, key: f.otherKey, attendanceType: "live_attendance")
            // validation: the plans break nothing; present, 2 June is 7.50 h regular and 4.50 h overtime, 3 June 5.50 h and
            // 2.00 h; the 4 h of time off pay off the earliest overtime first
            #expect(planned.users.isEmpty)
            #expect(live.attendanceType == "live_attendance" && live.rulesChecked.count == ComplianceRule.allCases.count)
            #expect(live.users.map(\.userID) == [id])
            let found = live.users.first?.warnings ?? []
            #expect(
                found.map { "\($0.rule) \($0.from) \($0.measuredHours) \($0.limitHours)" } == [
                    "long_day_rest 2026-06-02 12.00 24.00", "overtime_compensation 2026-06-02 0.50 0.00",
                    "overtime_compensation 2026-06-03 2.00 0.00",
                ])
            let rest = try #require(found.first)
            #expect([rest.article, rest.through, rest.start, rest.end] == ["art. 115(2)", "2026-06-03", "2026-06-02 18:00", "2026-06-03 06:00"])
            #expect(other.users.isEmpty, "the other company sees no one")
        }
    }

    @Test("bad input is refused with every failed check")
    func badInput() async throws {
        try await withApp { client, f in
            // MUT
            let reply = try await client.post(
                "/api_v2/compliance/get_warnings", base(f, "en_US", ["year": "1989", "month": "13", "attendance_type": "both", "user_by": "x"])
            )
            let missing = try await client.post("/api_v2/compliance/get_warnings", base(f))
            // validation
            #expect(reply.checks == ["year:between", "month:between", "user_by:in_list", "user_by_value:required", "attendance_type:in_list"])
            #expect(missing.checks == ["year:required", "month:required"])
        }
    }
}
