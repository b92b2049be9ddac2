import Foundation
import HummingbirdTesting
import Testing

/// The replies byte for byte: key order, strings for every scalar, `null` for unset, and which keys are left out.
@Suite("Reply bytes")
struct ReplyBytesTests {
    static let cnp = "1800101221144"

    func base(_ f: Fixture, _ extra: [String: String] = [:]) -> [String: String] {
        ["api_key": f.key, "api_language": "en_US"].merging(extra) { _, new in new }
    }

    /// Ion Popescu, mark number 17, in team Producție.
    func employee(_ client: some TestClientProtocol, _ f: Fixture) async throws -> Reply {
        let fields = ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion Popescu", "team_name": "Producție", "mark_number": "17"]
        return try await client.post("/api_v2/user/update", base(f, fields))
    }

    @Test("user/update, user/get_list, schedule/set_day and schedule/import")
    func userAndSchedule() async throws {
        try await withApp { client, f in
            // MUT
            let created = try await employee(client, f)
            let update = try created.decode(UserUpdateReplyMirror.self)
            let (id, team) = (update.userID, try #require(update.newUser.teamID))
            let listed = try await client.post("/api_v2/user/get_list", base(f))
            let day = try await client.post(
                "/api_v2/schedule/set_day",
                base(f, ["user_by": "user_id", "user_by_value": id, "date": "2019-12-24", "shifts": "08:00-16:00", "break_minutes": "30"])
            )
            let imported = try await client.upload(
                "/api_v2/schedule/import", fields: base(f), file: "user_by,user_by_value,date,type\nmark_number,17,2019-12-27,CO\n"
            )
            // validation
            let user = """
                {"user_id":"\(id)","team_id":"\(team)","team_name":"Producție","full_name":"Ion Popescu","is_enabled":"1","disable_date":null,\
                "rfid_tag":null,"cnp":"\(Self.cnp)","id_card":null,"id_card_issued_by":null,"id_card_issue_date":null,"bank_account":null,\
                "birth_date":null,"employment_date":null,"job_title":null,"mark_number":"17","contract_number":null,"section":null,\
                "address":null,"city":null,"county":null,"phone_one":null,"phone_two":null}
                """
            #expect(
                created.text == #"""
                    {"api_reply":{"update_by":"cnp","update_by_value":"\#(Self.cnp)","user_id":"\#(id)","action":"created",\#
                    "new_user":\#(user)}}
                    """#
            )
            #expect(listed.text == #"{"api_reply":{"total":"1","limit":"100","offset":"0","users":[\#(user)]}}"#)
            #expect(
                day.text == #"""
                    {"api_reply":{"user_id":"\#(id)","date":"2019-12-24","type":"work","shifts":"08:00-16:00","break_minutes":"30",\#
                    "overtime":"","time_off":"","warnings":[]}}
                    """#
            )
            #expect(imported.text == #"{"api_reply":{"rows":"1","users":"1","warnings_total":"0","warnings":[]}}"#)
        }
    }

    @Test("user/get_work_schedule with and without days")
    func workSchedule() async throws {
        try await withApp { client, f in
            // setup
            let created = try await employee(client, f)
            let id = try created.decode(UserUpdateReplyMirror.self).userID
            _ = try await client.post(
                "/api_v2/schedule/set_day", base(f, ["user_by": "user_id", "user_by_value": id, "date": "2019-12-25", "shifts": "22:00-06:00"])
            )
            let query = base(f, ["year": "2019", "month": "12", "totals": "total,regular_holiday_night"])
            // MUT
            let short = try await client.post("/api_v2/user/get_work_schedule", query.merging(["include_days": "0"]) { _, new in new })
            let full = try await client.post("/api_v2/user/get_work_schedule", query)
            // validation
            let head =
                #"{"api_reply":{"year":"2019","month":"12","users":[{"user_id":"\#(id)","full_name":"Ion Popescu","#
                + #""cnp":"\#(Self.cnp)","id_card":null,"mark_number":"17","team_name":"Producție","#
            let totals = #""totals":{"total":"8.00","regular_holiday_night":"8.00"}}]}}"#
            #expect(short.text == head + totals)
            #expect(full.text.hasPrefix(head + #""days":[{"date":"2019-12-01","day_type":"holiday","holiday_name":"National Day","#))
            #expect(full.text.hasSuffix(#""regular_hours":"0.00","overtime_hours":"0.00","time_off_hours":"0.00"}],"# + totals))
            let planned = #"""
                {"date":"2019-12-25","day_type":"holiday","holiday_name":"Christmas Day","type":"work","shifts":"22:00-06:00",\#
                "break_minutes":"0","overtime":"","time_off":"","regular_hours":"2.00","overtime_hours":"0.00","time_off_hours":"0.00"}
                """#
            let unplanned = #"""
                {"date":"2019-12-02","day_type":"weekday","holiday_name":null,"type":null,"shifts":null,"break_minutes":null,\#
                "overtime":null,"time_off":null,"regular_hours":"0.00","overtime_hours":"0.00","time_off_hours":"0.00"}
                """#
            #expect(full.text.contains(planned))
            #expect(full.text.contains(unplanned))
        }
    }

    @Test("calendar/get_holidays, audit/get_list and /healthz")
    func calendarAuditHealth() async throws {
        try await withApp { client, f in
            // setup
            _ = try await client.post("/api_v2/user/update", base(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion"]))
            // MUT
            let holidays = try await client.post("/api_v2/calendar/get_holidays", base(f, ["year": "2024"]))
            let audit = try await client.post("/api_v2/audit/get_list", base(f, ["entity": "user"]))
            let health = try await client.send("/healthz", method: .get)
            // validation
            #expect(holidays.text.hasPrefix(#"{"api_reply":{"year":"2024","holidays":[{"date":"2024-01-01","name":"New Year's Day"},{"#))
            #expect(holidays.text.hasSuffix(#"}]}}"#))
            let event = try #require(try audit.decode(AuditListReplyMirror.self).events.first)
            #expect(Set(event.fields) == ["full_name", "cnp"])
            let fields = event.fields.map { "\"\($0)\"" }.joined(separator: ",")
            #expect(
                audit.text == #"""
                    {"api_reply":{"total":"1","events":[{"id":"\#(event.id)","time":"\#(event.time)","actor_type":"api_key",\#
                    "actor_id":"\#(event.actorID ?? "?")","actor":"\#(event.actor)","action":"user.created","entity":"user",\#
                    "entity_id":"\#(event.entityID ?? "?")","fields":[\#(fields)],"detail":""}]}}
                    """#
            )
            #expect(health.text == #"{"status":"ok"}"#)
        }
    }

    @Test("the error envelope: a validation failure and a transport error")
    func errors() async throws {
        try await withApp { client, f in
            // MUT
            let missing = try await client.post("/api_v2/user/get_list", ["api_key": f.key])
            let unknown = try await client.post("/api_v2/user/nothing", base(f))
            let file = "user_by,user_by_value,date\nuser_id,999999,2019-12-01\n"
            let refused = try await client.upload("/api_v2/schedule/import", fields: base(f), file: file)
            // validation
            let required = #"{"field_name":"api_language","check_name":"required","message":"api_language is required"}"#
            #expect(missing.text == #"{"api_reply":{"error":[\#(required)]}}"#)
            let transport = #"{"field_name":null,"check_name":"endpoint","message":"The endpoint is not available"}"#
            #expect(unknown.text == #"{"api_reply":{"error":[\#(transport)]}}"#)
            let message = try #require(refused.errors.first?.message)
            #expect(message.hasPrefix("line 2: "))
            let item = #"{"field_name":"user_by_value","check_name":"exists","message":"\#(message)","line":"2"}"#
            #expect(refused.text == #"{"api_reply":{"error":[\#(item)]}}"#)
        }
    }

    @Test("rfid_devices/auto_attendance: a check-in's scan message, user and event")
    func autoAttendance() async throws {
        try await withApp { client, f in
            // setup
            let created = try await employee(client, f)
            let update = try created.decode(UserUpdateReplyMirror.self)
            let (id, team) = (update.userID, try #require(update.newUser.teamID))
            _ = try await client.post("/api_v2/user/update", base(f, ["update_by": "cnp", "update_by_value": Self.cnp, "rfid_tag": "04A1B2C3"]))
            let terminal = try await f.store.createDevice(companyID: f.companyID, label: "Poarta 1", actor: .commandLine)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Bucharest")!
            func wallSeconds(_ date: Date) -> Int {
                let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
                return parts.hour! * 3_600 + parts.minute! * 60 + parts.second!
            }
            let before = Date()
            // MUT
            let reply = try await client.post("/api/rfid_devices/auto_attendance", ["access_token": terminal.token, "rfid_tag": "04A1B2C3"])
            // validation
            let after = Date()
            let event = try #require(reply.decode(AutoAttendanceReplyMirror.self).event.first)
            let start = try #require(Int(event.startTime))
            #expect(start >= wallSeconds(before) && start <= wallSeconds(after) || wallSeconds(after) < wallSeconds(before))
            let date = calendar.dateComponents([.year, .month, .day], from: after)
            let day = String(format: "%04d-%02d-%02d", date.year!, date.month!, date.day!)
            #expect(
                reply.text == #"""
                    {"api_reply":{"scan_msg":"Bun venit, Ion Popescu!","user":{"ID":"\#(id)","is_enabled":"1","company_id":"\#(f.companyID)",\#
                    "team_id":"\#(team)","full_name":"Ion Popescu","timezone":"","check_in_reset_limit":"46800",\#
                    "company_check_in_reset_limit":"46800","default_timezone":"Europe/Bucharest","use_locked_months":"1",\#
                    "time_between_check_ins":"60","agent_id":"\#(terminal.id)"},"event":[{"ID":"\#(event.id)","company_id":"\#(f.companyID)",\#
                    "user_id":"\#(id)","date":"\#(day)","start_time":"\#(start)","end_time":null,"terminal_type":"rfid",\#
                    "rfid_agent_id":"\#(terminal.id)","closed_terminal_type":null,"closed_rfid_agent_id":null,"status":"open"}]}}
                    """#
            )
        }
    }

    @Test("attendance/get_list, attendance/get_exceptions and compliance/get_warnings: the page, then each employee's identity")
    func attendanceAndCompliance() async throws {
        try await withApp { client, f in
            // setup: Ion planned on Monday 1 June 2026, never present; a night and the next afternoon leave 8 h of rest
            let id = try await employee(client, f).decode(UserUpdateReplyMirror.self).userID
            for (date, shifts) in [("2026-06-01", "08:00-16:00"), ("2026-06-02", "22:00-06:00"), ("2026-06-03", "14:00-22:00")] {
                _ = try await client.post(
                    "/api_v2/schedule/set_day",
                    base(f, ["user_by": "user_id", "user_by_value": id, "date": date, "shifts": shifts, "break_minutes": "30"])
                )
            }
            let range = ["date_interval_start": "2026-06-01", "date_interval_end": "2026-06-01"]
            // MUT
            let list = try await client.post("/api_v2/attendance/get_list", base(f, range))
            let exceptions = try await client.post("/api_v2/attendance/get_exceptions", base(f, range))
            let warnings = try await client.post("/api_v2/compliance/get_warnings", base(f, ["year": "2026", "month": "6"]))
            // validation
            let page = #"{"api_reply":{"total":"1","limit":"100","offset":"0","date_interval_start":"2026-06-01","date_interval_end":"2026-06-01","#
            let ion = #"{"user_id":"\#(id)","full_name":"Ion Popescu","mark_number":"17","team_name":"Producție","#
            #expect(list.text == page + #""users":[\#(ion)"attendances":[],"events":[]}]}}"#)
            #expect(
                exceptions.text == page + #"""
                    "users":[\#(ion)"exceptions":[{"type":"no_presence","date":"2026-06-01","planned_time":"08:00","check_in":null,\#
                    "check_out":null,"minutes":null,"scan_ids":[],"message":"No presence on a planned work day (shift from 08:00)"}]}]}}
                    """#
            )
            #expect(warnings.text.contains(#""users":[\#(ion)"warnings":[{"rule":"#), "\(warnings.text)")
        }
    }
}
