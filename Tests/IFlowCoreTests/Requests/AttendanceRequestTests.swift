import Testing

@testable import IFlowCore

@Suite("Attendance requests")
struct AttendanceRequestTests {
    @Test("attendance/add reads the employee, a local time with or without seconds, a direction and a note")
    func add() throws {
        // MUT
        let full = try AttendanceAddRequest.parse(
            RequestFields([
                "user_by": "user_id", "user_by_value": "7", "time": " 2026-12-02 08:05:30 ", "direction": "out", "note": "badge left home",
            ])
        ).get()
        let short = try AttendanceAddRequest.parse(RequestFields(["user_by": "mark_number", "user_by_value": "M1", "time": "2026-12-02 22:00"])).get()
        // validation
        #expect(
            full
                == AttendanceAddRequest(
                    user: .userID(7), date: LocalDate(iso: "2026-12-02")!, secondOfDay: 8 * 3600 + 5 * 60 + 30, direction: .checkOut,
                    note: "badge left home"))
        #expect(short == AttendanceAddRequest(user: .markNumber("M1"), date: LocalDate(iso: "2026-12-02")!, secondOfDay: 22 * 3600))
    }

    @Test("attendance/add lists every failed check at once")
    func addFailures() {
        // MUT, validation
        #expect(AttendanceAddRequest.parse(RequestFields([:])).failedChecks == ["user_by:required", "user_by_value:required", "time:required"])
        let bad = AttendanceAddRequest.parse(
            RequestFields([
                "user_by": "email", "user_by_value": "x", "time": "2026-12-02T08:00", "direction": "sideways",
                "note": String(repeating: "n", count: 501),
            ]))
        #expect(bad.failedChecks == ["user_by:in_list", "time:valid_date", "direction:in_list", "note:max_length"])
        for time in ["2026-02-30 08:00", "2026-12-02 24:00", "2026-12-02 8:00", "2026-12-02 08:00:60", "2026-12-02  08:00", ""] {
            #expect(
                AttendanceAddRequest.parse(RequestFields(["user_by": "user_id", "user_by_value": "1", "time": time])).failedChecks == [
                    "time:valid_date"
                ], "\(time)")
        }
        #expect(
            AttendanceAddRequest.parse(RequestFields(["user_by": "user_id", "user_by_value": "1", "time": "1989-12-02 08:00"])).failedChecks == [
                "time:between"
            ])
        #expect(
            AttendanceAddRequest.parse(RequestFields(["user_by": "user_id", "user_by_value": "1", "time": "2026-12-02 08:00", "note": "a\nb"]))
                .failedChecks
                == ["note:single_line"])
    }

    @Test("attendance/delete needs a positive id and a reason that is not blank")
    func delete() throws {
        // MUT, validation
        #expect(
            try AttendanceDeleteRequest.parse(RequestFields(["attendance_id": "12", "reason": " duplicate entry "])).get()
                == AttendanceDeleteRequest(attendanceID: 12, reason: "duplicate entry"))
        #expect(AttendanceDeleteRequest.parse(RequestFields([:])).failedChecks == ["attendance_id:required", "reason:required"])
        #expect(
            AttendanceDeleteRequest.parse(RequestFields(["attendance_id": "0", "reason": "  "])).failedChecks == [
                "attendance_id:between", "reason:not_empty",
            ])
        #expect(AttendanceDeleteRequest.parse(RequestFields(["attendance_id": "x", "reason": "r"])).failedChecks == ["attendance_id:integer"])
    }

    @Test("a date range is required, in order, and at most 366 days; paging defaults to 100 employees")
    func range() throws {
        // MUT
        let year = try AttendanceRangeQuery.parse(
            RequestFields(["date_interval_start": "2028-01-01", "date_interval_end": "2028-12-31", "team_name": "Night"])
        ).get()
        // validation
        #expect(year.dates == LocalDate(iso: "2028-01-01")!...LocalDate(iso: "2028-12-31")!)
        #expect((year.limit, year.offset) == (100, 0))
        #expect(year.filter.teamName == "Night")
        #expect(AttendanceRangeQuery.parse(RequestFields([:])).failedChecks == ["date_interval_start:required", "date_interval_end:required"])
        #expect(
            AttendanceRangeQuery.parse(RequestFields(["date_interval_start": "2026-12-02", "date_interval_end": "2026-12-01"])).failedChecks
                == ["date_interval_end:date_order"])
        #expect(
            AttendanceRangeQuery.parse(RequestFields(["date_interval_start": "2026-01-01", "date_interval_end": "2027-01-02"])).failedChecks
                == ["date_interval_end:between"])
        #expect(
            AttendanceRangeQuery.parse(
                RequestFields(["date_interval_start": "2026-01-01", "date_interval_end": "2026-01-02", "limit": "101", "user_by": "user_id"])
            ).failedChecks == ["limit:between", "user_by_value:required"])
    }

    @Test("the status requests read attendance_type, live_attendance by default")
    func status() throws {
        #expect(try DayStatusQuery.parse(RequestFields([:])).get().attendanceType == .liveAttendance)
        #expect(try DayStatusQuery.parse(RequestFields(["attendance_type": "work_schedule"])).get().attendanceType == .workSchedule)
        #expect(DayStatusQuery.parse(RequestFields(["attendance_type": "planned"])).failedChecks == ["attendance_type:in_list"])
    }
}

extension Result where Failure == ValidationFailure {
    /// The failed checks as `field:check`, empty for a success.
    fileprivate var failedChecks: Set<String> {
        guard case .failure(let failure) = self else { return [] }
        return Set(failure.issues.map { "\($0.field):\($0.check.rawValue)" })
    }
}
