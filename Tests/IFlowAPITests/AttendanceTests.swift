import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

@Suite("Attendance: add, delete, lists, exceptions and the day's status")
struct AttendanceTests {
    static let cnp = "1800101221144"
    static let secondCNP = "2950724420010"
    static let zone = TimeZone(identifier: "Europe/Bucharest")!

    func base(_ f: Fixture, _ language: String = "en_US") -> [String: String] {
        ["api_key": f.key, "api_language": language]
    }

    /// An employee with mark number `mark` in team `team`; answers its id.
    func employee(
        _ client: some TestClientProtocol, _ f: Fixture, cnp: String = Self.cnp, mark: String = "17", name: String = "Ion Popescu",
        team: String = "Producție"
    ) async throws -> String {
        let reply = try await client.post(
            "/api_v2/user/update",
            base(f).merging(["update_by": "cnp", "update_by_value": cnp, "full_name": name, "team_name": team, "mark_number": mark]) { _, b in b })
        return try reply.decode(UserUpdateReplyMirror.self).userID
    }

    func add(_ client: some TestClientProtocol, _ f: Fixture, _ fields: [String: String], language: String = "en_US") async throws -> Reply {
        try await client.post(
            "/api_v2/attendance/add",
            base(f, language).merging(["user_by": "mark_number", "user_by_value": "17"]) { _, b in b }.merging(fields) { _, b in b })
    }

    func list(
        _ client: some TestClientProtocol, _ f: Fixture, _ start: String, _ end: String, extra: [String: String] = [:]
    ) async throws
        -> AttendanceListReplyMirror
    {
        try await client.post(
            "/api_v2/attendance/get_list",
            base(f).merging(["date_interval_start": start, "date_interval_end": end]) { _, b in b }.merging(extra) { _, b in b }
        ).decode(AttendanceListReplyMirror.self)
    }

    func setDay(_ client: some TestClientProtocol, _ f: Fixture, _ fields: [String: String]) async throws {
        let reply = try await client.post(
            "/api_v2/schedule/set_day",
            base(f).merging(["user_by": "mark_number", "user_by_value": "17"]) { _, b in b }.merging(fields) { _, b in b })
        #expect(reply.errors.isEmpty, "\(reply.text)")
    }

    /// The local wall clock of Bucharest `offset` seconds from now: `YYYY-MM-DD` and `HH:MM:SS`.
    static func local(_ offset: TimeInterval = 0) -> (date: String, time: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let parts = formatter.string(from: Date().addingTimeInterval(offset)).split(separator: " ")
        return (String(parts[0]), String(parts[1]))
    }

    @Test("add stores an API entry and answers it with the day's pairs; a second one inside the window is a duplicate, in both languages")
    func addEntries() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            // MUT
            let first = try await add(client, f, ["time": "2026-01-14 08:00", "note": "forgot the badge"])
            let duplicate = try await add(client, f, ["time": "2026-01-14 08:00:59"])
            let romanian = try await add(client, f, ["time": "2026-01-14 08:00:30"], language: "ro_RO")
            let second = try await add(client, f, ["time": "2026-01-14 16:30:00", "direction": "out"])
            // validation
            let entry = try first.decode(AttendanceAddReplyMirror.self)
            #expect(entry.attendance.userID == userID)
            #expect((entry.attendance.date, entry.attendance.time, entry.attendance.direction) == ("2026-01-14", "08:00:00", "check_in"))
            #expect(entry.attendance.pairID == entry.attendance.id)
            #expect((entry.attendance.source, entry.attendance.arrival, entry.attendance.note) == ("api", "entry", "forgot the badge"))
            #expect(entry.attendance.sourceLabel.hasPrefix("payroll"))
            #expect(entry.attendance.forcedDirection == nil && entry.attendance.deletionReason == nil)
            // Long past, an entry with no check-out is already a missing one.
            let missingCheckOut: [String?] = [
                entry.attendance.id, String(f.companyID), userID, "2026-01-14", "28800", nil, "api", nil, nil, nil, "missing_check_out",
            ]
            #expect(entry.events.map(\.values) == [missingCheckOut])
            #expect(duplicate.checks == ["time:duplicate_scan"])
            #expect(duplicate.errors.map(\.message) == ["Cannot add - duplicate attendance: \(entry.attendance.id)"])
            #expect(romanian.errors.map(\.message) == ["Nu se poate adăuga - prezență duplicată: \(entry.attendance.id)"])
            let closing = try second.decode(AttendanceAddReplyMirror.self)
            #expect((closing.attendance.direction, closing.attendance.forcedDirection) == ("check_out", "out"))
            #expect(closing.attendance.pairID == entry.attendance.id)
            #expect(
                closing.events.map(\.values) == [
                    [entry.attendance.id, String(f.companyID), userID, "2026-01-14", "28800", "59400", "api", nil, "api", nil, "closed"]
                ])
            let listed = try await list(client, f, "2026-01-14", "2026-01-14")
            #expect(listed.users.flatMap(\.attendances).map(\.time) == ["08:00:00", "16:30:00"])
            // validation: audited with who, when and what
            let audit = try await client.post("/api_v2/audit/get_list", base(f)).decode(AuditListReplyMirror.self)
            let added = audit.events.filter { $0.action == "attendance.added" }
            #expect(added.count == 2)
            #expect(added.allSatisfy { $0.actorType == "api_key" && $0.actor.hasPrefix("payroll") && $0.entityID == userID })
        }
    }

    @Test("bad input to add is refused with every check and stores nothing; another company's employee does not exist")
    func addRefusals() async throws {
        try await withApp { client, f in
            // setup
            _ = try await employee(client, f)
            let future = Self.local(3600)
            // MUT
            let missing = try await client.post("/api_v2/attendance/add", base(f))
            let malformed = try await add(client, f, ["time": "2026-01-14T08:00", "direction": "up", "user_by_value": "99"])
            let springGap = try await add(client, f, ["time": "2026-03-29 03:30"])
            let ahead = try await add(client, f, ["time": "\(future.date) \(future.time)"], language: "ro_RO")
            let unknown = try await add(client, f, ["time": "2026-01-14 08:00", "user_by_value": "99"])
            let otherTenant = try await client.post(
                "/api_v2/attendance/add",
                ["api_key": f.otherKey, "api_language": "en_US", "user_by": "mark_number", "user_by_value": "17", "time": "2026-01-14 08:00"])
            // validation
            #expect(missing.checks == ["user_by:required", "user_by_value:required", "time:required"])
            #expect(malformed.checks == ["time:valid_date", "direction:in_list"])
            #expect(springGap.checks == ["time:valid_date"])
            #expect(ahead.checks == ["time:future_time"])
            #expect(ahead.errors.map(\.message) == ["time este cu mai mult de 5 minute înaintea ceasului serverului"])
            #expect(unknown.checks == ["user_by_value:exists"])
            #expect(otherTenant.checks == ["user_by_value:exists"])
            let listed = try await list(client, f, "2026-01-01", "2026-12-31")
            #expect(listed.users.flatMap(\.attendances).isEmpty)
            let audit = try await client.post("/api_v2/audit/get_list", base(f)).decode(AuditListReplyMirror.self)
            #expect(!audit.events.contains { $0.action.hasPrefix("attendance.") })
        }
    }

    @Test("delete needs a reason, keeps the entry as deleted with who and why, and finds nothing of another company's or twice")
    func deleteEntries() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            let entry = try await add(client, f, ["time": "2026-01-14 08:00"]).decode(AttendanceAddReplyMirror.self).attendance
            _ = try await add(client, f, ["time": "2026-01-14 16:00"])
            // MUT
            let noReason = try await client.post(
                "/api_v2/attendance/delete", base(f).merging(["attendance_id": entry.id, "reason": " "]) { _, b in b })
            let foreign = try await client.post(
                "/api_v2/attendance/delete", ["api_key": f.otherKey, "api_language": "ro_RO", "attendance_id": entry.id, "reason": "test"])
            let deleted = try await client.post(
                "/api_v2/attendance/delete", base(f).merging(["attendance_id": entry.id, "reason": "entered twice"]) { _, b in b })
            let again = try await client.post(
                "/api_v2/attendance/delete", base(f).merging(["attendance_id": entry.id, "reason": "entered twice"]) { _, b in b })
            let unknown = try await client.post(
                "/api_v2/attendance/delete", base(f).merging(["attendance_id": "999999", "reason": "x"]) { _, b in b })
            // validation
            #expect(noReason.checks == ["reason:not_empty"])
            #expect(foreign.checks == ["attendance_id:attendance_not_found"])
            #expect(foreign.errors.map(\.message) == ["nicio prezență a acestei firme nu are id-ul \(entry.id)"])
            let reply = try deleted.decode(AttendanceDeleteReplyMirror.self)
            #expect((reply.attendanceID, reply.userID, reply.reason) == (entry.id, userID, "entered twice"))
            #expect(again.errors.map(\.message) == ["attendance \(entry.id) is already deleted"])
            #expect(unknown.errors.map(\.message) == ["no attendance of this company has the id 999999"])
            let listed = try await list(client, f, "2026-01-14", "2026-01-14").users.flatMap(\.attendances)
            #expect(listed.map(\.direction) == ["deleted", "check_in"])
            #expect(listed[0].deletionReason == "entered twice")
            #expect(listed[0].deletedBy?.hasPrefix("payroll") == true)
            #expect(listed[0].deletedAt != nil && listed[0].pairID == nil)
            let audit = try await client.post("/api_v2/audit/get_list", base(f)).decode(AuditListReplyMirror.self)
            let deletions = audit.events.filter { $0.action == "attendance.deleted" }
            #expect(deletions.count == 1)
            #expect(deletions.first?.detail.contains("entered twice") == true)
        }
    }

    @Test("get_list: a night shift across a month's end pairs in either month's list; filters, paging, the other tenant sees nothing")
    func nightShiftList() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            _ = try await employee(client, f, cnp: Self.secondCNP, mark: "18", name: "Ana Pop", team: "Birou")
            let checkIn = try await add(client, f, ["time": "2026-01-31 22:00"]).decode(AttendanceAddReplyMirror.self).attendance
            _ = try await add(client, f, ["time": "2026-02-01 06:00"])
            let duplicate = try await add(client, f, ["time": "2026-02-01 06:00:30"])
            // MUT
            let january = try await list(client, f, "2026-01-31", "2026-01-31", extra: ["team_name": "Producție"])
            let february = try await list(client, f, "2026-02-01", "2026-02-01", extra: ["user_by": "user_id", "user_by_value": userID])
            let both = try await list(client, f, "2026-01-01", "2026-02-28", extra: ["limit": "1", "offset": "1"])
            let other = try await client.post(
                "/api_v2/attendance/get_list",
                ["api_key": f.otherKey, "api_language": "en_US", "date_interval_start": "2026-01-01", "date_interval_end": "2026-02-28"]
            ).decode(AttendanceListReplyMirror.self)
            let tooLong = try await client.post(
                "/api_v2/attendance/get_list",
                base(f, "ro_RO").merging(["date_interval_start": "2026-01-01", "date_interval_end": "2027-01-02"]) { _, b in b })
            // validation
            #expect(january.total == "1")
            #expect(january.users.first?.attendances.map(\.direction) == ["check_in"])
            #expect(
                january.users.first?.events.map(\.values) == [
                    [checkIn.id, String(f.companyID), userID, "2026-01-31", "79200", "108000", "api", nil, "api", nil, "closed"]
                ])
            let morning = try #require(february.users.first)
            #expect(morning.attendances.map(\.direction) == ["check_out"])
            #expect(morning.attendances.first?.pairID == checkIn.id)
            #expect(duplicate.checks == ["time:duplicate_scan"])
            #expect(morning.events.isEmpty)
            #expect((both.total, both.limit, both.offset) == ("2", "1", "1"))
            #expect(both.users.map(\.fullName) == ["Ana Pop"])
            #expect(other.total == "0" && other.users.isEmpty)
            #expect(tooLong.checks == ["date_interval_end:between"])
            #expect(tooLong.errors.map(\.message) == ["date_interval_end trebuie să fie între 2026-01-01 și 2027-01-01"])
        }
    }

    @Test("get_exceptions: late across a month's end, no presence on a planned day, presence without a plan, in both languages")
    func exceptions() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            try await setDay(client, f, ["date": "2026-01-31", "shifts": "22:00-06:00"])
            try await setDay(client, f, ["date": "2026-02-02", "shifts": "08:00-16:00"])
            let checkIn = try await add(client, f, ["time": "2026-01-31 22:10"]).decode(AttendanceAddReplyMirror.self).attendance
            _ = try await add(client, f, ["time": "2026-02-01 06:00"])
            _ = try await add(client, f, ["time": "2026-02-03 09:00"])
            _ = try await add(client, f, ["time": "2026-02-03 10:00"])
            func exceptions(
                _ start: String, _ end: String, _ language: String = "en_US", key: String? = nil
            ) async throws
                -> AttendanceExceptionsReplyMirror
            {
                try await client.post(
                    "/api_v2/attendance/get_exceptions",
                    ["api_key": key ?? f.key, "api_language": language, "date_interval_start": start, "date_interval_end": end]
                ).decode(AttendanceExceptionsReplyMirror.self)
            }
            // MUT
            let all = try await exceptions("2026-01-31", "2026-02-03")
            let romanian = try await exceptions("2026-01-31", "2026-01-31", "ro_RO")
            let february = try await exceptions("2026-02-01", "2026-02-01")
            let other = try await exceptions("2026-01-31", "2026-02-03", key: f.otherKey)
            // validation
            let found = try #require(all.users.first).exceptions
            #expect(all.users.first?.userID == userID)
            #expect(found.map(\.type) == ["late_check_in", "no_presence", "presence_without_plan"])
            #expect(found.map(\.date) == ["2026-01-31", "2026-02-02", "2026-02-03"])
            #expect((found[0].plannedTime, found[0].checkIn, found[0].minutes, found[0].scanIDs) == ("22:00", "22:10", "10", [checkIn.id]))
            #expect(found[0].message == "Late check-in: 22:10 for the shift starting 22:00 (10 min)")
            #expect(found[1].plannedTime == "08:00" && found[1].scanIDs.isEmpty)
            #expect((found[2].checkIn, found[2].checkOut, found[2].scanIDs.count) == ("09:00", "10:00", 2))
            #expect(romanian.users.first?.exceptions.map(\.message) == ["Intrare întârziată: 22:10 pentru tura care începe la 22:00 (10 min)"])
            #expect(february.users.first?.exceptions.isEmpty == true)
            #expect(other.users.isEmpty)
        }
    }

    @Test("get_today_status by GET and POST: at work now, absent with the code, not planned; English by default; the other tenant sees nobody")
    func todayStatus() async throws {
        try await withApp { client, f in
            // setup
            let userID = try await employee(client, f)
            _ = try await employee(client, f, cnp: Self.secondCNP, mark: "18", name: "Ana Pop", team: "Birou")
            let hourAgo = Self.local(-3600)
            let today = Self.local().date
            _ = try await add(client, f, ["time": "\(hourAgo.date) \(hourAgo.time)"])
            let absence = try await client.post(
                "/api_v2/schedule/set_day",
                base(f).merging(["user_by": "mark_number", "user_by_value": "18", "date": today, "type": "CO"]) { _, b in b })
            #expect(absence.errors.isEmpty)
            // MUT
            let get = try await client.send("/api/api_v2/users/get_today_status?api_key=\(f.key)", method: .get)
            let romanian = try await client.send(
                "/api_v2/users/get_today_status?api_language=ro_RO&team_name=Birou", method: .get, headers: [.authorization: "Bearer \(f.key)"])
            let planned = try await client.post("/api_v2/users/get_today_status", ["api_key": f.key, "attendance_type": "work_schedule"])
            let other = try await client.send("/api_v2/users/get_today_status?api_key=\(f.otherKey)", method: .get)
            let wrongType = try await client.send("/api_v2/users/get_today_status?api_key=\(f.key)&attendance_type=now", method: .get)
            let wrongLanguage = try await client.send("/api_v2/users/get_today_status?api_key=\(f.key)&api_language=xx", method: .get)
            // validation
            let board = try get.decode(DayStatusReplyMirror.self)
            #expect((board.date, board.attendanceType) == (today, "live_attendance"))
            #expect(board.users.map(\.fullName) == ["Ion Popescu", "Ana Pop"])
            let ion = board.users[0]
            #expect((ion.userID, ion.cnp, ion.markNumber, ion.teamName) == (userID, Self.cnp, "17", "Producție"))
            #expect((ion.status, ion.statusCode, ion.atWork, ion.plannedShifts, ion.absenceCode) == ("At work", "at_work", "1", "", nil))
            #expect(ion.events.map(\.status) == ["open"])
            // An hour present, all of it overtime (nothing planned), unless it began before today's midnight.
            if hourAgo.date == today { #expect((Int(ion.minutesWorked) ?? 0) >= 59) }
            let ana = board.users[1]
            #expect((ana.status, ana.statusCode, ana.atWork, ana.absenceCode) == ("Missing, Vacation leave", "absent", "0", "CO"))
            let birou = try romanian.decode(DayStatusReplyMirror.self)
            #expect(birou.users.map(\.status) == ["Absent, Concediu de odihnă"])
            let plan = try planned.decode(DayStatusReplyMirror.self)
            #expect(plan.attendanceType == "work_schedule")
            #expect(plan.users.map(\.statusCode) == ["not_planned", "absent"])
            #expect(plan.users.allSatisfy { $0.events.isEmpty })
            #expect(try other.decode(DayStatusReplyMirror.self).users.isEmpty)
            #expect(wrongType.checks == ["attendance_type:in_list"])
            #expect(wrongType.errors.map(\.message) == ["attendance_type must be one of: work_schedule, live_attendance"])
            #expect(wrongLanguage.checks == ["api_language:in_list"])
        }
    }

    @Test("tomorrow and the next working day read the plan: at work with the planned shifts, the date a weekday that is no holiday")
    func aheadStatus() async throws {
        try await withApp { client, f in
            // setup
            _ = try await employee(client, f)
            let calculator = ScheduleCalculator(timeZone: Self.zone, holidays: .romania)
            let today = try #require(LocalDate(iso: Self.local().date))
            var next = today.adding(days: 1)
            while calculator.dayClass(of: next) != .weekdays { next = next.adding(days: 1) }
            try await setDay(client, f, ["date": today.adding(days: 1).description, "shifts": "08:00-16:00"])
            try await setDay(client, f, ["date": next.description, "shifts": "08:00-16:00"])
            // MUT
            let tomorrow = try await client.send("/api_v2/users/get_tomorrow_status?api_key=\(f.key)", method: .get).decode(DayStatusReplyMirror.self)
            let nextDay = try await client.post("/api_v2/users/get_next_work_day_status", ["api_key": f.key, "api_language": "ro_RO"])
                .decode(DayStatusReplyMirror.self)
            let put = try await client.send("/api_v2/users/get_next_work_day_status", method: .put)
            // validation
            #expect((tomorrow.date, tomorrow.attendanceType) == (today.adding(days: 1).description, "work_schedule"))
            #expect(tomorrow.users.map(\.plannedShifts) == ["08:00-16:00"])
            #expect(tomorrow.users.map(\.statusCode) == ["at_work"])
            #expect(tomorrow.users.map(\.minutesWorked) == ["480"])
            #expect(nextDay.date == next.description)
            #expect(nextDay.users.map(\.status) == ["La lucru"])
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, POST")
        }
    }
}
