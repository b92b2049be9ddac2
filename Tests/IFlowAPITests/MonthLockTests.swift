import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import SQLKit
import Testing

extension Nullable: Equatable {
    static func == (lhs: Nullable, rhs: Nullable) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

@Suite("month/lock, month/unlock and month/get_list")
struct MonthLockTests {
    func base(_ f: Fixture, _ language: String = "en_US") -> [String: String] {
        ["api_key": f.key, "api_language": language]
    }

    func post(
        _ client: some TestClientProtocol, _ f: Fixture, _ path: String, _ fields: [String: String], language: String = "en_US"
    )
        async throws -> Reply
    {
        try await client.post("/api_v2/" + path, base(f, language).merging(fields) { _, new in new })
    }

    /// An employee by id card, with mark number `mark`, in `team`, employed from `2026-01-01`; their id.
    func employee(_ client: some TestClientProtocol, _ f: Fixture, card: String, mark: String, team: String, tag: String) async throws -> Int {
        let reply = try await post(
            client, f, "user/update",
            [
                "update_by": "id_card", "update_by_value": card, "full_name": "Angajat \(mark)", "mark_number": mark, "team_name": team,
                "employment_date": "2026-01-01", "rfid_tag": tag, "job_title": "Operator \(mark)",
            ]
        )
        return try #require(Int(try reply.decode(UserUpdateReplyMirror.self).userID))
    }

    func plan(_ client: some TestClientProtocol, _ f: Fixture, mark: String, _ date: String, _ shifts: String) async throws -> Reply {
        try await post(client, f, "schedule/set_day", ["user_by": "mark_number", "user_by_value": mark, "date": date, "shifts": shifts])
    }

    /// UTC seconds of a Bucharest wall time in November or December (UTC+2).
    static func instant(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Int {
        ((LocalDate(iso: iso)!.dayNumber * 24 + hour - 2) * 60 + minute) * 60
    }

    /// Every report of November 2026 a client may ask for: both attendance types, with and without days, all
    /// employees, one team, and the disabled ones too; and the collective sheet with its payroll files.
    func reports(_ client: some TestClientProtocol, _ f: Fixture) async throws -> [String] {
        var texts: [String] = []
        for type in ["work_schedule", "live_attendance"] {
            for days in ["0", "1"] {
                for filter in [[:], ["team_name": "Tura A"], ["include_disabled": "1"]] {
                    let fields = ["year": "2026", "month": "11", "attendance_type": type, "include_days": days, "totals": "regular,overtime,total"]
                    let reply = try await post(client, f, "user/get_work_schedule", fields.merging(filter) { _, new in new })
                    #expect(reply.status == .ok, "\(reply.text)")
                    texts.append(reply.text)
                }
            }
            for format in ["json", "csv_symbols", "csv_hours"] {
                let sheet = try await post(
                    client, f, "report/get_collective_sheet", ["year": "2026", "month": "11", "attendance_type": type, "format": format])
                #expect(sheet.status == .ok, "\(sheet.text)")
                texts.append(sheet.text)
            }
        }
        return texts
    }

    /// The rows every hour-changing write touches, as text: a refused write must leave them exactly as they were.
    func dump(_ f: Fixture) async throws -> String {
        let sql = try f.store.sql()
        var lines: [String] = []
        for (table, columns) in [
            ("day_plans", "user_id, date, type, shifts, break_minutes, overtime, time_off"), ("scans", "id, user_id, instant"),
            ("scan_deletions", "scan_id, reason"), ("users", "id, full_name, employment_date, disable_date, team_id, row_version"),
        ] {
            for row in try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table) ORDER BY 1, 2").all() {
                let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                lines.append(
                    table + ": "
                        + names.map { name in
                            if let text = try? row.decode(column: name, as: String.self) { return text }
                            if let number = try? row.decode(column: name, as: Int.self) { return String(number) }
                            return "null"
                        }.joined(separator: "|"))
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("a locked month's reports stay the bytes they were at lock time whatever changes after, and unlocking computes them again")
    func servedFromStoredFigures() async throws {
        try await withApp { client, f in
            // setup: two employees in two teams, plans with a night shift from 31 October, scans, before the lock
            let first = try await employee(client, f, card: "LK000001", mark: "17", team: "Tura A", tag: "LKA")
            _ = try await employee(client, f, card: "LK000002", mark: "18", team: "Tura B", tag: "LKB")
            for (mark, date, shifts) in [
                ("17", "2026-10-31", "22:00-06:00"), ("17", "2026-11-02", "08:00-16:00"), ("17", "2026-11-30", "22:00-06:00"),
                ("18", "2026-11-03", "09:00-17:00"),
            ] {
                #expect(try await plan(client, f, mark: mark, date, shifts).errors.isEmpty)
            }
            let scans = [(2, 8, 1), (2, 16, 2)].map {
                NewScan(userID: first, instant: Self.instant("2026-11-0\($0.0)", $0.1, $0.2), source: .terminal, arrival: .offline)
            }
            _ = try await f.store.recordScans(scans, companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
            let before = try await reports(client, f)

            // MUT: lock, then change the employee, the plans (behind the store's back too) and the scans
            let locked = try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self)
            #expect(locked.status == "locked" && locked.year == "2026" && locked.month == "11")
            let again = try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self)
            #expect(again == locked, "locking a locked month changes nothing")
            let served = try await reports(client, f)
            let renamed = try await post(
                client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000001", "full_name": "Alt Nume", "team_name": "Tura C"])
            #expect(renamed.errors.isEmpty, "\(renamed.text)")
            try await f.store.sql().raw(
                """
                INSERT INTO day_plans (company_id, user_id, date, type, shifts, break_minutes, overtime, time_off, updated_at) \
                VALUES (\(bind: f.companyID), \(bind: first), '2026-11-20', 'work', '06:00-18:00', 0, '', '', \(bind: Date()))
                """
            ).run()
            try await f.store.sql().raw(
                """
                INSERT INTO scans (company_id, user_id, instant, source, arrival, actor_label, recorded_at) \
                VALUES (\(bind: f.companyID), \(bind: first), \(bind: Self.instant("2026-11-20", 7)), 'terminal', 'offline', 'test', \(bind: Date()))
                """
            ).run()
            let after = try await reports(client, f)

            // validation: the same bytes before the lock, while locked and after every change; the list and the audit
            #expect(served == before)
            #expect(after == before)
            let list = try await post(client, f, "month/get_list", [:]).decode(LockedMonthListMirror.self)
            #expect(list.months == [locked])
            let others = try await client.post("/api_v2/month/get_list", ["api_key": f.otherKey, "api_language": "en_US"])
            #expect(try others.decode(LockedMonthListMirror.self).months.isEmpty, "another company sees no lock")

            // MUT + validation: a month locked before the totals were stored apart (migration 012) serves the same bytes
            let totals = try await f.store.sql().raw("SELECT count(totals_sealed) AS n FROM locked_month_employees").all()
            #expect(try totals.first?.decode(column: "n", as: Int.self) ?? 0 > 0, "the lock stored its totals apart")
            try await f.store.sql().raw("UPDATE locked_month_employees SET totals_sealed = NULL").run()
            #expect(try await reports(client, f) == before)

            // MUT: unlock
            let unlocked = try await post(client, f, "month/unlock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self)

            // validation: the month is computed again, with what changed; the lock and unlock are audited
            #expect(unlocked.status == "unlocked" && unlocked.lockedAt == nil)
            let reopened = try await reports(client, f)
            #expect(reopened != before)
            #expect(reopened[1].contains("Angajat 17") == false, "Tura A no longer lists the renamed employee")
            #expect(reopened[6] != before[6], "the collective sheet is computed again too")
            #expect(try await post(client, f, "month/get_list", [:]).decode(LockedMonthListMirror.self).months.isEmpty)
            let audit = try await post(client, f, "audit/get_list", ["entity": "company"]).decode(AuditListReplyMirror.self)
            #expect(Set(audit.events.map(\.action)).isSuperset(of: ["month.lock", "month.unlock"]))
        }
    }

    @Test("every write that would change a locked month's hours is refused with locked_month, in both languages, and changes nothing")
    func refusedWrites() async throws {
        try await withApp { client, f in
            // setup: an employee with a night shift on 31 October and a scan in November, then November locked
            let userID = try await employee(client, f, card: "LK000003", mark: "21", team: "Tura A", tag: "LKC")
            #expect(try await plan(client, f, mark: "21", "2026-10-31", "22:00-06:00").errors.isEmpty)
            let scan = NewScan(userID: userID, instant: Self.instant("2026-11-04", 8), source: .terminal, arrival: .offline)
            let scanID = try #require(
                try await f.store.recordScans([scan], companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine).ids.first ?? nil)
            #expect(try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self).status == "locked")
            let terminal = try await f.store.createDevice(companyID: f.companyID, label: "Poarta", actor: .commandLine)
            let dayBefore = try await plan(client, f, mark: "21", "2026-10-30", "08:00-16:00")
            #expect(dayBefore.errors.isEmpty, "a plan of October whose hours stay in October is allowed: \(dayBefore.text)")
            let unchanged = try await dump(f)

            // MUT and validation: each refused, naming the month, and nothing written
            let inMonth = try await plan(client, f, mark: "21", "2026-11-12", "08:00-16:00")
            #expect(inMonth.checks == ["date:locked_month"])
            #expect(inMonth.errors.first?.message.contains("2026-11 is locked") == true, "\(inMonth.text)")
            let romanian = try await post(
                client, f, "schedule/set_day", ["user_by": "mark_number", "user_by_value": "21", "date": "2026-11-12", "shifts": "08:00-16:00"],
                language: "ro_RO")
            #expect(romanian.errors.first?.message.contains("luna 2026-11 este închisă") == true, "\(romanian.text)")
            let replacingNight = try await plan(client, f, mark: "21", "2026-10-31", "08:00-16:00")
            #expect(replacingNight.checks == ["date:locked_month"], "the stored night shift of 31 October counts in November")
            #expect(replacingNight.errors.first?.message.contains("night shift of 2026-10-31 runs into 2026-11") == true, "\(replacingNight.text)")
            let file = """
                user_by,user_by_value,date,type,shifts,break_minutes,overtime,time_off
                mark_number,21,2026-12-03,work,08:00-16:00,0,,
                mark_number,21,2026-11-05,work,08:00-16:00,0,,
                mark_number,21,2026-11-06,work,08:00-16:00,0,,

                """
            let imported = try await client.upload("/api_v2/schedule/import", fields: base(f), file: file)
            #expect(imported.errors.map(\.line) == ["3", "4"] && imported.checks == ["date:locked_month"], "\(imported.text)")
            let added = try await post(
                client, f, "attendance/add", ["user_by": "mark_number", "user_by_value": "21", "time": "2026-11-10 08:00"])
            #expect(added.checks == ["time:locked_month"], "\(added.text)")
            let deleted = try await post(client, f, "attendance/delete", ["attendance_id": String(scanID), "reason": "greșit"])
            #expect(deleted.checks == ["attendance_id:locked_month"], "\(deleted.text)")
            let leaves = try await post(
                client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000003", "employment_date": "2026-12-05"])
            #expect(leaves.checks == ["employment_date:locked_month"], "\(leaves.text)")
            let disabled = try await post(
                client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000003", "disable_date": "2026-10-31"])
            #expect(disabled.checks == ["disable_date:locked_month"], "\(disabled.text)")
            let offline = try await TerminalTests.batch(client, token: terminal.token, [("2026-11-11", "08:00:00", "LKC")], language: "en_US")
            #expect(try TerminalTests.outcomes(offline).first?.contains("2026-11 is locked") == true, "\(offline.text)")
            #expect(try await dump(f) == unchanged)

            // validation: a change that keeps the employee in the month, and a December write, pass
            let stays = try await post(
                client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000003", "disable_date": "2026-12-31"])
            #expect(stays.errors.isEmpty, "\(stays.text)")
            let mixed = try await TerminalTests.batch(
                client, token: terminal.token, [("2026-11-11", "08:00:00", "LKC"), ("2026-12-01", "08:00:00", "LKC")], language: "en_US")
            #expect(try TerminalTests.outcomes(mixed).map(\.isEmpty) == [false, true], "per row: November refused, December stored")
        }
    }

    @Test("a lock cut short between its two steps refuses writes, is listed as unfinished, serves computed figures, and locking again completes it")
    func lockCutShort() async throws {
        try await withApp { client, f in
            // setup: an employee with a November plan, the month locked, then the lock put back into the state a server
            // that died after beginMonthLock leaves: status locking, no figures stored
            _ = try await employee(client, f, card: "LK000005", mark: "41", team: "Tura A", tag: "LKE")
            #expect(try await plan(client, f, mark: "41", "2026-11-02", "08:00-16:00").errors.isEmpty)
            #expect(try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self).status == "locked")
            try await f.store.sql().raw("DELETE FROM locked_month_employees").run()
            try await f.store.sql().raw("UPDATE locked_months SET status = 'locking'").run()
            let before = try await reports(client, f)
            let unchanged = try await dump(f)

            // MUT: a write of its hours, a rename, and the list in both languages
            let refused = try await plan(client, f, mark: "41", "2026-11-03", "08:00-16:00")
            let frozen = try await dump(f)
            let renamed = try await post(
                client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000005", "full_name": "Nume Nou"])
            let computed = try await reports(client, f)
            let list = try await post(client, f, "month/get_list", [:]).decode(LockedMonthListMirror.self)
            let romanian = try await post(client, f, "month/get_list", [:], language: "ro_RO").decode(LockedMonthListMirror.self)

            // validation: closed to writes, listed as locking with its hint, served computed (the new name shows)
            #expect(refused.checks == ["date:locked_month"], "\(refused.text)")
            #expect(frozen == unchanged, "the refused plan wrote nothing")
            #expect(renamed.errors.isEmpty, "\(renamed.text)")
            #expect(list.months.map(\.status) == ["locking"])
            #expect(list.months.first?.note?.contains("month/lock again completes it; month/unlock reopens the month") == true)
            #expect(romanian.months.first?.note?.contains("month/lock din nou o termină") == true)
            #expect(!before[0].contains("Nume Nou") && computed[0].contains("Nume Nou"), "a lock not finished is computed, not stored")
            #expect(computed[0].replacingOccurrences(of: "Nume Nou", with: "Angajat 41") == before[0], "its hours stay as they were")

            // MUT: month/lock again, then another rename
            let completed = try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self)
            let locked = try await reports(client, f)
            _ = try await post(client, f, "user/update", ["update_by": "id_card", "update_by_value": "LK000005", "full_name": "Alt Nume"])

            // validation: complete, its note gone, and served from the figures stored now, whatever changes after
            #expect(completed.status == "locked" && completed.note == nil)
            #expect(try await post(client, f, "month/get_list", [:]).decode(LockedMonthListMirror.self).months == [completed])
            #expect(locked == computed)
            #expect(try await reports(client, f) == locked)
        }
    }

    @Test("a check-out dated in the open month after a locked month's last evening is stored; the locked month keeps its figures")
    func scanPairsAcrossLockedBoundary() async throws {
        try await withApp { client, f in
            // setup: an open check-in at 22:00 on 30 November, the month locked with it, and December's report before
            let userID = try await employee(client, f, card: "LK000006", mark: "51", team: "Tura A", tag: "LKF")
            let terminal = try await f.store.createDevice(companyID: f.companyID, label: "Poarta", actor: .commandLine)
            let checkIn = NewScan(userID: userID, instant: Self.instant("2026-11-30", 22), source: .terminal, arrival: .offline)
            _ = try await f.store.recordScans([checkIn], companyID: f.companyID, limits: .iFlowDefaults, actor: .commandLine)
            #expect(try await post(client, f, "month/lock", ["year": "2026", "month": "11"]).decode(LockedMonthMirror.self).status == "locked")
            func report(_ month: String) async throws -> Reply {
                try await post(
                    client, f, "user/get_work_schedule",
                    ["year": "2026", "month": month, "attendance_type": "live_attendance", "include_days": "1", "totals": "total"])
            }
            let november = try await report("11").text
            let december = try await report("12").decode(WorkScheduleReplyMirror.self)

            // MUT: the check-out at 06:00 on 1 December arrives in an offline batch after the lock
            let batch = try await TerminalTests.batch(client, token: terminal.token, [("2026-12-01", "06:00:00", "LKF")], language: "en_US")

            // validation: stored (its date is in an open month); November answers the same bytes, December counts 00:00-06:00
            #expect(try TerminalTests.outcomes(batch) == [""], "\(batch.text)")
            #expect(try await report("11").text == november, "the locked month keeps its stored figures")
            let after = try #require(try await report("12").decode(WorkScheduleReplyMirror.self).users.first)
            #expect(december.users.first?.totals["total"] == "0.00")
            #expect(after.totals["total"] == "6.00", "December counts the night's hours after midnight: \(after.totals)")
        }
    }

    @Test("a live scan is refused only while the current month is locked, with a message the terminal shows")
    func liveScanInLockedMonth() async throws {
        try await withApp { client, f in
            // setup
            _ = try await employee(client, f, card: "LK000004", mark: "31", team: "Tura A", tag: "LKD")
            let terminal = try await f.store.createDevice(companyID: f.companyID, label: "Poarta", actor: .commandLine)
            let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)
            let today = calculator.localDate(ofInstant: Int(Date().timeIntervalSince1970))
            let month = ["year": String(today.year), "month": String(today.month)]

            // MUT
            _ = try await post(client, f, "month/lock", month)
            let refused = try await client.post(TerminalTests.auto, ["access_token": terminal.token, "rfid_tag": "LKD"])
            _ = try await post(client, f, "month/unlock", month)
            let accepted = try await client.post(TerminalTests.auto, ["access_token": terminal.token, "rfid_tag": "LKD"])

            // validation: refused in Romanian, the terminal's default; accepted once unlocked
            #expect(refused.checks == ["rfid_tag:locked_month"], "\(refused.text)")
            #expect(refused.errors.first?.message.contains("este închisă") == true, "\(refused.text)")
            #expect(try accepted.decode(AutoAttendanceReplyMirror.self).scanMessage.contains("Bun venit"), "\(accepted.text)")
        }
    }
}
