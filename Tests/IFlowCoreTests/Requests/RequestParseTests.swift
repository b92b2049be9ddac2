import IFlowCore
import Testing

/// Each endpoint's request type: a valid request, and a request failing everything at once, every check listed in order.
@Suite("Endpoint requests")
struct RequestParseTests {
    static let cnp = "1800101221144"

    /// The issues of a failed parse, described; none for a success.
    func issues<Value>(_ result: Result<Value, ValidationFailure>) -> [String] {
        if case .failure(let failure) = result { describe(failure.issues) } else { [] }
    }

    @Test("calendar/get_holidays")
    func holidays() throws {
        // MUT
        let valid = HolidaysQuery.parse(RequestFields(["year": " 2026 "]))
        let missing = HolidaysQuery.parse(RequestFields([:]))
        let outside = HolidaysQuery.parse(RequestFields(["year": "1900"]))

        // validation
        #expect(try valid.get() == HolidaysQuery(year: 2026))
        #expect(issues(missing) == ["year required"])
        #expect(issues(outside) == ["year between max=2100,min=1990"])
    }

    @Test("audit/get_list")
    func audit() throws {
        // MUT
        let defaults = try AuditQuery.parse(RequestFields([:])).get()
        let valid = try AuditQuery.parse(RequestFields(["entity": " user", "entity_id": "7", "limit": "5", "offset": "10"])).get()
        let invalid = AuditQuery.parse(RequestFields(["entity": "users", "entity_id": "0", "limit": "1001", "offset": "x"]))

        // validation
        #expect(defaults.filter == AuditFilter())
        #expect(defaults.filter.limit == 100 && defaults.filter.offset == 0)
        #expect(valid.filter.entity == "user" && valid.filter.entityID == 7 && valid.filter.limit == 5 && valid.filter.offset == 10)
        #expect(
            issues(invalid) == [
                "entity in_list allowed=user, api_key, company, device", "entity_id between max=2147483647,min=1",
                "limit between max=1000,min=1", "offset integer",
            ]
        )
    }

    @Test("user/get_list")
    func userList() throws {
        // MUT
        let valid = try UserListQuery.parse(
            RequestFields(["team_name": " Producție ", "is_enabled": "0", "cnp": Self.cnp, "id_card": " rx123456", "limit": "2", "offset": ""])
        ).get()
        let blank = try UserListQuery.parse(RequestFields(["team_name": "", "is_enabled": " ", "cnp": "", "id_card": "\n"])).get()
        let invalid = UserListQuery.parse(
            RequestFields([
                "team_name": String(repeating: "x", count: 101), "is_enabled": "yes", "cnp": "123", "id_card": "A\u{1}", "limit": "0",
                "offset": "-1",
            ])
        )

        // validation
        #expect(valid.filter.teamName == "Producție" && valid.filter.isEnabled == false)
        #expect(valid.filter.cnp == Self.cnp && valid.filter.idCard == "RX123456" && valid.filter.limit == 2 && valid.filter.offset == 0)
        #expect(blank.filter == UserListFilter())
        #expect(
            issues(invalid) == [
                "team_name max_length max=100", "is_enabled in_list allowed=0, 1", "cnp valid_cnp", "id_card single_line",
                "limit between max=1000,min=1", "offset between max=2147483647,min=0",
            ]
        )
    }

    @Test("user/get_work_schedule")
    func workSchedule() throws {
        // MUT
        let valid = try WorkScheduleQuery.parse(
            RequestFields([
                "year": "2026", "month": "03", "totals": "regular, overtime_night,regular", "include_days": "0", "include_disabled": "1",
                "team_name": "Producție", "user_by": "user_id", "user_by_value": "9", "attendance_type": "live_attendance",
            ])
        ).get()
        let defaults = try WorkScheduleQuery.parse(RequestFields(["year": "2026", "month": "3", "totals": "total", "attendance_type": " "])).get()
        let planned = try WorkScheduleQuery.parse(
            RequestFields(["year": "2026", "month": "3", "totals": "total", "attendance_type": " work_schedule "])
        ).get()
        let missing = WorkScheduleQuery.parse(RequestFields(["totals": " "]))
        let invalid = WorkScheduleQuery.parse(
            RequestFields([
                "year": "26x", "month": "13", "totals": "regular,bogus,other", "include_days": "2", "include_disabled": "no",
                "team_name": "a\nb", "user_by": "email", "user_by_value": "x", "attendance_type": "Live_Attendance",
            ])
        )

        // validation
        #expect(valid.year == 2026 && valid.month == 3 && valid.totals.map(\.description) == ["regular", "overtime_night"])
        #expect(!valid.includeDays && valid.filter.includeDisabled && valid.filter.teamName == "Producție" && valid.filter.user == .userID(9))
        #expect(defaults.includeDays && defaults.filter == ReportFilter() && defaults.attendanceType == .workSchedule)
        #expect(valid.attendanceType == .liveAttendance && planned.attendanceType == .workSchedule)
        #expect(issues(missing) == ["year required", "month required", "totals required"])
        let allowed = "allowed=BASE[_weekdays|_weekend|_holiday][_day|_night], BASE = regular, overtime, total, time_off, overtime_balance"
        #expect(
            issues(invalid) == [
                "year integer", "month between max=12,min=1", "totals in_list \(allowed),value=bogus", "totals in_list \(allowed),value=other",
                "include_days in_list allowed=0, 1", "include_disabled in_list allowed=0, 1", "team_name single_line",
                "user_by in_list allowed=cnp, id_card, mark_number, user_id", "attendance_type in_list allowed=work_schedule, live_attendance",
            ]
        )
    }

    @Test("schedule/set_day and each schedule/import row")
    func setDay() throws {
        // MUT
        let valid = try SetDayRequest.parse(
            RequestFields([
                "user_by": "cnp", "user_by_value": Self.cnp, "date": "2026-03-02", "type": "work", "shifts": "08:00-16:30",
                "break_minutes": "30", "overtime": "", "time_off": " ",
            ])
        ).get()
        let absence = try SetDayRequest.parse(
            RequestFields(["user_by": "user_id", "user_by_value": "1", "date": "2026-03-03", "type": "co"])
        ).get()
        let missing = SetDayRequest.parse(RequestFields([:]))
        let invalid = SetDayRequest.parse(
            RequestFields([
                "user_by": "user_id", "user_by_value": "-1", "date": "2026-02-30", "type": "holiday", "shifts": "8-16",
                "break_minutes": "-5", "overtime": "10:00-12:00,11:00-13:00", "time_off": "x",
            ])
        )
        let rules = SetDayRequest.parse(
            RequestFields(["user_by": "x", "user_by_value": "1", "date": "2026-03-03", "type": "CM", "shifts": "08:00-16:00"])
        )
        let outside = SetDayRequest.parse(RequestFields(["user_by": "user_id", "user_by_value": "1", "date": "2101-01-01", "break_minutes": "2000"]))

        // validation
        #expect(valid.user == .cnp(Self.cnp) && valid.plan.date.description == "2026-03-02" && valid.plan.type == .work)
        #expect(valid.plan.breakMinutes == 30 && valid.plan.shifts.count == 1 && valid.plan.overtime.isEmpty && valid.plan.timeOff.isEmpty)
        #expect(absence.plan.type == .CO && absence.plan.breakMinutes == 0)
        #expect(issues(missing) == ["user_by required", "user_by_value required", "date required"])
        #expect(
            issues(invalid) == [
                "user_by_value integer", "date valid_date", "type in_list allowed=work, CO, CM, CFP, NE, D, EV",
                "shifts valid_time_ranges detail=8-16",
                "overtime no_overlap detail=1, 2", "time_off valid_time_ranges detail=x", "break_minutes integer",
            ]
        )
        #expect(issues(rules) == ["user_by in_list allowed=cnp, id_card, mark_number, user_id", "shifts no_shifts type=CM"])
        #expect(issues(outside) == ["date between max=2100-12-31,min=1990-01-01", "break_minutes between max=1440,min=0"])
    }

    @Test("schedule/import: the header names the columns; each row reads by name")
    func importColumns() throws {
        // setup
        let file = try CSVReader().read(Array(" DATE,user_by,user_by_value,shifts\n2026-03-02,user_id,7\n".utf8)).get()
        let badHeader = try CSVReader().read(Array("user_by,when,user_by,\n".utf8)).get()

        // MUT
        let columns = try ScheduleImportColumns.parse(file[0]).get()
        let day = try SetDayRequest.parse(columns.fields(of: file[1])).get()
        let invalid = ScheduleImportColumns.parse(badHeader[0])

        // validation
        #expect(day.user == .userID(7) && day.plan.date.description == "2026-03-02" && day.plan.shifts.isEmpty)
        let allowed = "allowed=user_by, user_by_value, date, type, shifts, break_minutes, overtime, time_off"
        #expect(
            issues(invalid) == [
                "file in_list \(allowed),value=when", "file in_list \(allowed),value=user_by", "file in_list \(allowed),value=",
                "user_by_value required", "date required",
            ]
        )
        guard case .failure(let failure) = invalid else { return }
        #expect(failure.issues.allSatisfy { $0.line == 1 })
    }

    @Test("user/update")
    func userUpdate() throws {
        // MUT
        let valid = try UserUpdate.parse(
            RequestFields([
                "update_by": " cnp", "update_by_value": Self.cnp, "full_name": " Ion Popescu ", "team_name": "", "is_enabled": "1",
                "city": "Brașov", "address": " ", "employment_date": "2020-01-01",
            ])
        ).get()
        let missing = UserUpdate.parse(RequestFields([:]))
        let invalid = UserUpdate.parse(
            RequestFields([
                "update_by": "email", "update_by_value": "", "full_name": "  ", "team_name": "a\u{0}", "is_enabled": "",
                "job_title": String(repeating: "x", count: 101), "bank_account": "RO00", "employment_date": "2020-01-01",
                "disable_date": "2019-12-31",
            ])
        )
        let wrongKey = UserUpdate.parse(RequestFields(["update_by": "id_card", "update_by_value": "a\nb", "birth_date": "1990-02-30"]))

        // validation
        #expect(valid.updateBy == .cnp && valid.updateByValue == Self.cnp && valid.fullName == "Ion Popescu")
        #expect(valid.teamName == .some(nil) && valid.isEnabled == true)
        let changes: [UserField: String?] = [.city: "Brașov", .address: nil, .employmentDate: "2020-01-01"]
        #expect(valid.changes == changes)
        #expect(issues(missing) == ["update_by required", "update_by_value required"])
        #expect(
            issues(invalid) == [
                "update_by in_list allowed=cnp, id_card", "update_by_value not_empty", "full_name not_empty", "team_name single_line",
                "is_enabled in_list allowed=0, 1", "bank_account valid_iban", "job_title max_length max=100",
                "disable_date date_order other=employment_date",
            ]
        )
        #expect(issues(wrongKey) == ["update_by_value single_line", "birth_date valid_date"])
        let minimal = ["update_by": "cnp", "update_by_value": Self.cnp]
        #expect(try UserUpdate.parse(minimal).get() == UserUpdate.parse(RequestFields(minimal)).get())
    }
}
