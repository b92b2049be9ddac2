import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@Suite("report/get_collective_sheet: the collective attendance sheet, as JSON and as the payroll CSVs")
struct CollectiveSheetTests {
    static let ion = "1800101221144"
    static let maria = "2850315123457"
    static let dan = "1900707400125"
    /// The totals of `Timesheet.totals`, as `user/get_work_schedule` is asked for them.
    static let totals = "regular,overtime,total_night,total_weekend,total_holiday,time_off,overtime_balance"

    func base(_ f: Fixture, _ language: String = "en_US") -> [String: String] {
        ["api_key": f.key, "api_language": language]
    }

    func post(
        _ client: some TestClientProtocol, _ path: String, _ f: Fixture, _ fields: [String: String], language: String = "en_US"
    ) async throws -> Reply {
        try await client.post("/api_v2/" + path, base(f, language).merging(fields) { _, b in b })
    }

    /// Three employees and their June 2026 (Monday 1 June is a public holiday): Ion works days, a night across the
    /// weekend, overtime and every code but CFP and NE; Maria works the holiday and has CFP and NE; Dan is disabled.
    func seed(_ client: some TestClientProtocol, _ f: Fixture) async throws -> (ion: Int, maria: Int, dan: Int) {
        func employee(_ cnp: String, _ fields: [String: String]) async throws -> Int {
            let reply = try await post(client, "user/update", f, ["update_by": "cnp", "update_by_value": cnp].merging(fields) { _, b in b })
            return try #require(Int(try reply.decode(UserUpdateReplyMirror.self).userID), "\(reply.text)")
        }
        let ion = try await employee(Self.ion, ["full_name": "Ion Popescu", "mark_number": "17", "team_name": "Producție", "job_title": "Operator"])
        let maria = try await employee(Self.maria, ["full_name": "Maria Ionescu", "mark_number": "18", "team_name": "Logistică"])
        let dan = try await employee(Self.dan, ["full_name": "Dan Vechi", "mark_number": "19", "team_name": "Producție", "is_enabled": "0"])
        let plans: [(String, [String: String])] = [
            ("17", ["date": "2026-06-02", "shifts": "08:00-16:30", "break_minutes": "30"]),
            ("17", ["date": "2026-06-03", "shifts": "08:00-16:30", "break_minutes": "30", "overtime": "16:30-18:00"]),
            ("17", ["date": "2026-06-04", "type": "CO"]),
            ("17", ["date": "2026-06-05", "type": "CM"]),
            ("17", ["date": "2026-06-06", "shifts": "22:00-06:00"]),
            ("17", ["date": "2026-06-08", "type": "D", "shifts": "08:00-16:00"]),
            ("17", ["date": "2026-06-09", "type": "EV"]),
            ("18", ["date": "2026-06-01", "shifts": "08:00-12:00"]),
            ("18", ["date": "2026-06-02", "type": "CFP"]),
            ("18", ["date": "2026-06-03", "type": "NE"]),
            ("19", ["date": "2026-06-02", "shifts": "08:00-16:00"]),
        ]
        for (mark, fields) in plans {
            let reply = try await post(
                client, "schedule/set_day", f, ["user_by": "mark_number", "user_by_value": mark].merging(fields) { _, b in b })
            #expect(reply.errors.isEmpty, "\(reply.text)")
        }
        return (ion, maria, dan)
    }

    func sheet(_ client: some TestClientProtocol, _ f: Fixture, _ extra: [String: String] = [:], language: String = "en_US") async throws -> Reply {
        try await post(client, "report/get_collective_sheet", f, ["year": "2026", "month": "6"].merging(extra) { _, b in b }, language: language)
    }

    /// The body without its byte-order mark, which `Reply.text` keeps as U+FEFF.
    func csvLines(_ reply: Reply) -> [String] {
        #expect(reply.text.hasPrefix("\u{FEFF}"), "UTF-8 with a byte-order mark")
        #expect(reply.text.hasSuffix("\r\n"))
        return reply.text.dropFirst().components(separatedBy: "\r\n").dropLast()
    }

    @Test("JSON: the header, one numbered row per enabled employee, codes, weekend and holiday marks, job titles, null when missing")
    func json() async throws {
        try await withApp { client, f in
            // setup
            let (ion, maria, _) = try await seed(client, f)
            // MUT
            let reply = try await sheet(client, f)
            // validation
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/json; charset=utf-8")
            let sheet = try reply.decode(CollectiveSheetReplyMirror.self)
            #expect(sheet.year == "2026" && sheet.month == "06" && sheet.companyName == "Acme Producție SRL" && sheet.teamName == nil)
            #expect(sheet.attendanceType == "work_schedule")
            #expect(sheet.days.count == 30)
            #expect(sheet.days[0].date == "2026-06-01" && sheet.days[0].dayType == "holiday" && sheet.days[0].holidayName != nil)
            #expect(sheet.days[1].dayType == "weekday" && sheet.days[1].holidayName == nil)
            #expect(
                sheet.days.filter { $0.dayType == "weekend" }.map { String($0.date.suffix(2)) } == ["06", "07", "13", "14", "20", "21", "27", "28"])
            #expect(sheet.codes.map(\.code) == ["CO", "CM", "CFP", "NE", "D", "EV"])
            #expect(sheet.codes.first?.name == "Vacation leave")
            #expect(sheet.users.map(\.userID) == [String(ion), String(maria)], "the disabled employee is left out")
            let first = sheet.users[0]
            #expect(first.number == "1" && first.fullName == "Ion Popescu" && first.markNumber == "17" && first.cnp == Self.ion)
            #expect(first.teamName == "Producție" && first.jobTitle == "Operator")
            #expect(first.days.map(\.hours).prefix(9) == ["0.00", "8.00", "9.50", "0.00", "0.00", "2.00", "6.00", "8.00", "0.00"])
            #expect(first.days.map(\.code).prefix(9) == [nil, nil, nil, "CO", "CM", nil, nil, "D", "EV"])
            #expect(first.days[5].dayType == "weekend" && first.days[0].dayType == "holiday" && first.days[5].date == "2026-06-06")
            #expect(
                first.totals == [
                    "regular": "32.00", "overtime": "1.50", "total_night": "8.00", "total_weekend": "8.00", "total_holiday": "0.00",
                    "time_off": "0.00", "overtime_balance": "1.50",
                ]
            )
            #expect(first.codeDays == ["CO": "1", "CM": "1", "CFP": "0", "NE": "0", "D": "1", "EV": "1"])
            let second = sheet.users[1]
            #expect(second.number == "2" && second.jobTitle == nil && second.teamName == "Logistică")
            #expect(second.totals["total_holiday"] == "4.00" && second.totals["regular"] == "4.00")
            #expect(second.codeDays == ["CO": "0", "CM": "0", "CFP": "1", "NE": "1", "D": "0", "EV": "0"])
            #expect(reply.text.contains("\"job_title\":null"), "a missing job title is null, not left out")

            let romanian = try await self.sheet(client, f, language: "ro_RO").decode(CollectiveSheetReplyMirror.self)
            #expect(romanian.codes.first?.name == "Concediu de odihnă")
            #expect(romanian.users.map(\.totals) == sheet.users.map(\.totals))
        }
    }

    @Test("team_name keeps the team's rows (numbered from 1), include_disabled adds the disabled, another company sees nobody")
    func filters() async throws {
        try await withApp { client, f in
            // setup
            let (ion, _, dan) = try await seed(client, f)
            // MUT
            let team = try await sheet(client, f, ["team_name": "Producție"]).decode(CollectiveSheetReplyMirror.self)
            let withDisabled = try await sheet(client, f, ["team_name": "Producție", "include_disabled": "1"]).decode(CollectiveSheetReplyMirror.self)
            let other = try await client.post(
                "/api_v2/report/get_collective_sheet", ["api_key": f.otherKey, "api_language": "en_US", "year": "2026", "month": "6"]
            ).decode(CollectiveSheetReplyMirror.self)
            // validation
            #expect(team.teamName == "Producție" && team.users.map(\.userID) == [String(ion)] && team.users[0].number == "1")
            #expect(withDisabled.users.map(\.userID) == [String(ion), String(dan)] && withDisabled.users.map(\.number) == ["1", "2"])
            #expect(withDisabled.users[1].days[1].hours == "8.00")
            #expect(other.users.isEmpty && other.companyName == "Other SRL")
        }
    }

    @Test("the totals equal user/get_work_schedule's for the same month, planned and live", arguments: ["work_schedule", "live_attendance"])
    func totalsEqualTheReport(attendanceType: String) async throws {
        try await withApp { client, f in
            // setup: Ion's planned Tuesday, and scans of a shorter one with a night across the weekend (Bucharest is UTC+3).
            let (ion, _, _) = try await seed(client, f)
            func instant(_ iso: String, _ hour: Int, _ minute: Int) -> Int { ((LocalDate(iso: iso)!.dayNumber * 24 + hour - 3) * 60 + minute) * 60 }
            let scans = [instant("2026-06-02", 8, 10), instant("2026-06-02", 16, 0), instant("2026-06-06", 22, 0), instant("2026-06-07", 5, 30)]
            _ = try await f.store.recordScans(
                scans.map { NewScan(userID: ion, instant: $0, source: .terminal, arrival: .offline) }, companyID: f.companyID, limits: .iFlowDefaults,
                actor: .commandLine
            )
            for extra in [["include_disabled": "1"], ["team_name": "Producție"]] {
                let fields = ["attendance_type": attendanceType].merging(extra) { _, b in b }
                // MUT
                let sheet = try await sheet(client, f, fields).decode(CollectiveSheetReplyMirror.self)
                let report = try await post(
                    client, "user/get_work_schedule", f,
                    ["year": "2026", "month": "06", "totals": Self.totals, "include_days": "0"].merging(fields) { _, b in b }
                ).decode(WorkScheduleReplyMirror.self)
                // validation
                #expect(sheet.users.map(\.userID) == report.users.map(\.userID))
                #expect(sheet.users.map(\.totals) == report.users.map(\.totals))
                #expect(sheet.users.allSatisfy { $0.totals.count == 7 })
            }
            let live = try await self.sheet(client, f, ["attendance_type": attendanceType]).decode(CollectiveSheetReplyMirror.self)
            #expect(live.attendanceType == attendanceType)
            if attendanceType == "live_attendance" {
                #expect(live.users[0].days[1].hours == "7.33" && live.users[0].days[3].code == "CO", "hours present, codes from the plan")
            }
        }
    }

    @Test("csv_symbols: exact bytes, one line per employee, a symbol per day, Nexus's key columns, the attachment's name")
    func csvSymbols() async throws {
        try await withApp { client, f in
            // setup
            _ = try await seed(client, f)
            // MUT
            let reply = try await sheet(client, f, ["format": "csv_symbols"])
            let comma = try await sheet(client, f, ["format": "csv_symbols", "decimal_comma": "1"])
            // validation
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(reply.headers[.contentDisposition] == "attachment; filename=\"pontaj-acme-productie-srl-2026-06.csv\"")
            let days = (1...30).map(String.init).joined(separator: ";")
            #expect(
                csvLines(reply) == [
                    "marca_salariat;cnp_salariat;den_salariat;" + days,
                    "17;\(Self.ion);Ion Popescu;;8;9.5;CO;CM;2;6;D;EV" + String(repeating: ";", count: 21),
                    "18;\(Self.maria);Maria Ionescu;4;CFP;NE" + String(repeating: ";", count: 27),
                ]
            )
            #expect(csvLines(comma)[1] == "17;\(Self.ion);Ion Popescu;;8;9,5;CO;CM;2;6;D;EV" + String(repeating: ";", count: 21))
        }
    }

    @Test("csv_hours: exact bytes, one line per employee and hour type, the hours per day")
    func csvHours() async throws {
        try await withApp { client, f in
            // setup
            _ = try await seed(client, f)
            // MUT
            let reply = try await sheet(client, f, ["format": "csv_hours", "decimal_comma": "1", "team_name": "Producție", "include_disabled": "1"])
            // validation
            #expect(reply.headers[.contentDisposition] == "attachment; filename=\"pontaj-acme-productie-srl-2026-06.csv\"")
            let days = (1...30).map(String.init).joined(separator: ";")
            let ion = "17;\(Self.ion);Ion Popescu;"
            let dan = "19;\(Self.dan);Dan Vechi;"
            #expect(
                csvLines(reply) == [
                    "marca_salariat;cnp_salariat;den_salariat;tip_ore;" + days,
                    ion + "regular;;8;8;;;2;6;8" + String(repeating: ";", count: 22),
                    ion + "overtime;;;1,5" + String(repeating: ";", count: 27),
                    ion + "total_night;;;;;;2;6" + String(repeating: ";", count: 23),
                    ion + "total_weekend;;;;;;2;6" + String(repeating: ";", count: 23),
                    ion + "total_holiday" + String(repeating: ";", count: 30),
                    dan + "regular;;8" + String(repeating: ";", count: 28),
                    dan + "overtime" + String(repeating: ";", count: 30),
                    dan + "total_night" + String(repeating: ";", count: 30),
                    dan + "total_weekend" + String(repeating: ";", count: 30),
                    dan + "total_holiday" + String(repeating: ";", count: 30),
                ]
            )
        }
    }

    @Test("a name that would be a formula is quoted as text, and one with the separator is quoted")
    func csvText() async throws {
        try await withApp { client, f in
            // setup
            let update = try await post(
                client, "user/update", f, ["update_by": "cnp", "update_by_value": Self.ion, "full_name": "=Popescu; Ion", "mark_number": "+17"]
            )
            #expect(update.errors.isEmpty, "\(update.text)")
            // MUT
            let reply = try await sheet(client, f, ["format": "csv_symbols"])
            // validation
            #expect(csvLines(reply)[1] == "'+17;\(Self.ion);\"'=Popescu; Ion\"" + String(repeating: ";", count: 30))
        }
    }

    @Test("every bad field is named at once, in the request's language, and a month without employees is an empty sheet")
    func validation() async throws {
        try await withApp { client, f in
            // MUT
            let bad = try await post(
                client, "report/get_collective_sheet", f,
                ["month": "13", "format": "pdf", "attendance_type": "live", "include_disabled": "2", "decimal_comma": "yes"]
            )
            let romanian = try await post(
                client, "report/get_collective_sheet", f, ["year": "2026", "month": "6", "format": "pdf"], language: "ro_RO")
            let english = try await post(client, "report/get_collective_sheet", f, ["year": "2026", "month": "6", "format": "pdf"])
            let empty = try await sheet(client, f, ["format": "csv_symbols"])
            let unauthorized = try await client.post("/api_v2/report/get_collective_sheet", ["api_language": "en_US", "year": "2026", "month": "6"])
            // validation
            #expect(
                bad.checks == [
                    "year:required", "month:between", "format:in_list", "attendance_type:in_list", "include_disabled:in_list",
                    "decimal_comma:in_list",
                ]
            )
            #expect(english.errors.first?.message.contains("json, csv_symbols, csv_hours") == true)
            #expect(romanian.checks == ["format:in_list"] && romanian.errors.first?.message != english.errors.first?.message)
            #expect(csvLines(empty).count == 1, "the header only")
            #expect(unauthorized.checks == ["api_key:required"])
        }
    }
}
