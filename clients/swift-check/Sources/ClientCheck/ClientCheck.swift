import Foundation
import OpenAPIRuntime
import OpenAPIURLSession

/// Drives the client swift-openapi-generator made from the served document against a live server.
///
/// Usage: `ClientCheck BASE_URL API_KEY LIMITED_BASE_URL LIMITED_API_KEY DEVICE_TOKEN`; the limited server allows one
/// request a second, for the 429; the device is a badge terminal of the API key's company. Every reply is a typed value of the generated client; a wrong status, type or value exits 1.
@main
struct ClientCheck {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func expect(_ condition: Bool, _ what: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: what()) }
    }

    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 6, let base = URL(string: arguments[1]), let limitedBase = URL(string: arguments[3]) else {
            print("usage: ClientCheck BASE_URL API_KEY LIMITED_BASE_URL LIMITED_API_KEY DEVICE_TOKEN")
            exit(2)
        }
        do {
            try await run(base: base, key: arguments[2], limitedBase: limitedBase, limitedKey: arguments[4], device: arguments[5])
            print(
                "swift client: employees, list, days, import, report, Labour Code warnings, terminal scans, attendance, today's status, "
                    + "live report, holidays, audit, validation error, 404 and 429 as typed values")
        } catch {
            print("swift client: FAILED: \(error)")
            exit(1)
        }
    }

    static func run(base: URL, key: String, limitedBase: URL, limitedKey: String, device: String) async throws {
        let client = Client(serverURL: base, transport: URLSessionTransport())

        // Employees: two created, one updated (the team is created on the way).
        var ion = Components.Schemas.UserUpdateRequest(
            apiKey: key, apiLanguage: .enUS, updateBy: .cnp, updateByValue: "1800101221144", fullName: "Ion Popescu",
            teamName: "Producție", isEnabled: ._1, rfidTag: "RF-ION", employmentDate: "2020-01-01", markNumber: "M-1"
        )
        let created = try await client.userUpdate(body: .urlEncodedForm(ion)).ok.body.json
        let createdReply = try unwrap(created.value1, or: created.value2, "user/update Ion")
        try expect(createdReply.apiReply.action == .created, "Ion is created")
        try expect(createdReply.apiReply.newUser.teamName == "Producție", "Ion's team")
        let maria = Components.Schemas.UserUpdateRequest(
            apiKey: key, apiLanguage: .enUS, updateBy: .cnp, updateByValue: "2950724420010", fullName: "Maria Ionescu", rfidTag: "RF-MARIA",
            markNumber: "M-2"
        )
        let second = try await client.userUpdate(body: .urlEncodedForm(maria)).ok.body.json
        _ = try unwrap(second.value1, or: second.value2, "user/update Maria")
        ion.city = "Brașov"
        let again = try await client.userUpdate(body: .urlEncodedForm(ion)).ok.body.json
        let updated = try unwrap(again.value1, or: again.value2, "user/update Ion again")
        try expect(updated.apiReply.action == .updated && updated.apiReply.newUser.city == "Brașov", "Ion is updated")

        let list = try await client.userGetList(body: .urlEncodedForm(.init(apiKey: key, apiLanguage: .enUS, isEnabled: ._1, limit: "50")))
            .ok.body.json
        let listed = try unwrap(list.value1, or: list.value2, "user/get_list")
        try expect(listed.apiReply.total == "2", "two enabled employees, got \(listed.apiReply.total)")
        try expect(listed.apiReply.users.map(\.fullName) == ["Ion Popescu", "Maria Ionescu"], "the list in id order")

        // Days: a weekday with a break and overtime, and a Saturday night shift that ends on Sunday.
        let days: [Components.Schemas.ScheduleSetDayRequest] = [
            .init(
                apiKey: key, apiLanguage: .enUS, userBy: .cnp, userByValue: "1800101221144", date: "2026-03-02", shifts: "08:00-16:30",
                breakMinutes: "30", overtime: "16:30-18:00"
            ),
            .init(apiKey: key, apiLanguage: .enUS, userBy: .markNumber, userByValue: "M-1", date: "2026-03-07", _type: .work, shifts: "22:00-06:00"),
        ]
        for day in days {
            let reply = try await client.scheduleSetDay(body: .urlEncodedForm(day)).ok.body.json
            let stored = try unwrap(reply.value1, or: reply.value2, "schedule/set_day \(day.date)")
            try expect(stored.apiReply.date == day.date && stored.apiReply.shifts == day.shifts, "\(day.date) as stored")
        }

        let csv = """
            user_by,user_by_value,date,type,shifts,break_minutes,time_off
            cnp,2950724420010,2026-03-03,work,09:00-17:00,60,
            mark_number,M-2,2026-03-04,CO,,,
            cnp,1800101221144,2026-03-11,work,,,08:00-10:00

            """
        let parts: MultipartBody<Components.RequestBodies.ScheduleImport.MultipartFormPayload> = [
            .apiKey(.init(payload: .init(body: HTTPBody(key)))),
            .apiLanguage(.init(payload: .init(body: HTTPBody("en_US")))),
            .file(.init(payload: .init(body: HTTPBody(csv)), filename: "plan.csv")),
        ]
        let upload = try await client.scheduleImport(body: .multipartForm(parts)).ok.body.json
        let imported = try unwrap(upload.value1, or: upload.value2, "schedule/import")
        try expect(imported.apiReply.rows == "3" && imported.apiReply.users == "2", "3 rows of 2 employees, got \(imported.apiReply)")

        // The month's report, with totals worked out by hand from the plans above.
        let totals = "regular,overtime,total,total_night,total_weekend,time_off,overtime_balance"
        let query = Components.Schemas.UserGetWorkScheduleRequest(
            apiKey: key, apiLanguage: .enUS, year: "2026", month: "03", totals: totals, includeDays: ._0)
        let schedule = try await client.userGetWorkSchedule(body: .urlEncodedForm(query)).ok.body.json
        let report = try unwrap(schedule.value1, or: schedule.value2, "user/get_work_schedule")
        let expected = [
            "Ion Popescu": [
                "regular": "16.00", "overtime": "1.50", "total": "17.50", "total_night": "8.00", "total_weekend": "8.00", "time_off": "2.00",
                "overtime_balance": "-0.50",
            ],
            "Maria Ionescu": [
                "regular": "7.00", "overtime": "0.00", "total": "7.00", "total_night": "0.00", "total_weekend": "0.00", "time_off": "0.00",
                "overtime_balance": "0.00",
            ],
        ]
        let got = Dictionary(uniqueKeysWithValues: report.apiReply.users.map { ($0.fullName, $0.totals.additionalProperties) })
        try expect(got == expected, "the month's totals: \(got)")
        try expect(report.apiReply.users.allSatisfy { $0.days == nil }, "no days when include_days=0")

        try await labourCode(client: client, key: key)

        try await attendance(client: client, key: key, device: device)

        let calendar = try await client.calendarGetHolidays(body: .urlEncodedForm(.init(apiKey: key, apiLanguage: .roRO, year: "2026")))
            .ok.body.json
        let holidays = try unwrap(calendar.value1, or: calendar.value2, "calendar/get_holidays").apiReply.holidays
        let dates = holidays.map(\.date)
        try expect(dates == dates.sorted() && dates.contains("2026-01-01") && dates.contains("2026-12-25"), "2026's holidays: \(dates)")
        try expect(holidays.contains { $0.name.contains("Crăciun") }, "holiday names in Romanian")

        let trail = try await client.auditGetList(body: .urlEncodedForm(.init(apiKey: key, apiLanguage: .enUS, entity: .user, limit: "100")))
            .ok.body.json
        let actions = try unwrap(trail.value1, or: trail.value2, "audit/get_list").apiReply.events.map(\.action)
        try expect(
            actions.filter { $0 == "user.created" }.count == 2 && actions.contains("user.updated"), "the audit trail's user events: \(actions)")

        // A validation failure is HTTP 200 with the typed error reply.
        let wrong = Components.Schemas.UserUpdateRequest(
            apiKey: key, apiLanguage: .roRO, updateBy: .cnp, updateByValue: "1800101221145", fullName: "Nobody")
        let refused = try await client.userUpdate(body: .urlEncodedForm(wrong)).ok.body.json
        let errors = try required(refused.value2, "an invalid CNP is an ErrorReply").apiReply.error
        try expect(errors.map { "\($0.fieldName ?? "-"):\($0.checkName.rawValue)" } == ["update_by_value:valid_cnp"], "valid_cnp: \(errors)")

        // A 404: the client pointed at a base URL under which the server serves nothing.
        let lost = Client(serverURL: base.appendingPathComponent("nowhere"), transport: URLSessionTransport())
        let notFound = try await lost.userGetList(body: .urlEncodedForm(.init(apiKey: key, apiLanguage: .roRO))).notFound.body.json
        let missing = try required(notFound.apiReply.error.first, "the 404's error")
        try expect(missing.fieldName == nil && missing.checkName == .endpoint, "the 404's error: \(missing)")
        try expect(missing.message == "Endpoint-ul nu este disponibil", "the 404 in ro_RO: \(missing.message)")

        // A 429 from the server that allows one request a second (bursts of two).
        let limited = Client(serverURL: limitedBase, transport: URLSessionTransport())
        for attempt in 1...10 {
            let output = try await limited.calendarGetHolidays(
                body: .urlEncodedForm(.init(apiKey: limitedKey, apiLanguage: .enUS, year: "2026")))
            guard case .tooManyRequests(let tooMany) = output else {
                try expect(attempt < 10, "a 429 within 10 requests, last \(output)")
                continue
            }
            let item = try required(try tooMany.body.json.apiReply.error.first, "the 429's error")
            try expect(item.fieldName == "api_key" && item.checkName == .rateLimit, "the 429's error: \(item)")
            try expect(Int(tooMany.headers.retryAfter ?? "") ?? 0 >= 1, "Retry-After")
            return
        }
    }

    /// Maria's night shift on 5 May 2026 and her afternoon shift on the 6th leave 8 h of rest, short of art. 135(1)'s
    /// 12 h: the plan's reply and the month's warnings say so; the time present in May (no scans) warns nothing.
    static func labourCode(client: Client, key: String) async throws {
        var warned: [String] = []
        for (date, shifts) in [("2026-05-05", "22:00-06:00"), ("2026-05-06", "14:00-22:00")] {
            let day = Components.Schemas.ScheduleSetDayRequest(
                apiKey: key, apiLanguage: .enUS, userBy: .markNumber, userByValue: "M-2", date: date, shifts: shifts, breakMinutes: "30")
            let reply = try await client.scheduleSetDay(body: .urlEncodedForm(day)).ok.body.json
            warned = try unwrap(reply.value1, or: reply.value2, "schedule/set_day \(date)").apiReply.warnings.map(\.rule.rawValue)
        }
        try expect(warned == ["daily_rest"], "the plan's warnings: \(warned)")
        let query = Components.Schemas.ComplianceGetWarningsRequest(apiKey: key, apiLanguage: .enUS, year: "2026", month: "05")
        let reply = try await client.complianceGetWarnings(body: .urlEncodedForm(query)).ok.body.json
        let month = try unwrap(reply.value1, or: reply.value2, "compliance/get_warnings").apiReply
        try expect(month.attendanceType == .workSchedule && month.month == "05", "the month: \(month.month)")
        try expect(month.rulesChecked.contains { $0.rule == .dailyRest }, "the rules checked: \(month.rulesChecked)")
        let got = month.users.map { user in
            [user.fullName]
                + user.warnings.flatMap {
                    [$0.rule.rawValue, $0.article, $0.from, $0.start ?? "-", $0.end ?? "-", $0.measuredHours, $0.limitHours]
                }
        }
        let expected = [["Maria Ionescu", "daily_rest", "art. 135(1)", "2026-05-05", "2026-05-06 06:00", "2026-05-06 14:00", "8.00", "12.00"]]
        try expect(got == expected, "May's warnings: \(got)")
        let live = Components.Schemas.ComplianceGetWarningsRequest(
            apiKey: key, apiLanguage: .enUS, year: "2026", month: "05", attendanceType: .liveAttendance)
        let present = try await client.complianceGetWarnings(body: .urlEncodedForm(live)).ok.body.json
        let presentMonth = try unwrap(present.value1, or: present.value2, "compliance/get_warnings live").apiReply
        try expect(presentMonth.attendanceType == .liveAttendance && presentMonth.users.isEmpty, "May present: \(presentMonth.users)")
    }

    /// A terminal's offline batch and a live scan, a manual entry, the list, a deletion, exceptions, today's status and
    /// the month paid from real presence.
    static func attendance(client: Client, key: String, device: String) async throws {
        let rows = ["07:58:00", "12:00:00", "12:30:00", "16:35:00"].map {
            Components.Schemas.OfflineScanRow(date: "2026-03-02", time: $0, rfidTag: "RF-ION")
        }
        let batch = Components.Schemas.RfidStoreAttendancesRequest(accessToken: device, version: "1.0", csvData: rows)
        let first = try await client.rfidStoreAttendances(body: .json(batch)).ok.body.json
        let stored = try unwrap(first.value1, or: first.value2, "store_attendances").apiReply
        try expect(
            stored.map { [$0.time, $0.errorCheckInOut, $0.errorCsv] } == rows.map { [$0.time ?? "", "", ""] }, "the batch is stored whole: \(stored)")
        let second = try await client.rfidStoreAttendances(body: .json(batch)).ok.body.json
        let again = try unwrap(second.value1, or: second.value2, "store_attendances again").apiReply
        try expect(again.count == rows.count && again.allSatisfy { !$0.errorCheckInOut.isEmpty }, "a repeated batch is all duplicates: \(again)")

        let scan = try await client.rfidAutoAttendance(body: .urlEncodedForm(.init(accessToken: device, rfidTag: "RF-MARIA"))).ok.body.json
        let live = try unwrap(scan.value1, or: scan.value2, "auto_attendance").apiReply
        try expect(!live.scanMsg.isEmpty && live.user.fullName == "Maria Ionescu", "the scan's message and employee: \(live.scanMsg)")
        try expect(live.event.count == 1 && live.event[0].endTime == nil, "one open pair: \(live.event)")

        let entry = Components.Schemas.AttendanceAddRequest(
            apiKey: key, apiLanguage: .enUS, userBy: .cnp, userByValue: "1800101221144", time: "2026-03-03 09:00", direction: ._in,
            note: "forgot the badge")
        let add = try await client.attendanceAdd(body: .urlEncodedForm(entry)).ok.body.json
        let added = try unwrap(add.value1, or: add.value2, "attendance/add").apiReply.attendance
        let month = Components.Schemas.AttendanceRangeRequest(
            apiKey: key, apiLanguage: .enUS, dateIntervalStart: "2026-03-01", dateIntervalEnd: "2026-03-31", userBy: .cnp,
            userByValue: "1800101221144")
        let list = try await client.attendanceGetList(body: .urlEncodedForm(month)).ok.body.json
        let users = try unwrap(list.value1, or: list.value2, "attendance/get_list").apiReply.users
        let times = users.first?.attendances.map { "\($0.date) \($0.time.prefix(5))" } ?? []
        try expect(
            times == ["2026-03-02 07:58", "2026-03-02 12:00", "2026-03-02 12:30", "2026-03-02 16:35", "2026-03-03 09:00"],
            "Ion's scans and entry: \(times)")
        let removal = Components.Schemas.AttendanceDeleteRequest(apiKey: key, apiLanguage: .enUS, attendanceId: added.id, reason: "entered twice")
        let delete = try await client.attendanceDelete(body: .urlEncodedForm(removal)).ok.body.json
        let deleted = try unwrap(delete.value1, or: delete.value2, "attendance/delete").apiReply
        try expect(deleted.attendanceId == added.id && deleted.reason == "entered twice", "the deletion: \(deleted)")
        let found = try await client.attendanceGetExceptions(body: .urlEncodedForm(month)).ok.body.json
        let exceptions = try unwrap(found.value1, or: found.value2, "attendance/get_exceptions").apiReply.users
        try expect(!exceptions.isEmpty && exceptions.allSatisfy { $0.fullName == "Ion Popescu" }, "Ion's exceptions: \(exceptions)")

        let status = Components.Schemas.DayStatusRequest(
            apiKey: key, apiLanguage: .enUS, attendanceType: .liveAttendance, userBy: .cnp, userByValue: "2950724420010")
        let today = try await client.usersGetTodayStatus(body: .urlEncodedForm(status)).ok.body.json
        let present = try unwrap(today.value1, or: today.value2, "users/get_today_status").apiReply.users.map { [$0.fullName, $0.atWork] }
        try expect(present == [["Maria Ionescu", "1"]], "Maria is at work: \(present)")

        // 2026-03-02 planned 08:00-16:30 with a 30-minute break: present 08:00-12:00 and 12:30-16:30 inside it is 8 h
        // regular (the half hour away is the break); 07:58-08:00 and 16:30-16:35 are 7 minutes of overtime.
        let query = Components.Schemas.UserGetWorkScheduleRequest(
            apiKey: key, apiLanguage: .enUS, year: "2026", month: "03", totals: "regular,overtime", attendanceType: .liveAttendance,
            includeDays: ._0, userBy: .cnp, userByValue: "1800101221144")
        let schedule = try await client.userGetWorkSchedule(body: .urlEncodedForm(query)).ok.body.json
        let report = try unwrap(schedule.value1, or: schedule.value2, "user/get_work_schedule live").apiReply.users
        let got = report.first?.totals.additionalProperties ?? [:]
        try expect(got == ["regular": "8.00", "overtime": "0.12"], "Ion's month from real presence: \(got)")
    }

    static func required<Value>(_ value: Value?, _ what: String) throws -> Value {
        guard let value else { throw Failure(description: "missing: \(what)") }
        return value
    }

    /// The reply of an `anyOf [Reply, ErrorReply]`, failing with the errors when the server answered those.
    static func unwrap<Reply>(_ reply: Reply?, or error: Components.Schemas.ErrorReply?, _ what: String) throws -> Reply {
        guard let reply else { throw Failure(description: "\(what): \(error.map { "\($0.apiReply.error)" } ?? "no reply")") }
        return reply
    }
}
