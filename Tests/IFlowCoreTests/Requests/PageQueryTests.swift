import IFlowCore
import Testing

/// The web pages' query strings: the same readers as the API, but a value that does not read falls back to the
/// page's default instead of an error.
@Suite("Web page query strings")
struct PageQueryTests {
    struct MonthCase: Sendable, CustomTestStringConvertible {
        let raw: String?
        let year: Int?
        let month: Int?
        let issues: [String]
        var testDescription: String { raw.map { "\"\($0)\"" } ?? "absent" }
    }

    @Test(
        "yearMonth: YYYY-MM within the calendar's years",
        arguments: [
            MonthCase(raw: "2026-12", year: 2026, month: 12, issues: []),
            MonthCase(raw: " 1990-01 ", year: 1990, month: 1, issues: []),
            MonthCase(raw: "2100-12", year: 2100, month: 12, issues: []),
            MonthCase(raw: nil, year: nil, month: nil, issues: []),
            MonthCase(raw: "", year: nil, month: nil, issues: []),
            MonthCase(raw: "2026-13", year: nil, month: nil, issues: ["f valid_date"]),
            MonthCase(raw: "2026-1", year: nil, month: nil, issues: ["f valid_date"]),
            MonthCase(raw: "2026-12-01", year: nil, month: nil, issues: ["f valid_date"]),
            MonthCase(raw: "december", year: nil, month: nil, issues: ["f valid_date"]),
            MonthCase(raw: "1989-12", year: nil, month: nil, issues: ["f between max=2100-12,min=1990-01"]),
            MonthCase(raw: "2101-01", year: nil, month: nil, issues: ["f between max=2100-12,min=1990-01"]),
        ]
    )
    func yearMonth(_ example: MonthCase) {
        // setup
        var fields = RequestFields(example.raw.map { ["f": $0] } ?? [:])

        // MUT
        let value = fields.yearMonth("f", years: 1990...2100)

        // validation
        #expect(value?.year == example.year)
        #expect(value?.month == example.month)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test("the timesheet's query: each value read, or its default when it does not read")
    func timesheet() {
        // MUT
        let full = TimesheetPageQuery.parse(
            RequestFields(["month": "2025-12", "team": " Producție ", "inactive": "1", "page": "3", "attendance_type": " live_attendance "]))
        let planned = TimesheetPageQuery.parse(RequestFields(["attendance_type": "work_schedule"]))
        let empty = TimesheetPageQuery.parse(RequestFields([:]))
        let garbage = TimesheetPageQuery.parse(
            RequestFields(["month": "2025-12-01", "team": "", "inactive": "yes", "page": "0", "attendance_type": "LIVE_ATTENDANCE"]))
        let outside = TimesheetPageQuery.parse(RequestFields(["month": "1900-01", "page": "100001", "inactive": "0"]))

        // validation
        #expect(full == TimesheetPageQuery(year: 2025, month: 12, team: "Producție", includeInactive: true, page: 3, attendanceType: .liveAttendance))
        #expect(empty == TimesheetPageQuery(year: nil, month: nil, team: nil, includeInactive: false, page: 1, attendanceType: .workSchedule))
        #expect(planned == empty)
        #expect(garbage == empty)
        #expect(outside == empty)
    }

    @Test("Today's query: the team trimmed, or every team")
    func today() {
        // MUT
        let team = TodayPageQuery.parse(RequestFields(["team": " Logistică "]))
        let blank = TodayPageQuery.parse(RequestFields(["team": "  "]))
        let empty = TodayPageQuery.parse(RequestFields([:]))

        // validation
        #expect(team == TodayPageQuery(team: "Logistică"))
        #expect(blank == TodayPageQuery(team: nil))
        #expect(empty == blank)
    }

    @Test("Today's query: search text trimmed and cut, the page a whole number, or the first")
    func todaySearchAndPage() {
        // setup
        let long = String(repeating: "a", count: 150)
        // MUT
        let search = TodayPageQuery.parse(RequestFields(["q": "  ștefan ", "page": "3"]))
        let cut = TodayPageQuery.parse(RequestFields(["q": long, "page": "0"]))
        let garbage = TodayPageQuery.parse(RequestFields(["page": "two"]))
        // validation
        #expect(search == TodayPageQuery(text: "ștefan", team: nil, page: 3))
        #expect(cut == TodayPageQuery(text: String(repeating: "a", count: 100), team: nil, page: 1))
        #expect(garbage == TodayPageQuery(team: nil))
    }

    @Test(
        "Today's search and team match what a person types whatever its case and diacritics",
        arguments: [
            ("ion", true), ("ION POP", true), ("stefan", true), ("ȘTEFAN", true), ("stefanescu", true), ("17", true), ("1", false),
            ("maria", false), ("pop ion", false),
        ]
    )
    func todayMatching(text: String, matches: Bool) {
        // MUT
        let query = TodayPageQuery(text: text, team: nil)
        // validation
        #expect(query.matches(fullName: "Ion Popescu-Ștefănescu", markNumber: "17") == matches)
    }

    @Test("Today's team is the company's spelling of what was typed, or none")
    func todayTeam() {
        // setup
        let teams = ["Producție", "Vânzări", "vânzări"]
        // MUT / validation
        #expect(TodayPageQuery(team: "productie").team(among: teams) == "Producție")
        #expect(TodayPageQuery(team: "VANZARI").team(among: teams) == "Vânzări")
        #expect(TodayPageQuery(team: "vânzări").team(among: teams) == "vânzări", "an exact spelling wins")
        #expect(TodayPageQuery(team: "Logistică").team(among: teams) == nil)
        #expect(TodayPageQuery(team: nil).team(among: teams) == nil)
        #expect(TodayPageQuery(text: nil, team: nil).matches(fullName: "Anyone", markNumber: nil))
    }

    @Test("the employee list's query: search text trimmed and cut, status in its list, the page a whole number")
    func employeeList() {
        // setup
        let long = String(repeating: "a", count: 150)

        // MUT
        let full = EmployeeListPageQuery.parse(RequestFields(["q": "  Ion Pop ", "team": "Logistică", "status": "inactive", "page": "2"]))
        let empty = EmployeeListPageQuery.parse(RequestFields([:]))
        let garbage = EmployeeListPageQuery.parse(RequestFields(["q": " \t ", "status": "retired", "page": "-1"]))
        let cut = EmployeeListPageQuery.parse(RequestFields(["q": long, "status": "active"]))

        // validation
        #expect(full == EmployeeListPageQuery(text: "Ion Pop", team: "Logistică", status: "inactive", page: 2))
        #expect(empty == EmployeeListPageQuery(text: nil, team: nil, status: nil, page: 1))
        #expect(garbage == empty)
        #expect(cut.text?.count == EmployeeListPageQuery.maxSearchLength)
        #expect(cut.status == "active")
    }
}
