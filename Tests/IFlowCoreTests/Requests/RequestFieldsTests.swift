import IFlowCore
import Testing

/// One issue as `field check key=value,...` (parameters sorted), so a table states a whole failure on one line.
func describe(_ issues: [ValidationIssue]) -> [String] {
    issues.map { issue in
        let parameters = issue.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "\(issue.field) \(issue.check.rawValue)" + (parameters.isEmpty ? "" : " \(parameters)")
    }
}

@Suite("Request field readers")
struct RequestFieldsTests {
    /// A field value (`nil`: the field is absent), what the reader returns and the issues it reports.
    struct Case<Value: Equatable & Sendable>: Sendable, CustomTestStringConvertible {
        let raw: String?
        let value: Value?
        let issues: [String]

        init(_ raw: String?, _ value: Value?, _ issues: [String] = []) {
            self.raw = raw
            self.value = value
            self.issues = issues
        }

        var fields: RequestFields { RequestFields(raw.map { ["f": $0] } ?? [:]) }
        var testDescription: String { raw.map { "\"\($0)\"" } ?? "absent" }
    }

    static let limitBetween = "f between max=1000,min=1"

    @Test(
        "integer: whole numbers in a range, as IntegerField read them",
        arguments: [
            Case<Int>("5", 5), Case(" 42 ", 42), Case("\u{A0}7\u{3000}", 7), Case("0001", 1), Case("1000", 1000),
            Case(nil, nil), Case("", nil), Case("   ", nil),
            Case("0", nil, [limitBetween]), Case("1001", nil, [limitBetween]), Case("-5", nil, [limitBetween]),
            Case("999999999999", nil, [limitBetween]),
            Case("abc", nil, ["f integer"]), Case("+5", nil, ["f integer"]), Case("5.0", nil, ["f integer"]), Case("-", nil, ["f integer"]),
            Case("1 000", nil, ["f integer"]), Case("1234567890123", nil, ["f integer"]), Case("٣", nil, ["f integer"]),
        ]
    )
    func integer(_ example: Case<Int>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.integer("f", in: 1...1000)

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "integer with maxDigits: plain digits only, as break_minutes reads them",
        arguments: [
            Case<Int>("90", 90), Case(" 0 ", 0), Case("1440", 1440), Case(nil, nil), Case("", nil),
            Case("1441", nil, ["f between max=1440,min=0"]), Case("999999", nil, ["f between max=1440,min=0"]),
            Case("-5", nil, ["f integer"]), Case("1234567", nil, ["f integer"]), Case("x", nil, ["f integer"]),
        ]
    )
    func integerDigits(_ example: Case<Int>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.integer("f", in: 0...1440, maxDigits: 6)

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "presence: absent and blank by policy",
        arguments: [
            (RequestFields.Presence.optional, [(String?, [String])]([(nil, []), ("", []), (" ", []), ("5", [])])),
            (.required, [(nil, ["f required"]), ("", ["f required"]), (" \t", ["f required"]), ("5", [])]),
            (.notEmpty, [(nil, ["f required"]), ("", ["f not_empty"]), ("\u{A0}", ["f not_empty"]), ("5", [])]),
            (.sent, [(nil, ["f required"]), ("", ["f integer"]), (" ", ["f integer"]), ("5", [])]),
            (.init(absent: .allowed, blank: .checked), [(nil, []), ("", ["f integer"]), ("5", [])]),
        ]
    )
    func presence(_ presence: RequestFields.Presence, _ table: [(String?, [String])]) {
        for (raw, expected) in table {
            // setup
            var fields = Case<Int>(raw, nil).fields

            // MUT
            _ = fields.integer("f", in: 1...9, presence)

            // validation
            #expect(describe(fields.issues) == expected, "\(raw ?? "absent")")
        }
    }

    @Test(
        "flag: 0 or 1, the default when absent or blank",
        arguments: [
            Case<Bool>("1", true), Case("0", false), Case(" 1 ", true), Case("0\n", false), Case(nil, true), Case("", true), Case("  ", true),
            Case("2", true, ["f in_list allowed=0, 1"]), Case("yes", true, ["f in_list allowed=0, 1"]), Case("01", true, ["f in_list allowed=0, 1"]),
        ]
    )
    func flag(_ example: Case<Bool>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.flag("f", default: true)

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "flag when sent: an empty value is not 0 or 1",
        arguments: [
            Case<Bool>("1", true), Case(" 0", false), Case(nil, nil),
            Case("", nil, ["f in_list allowed=0, 1"]), Case("true", nil, ["f in_list allowed=0, 1"]),
        ]
    )
    func flagWhenSent(_ example: Case<Bool>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.flag("f", .init(absent: .allowed, blank: .checked))

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    static let outOfYears = "f between max=2100-12-31,min=1990-01-01"

    @Test(
        "date: YYYY-MM-DD, within the years given",
        arguments: [
            Case<String>("2026-03-02", "2026-03-02"), Case(" 2024-02-29 ", "2024-02-29"), Case("1990-01-01", "1990-01-01"),
            Case(nil, nil, ["f required"]), Case("", nil, ["f valid_date"]), Case("  ", nil, ["f valid_date"]),
            Case("2101-01-01", nil, [outOfYears]), Case("1989-12-31", nil, [outOfYears]),
            Case("2026-02-30", nil, ["f valid_date"]), Case("02.03.2026", nil, ["f valid_date"]), Case("garbage", nil, ["f valid_date"]),
        ]
    )
    func date(_ example: Case<String>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.date("f", .sent, years: 1990...2100)

        // validation
        #expect(value?.description == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "year: required, within the holiday calendar's years",
        arguments: [
            Case<Int>("2026", 2026), Case(" 1990 ", 1990), Case("2100", 2100),
            Case(nil, nil, ["year required"]), Case("", nil, ["year required"]), Case(" ", nil, ["year required"]),
            Case("1989", nil, ["year between max=2100,min=1990"]), Case("2101", nil, ["year between max=2100,min=1990"]),
            Case("20x6", nil, ["year integer"]), Case("2026.0", nil, ["year integer"]),
        ]
    )
    func year(_ example: Case<Int>) {
        // setup
        var fields = RequestFields(example.raw.map { ["year": $0] } ?? [:])

        // MUT
        let value = fields.year()

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "month: required, 1 to 12, 01 too",
        arguments: [
            Case<Int>("1", 1), Case("01", 1), Case("09", 9), Case(" 12 ", 12),
            Case(nil, nil, ["month required"]), Case("", nil, ["month required"]),
            Case("0", nil, ["month between max=12,min=1"]), Case("13", nil, ["month between max=12,min=1"]),
            Case("march", nil, ["month integer"]),
        ]
    )
    func month(_ example: Case<Int>) {
        // setup
        var fields = RequestFields(example.raw.map { ["month": $0] } ?? [:])

        // MUT
        let value = fields.month()

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test("paging: limit 1 to the maximum, offset 0 to the largest 32-bit integer, both checks listed")
    func paging() {
        let table: [([String: String], Int?, Int?, [String])] = [
            (["limit": "50", "offset": "10"], 50, 10, []),
            (["limit": " 1000", "offset": "2147483647"], 1000, 2_147_483_647, []),
            ([:], nil, nil, []),
            (["limit": "", "offset": " "], nil, nil, []),
            (["limit": "0", "offset": "-1"], nil, nil, ["limit between max=1000,min=1", "offset between max=2147483647,min=0"]),
            (["limit": "1001", "offset": "2147483648"], nil, nil, ["limit between max=1000,min=1", "offset between max=2147483647,min=0"]),
            (["limit": "ten", "offset": "1e3"], nil, nil, ["limit integer", "offset integer"]),
        ]
        for (values, limit, offset, issues) in table {
            // setup
            var fields = RequestFields(values)

            // MUT
            let page = fields.paging(maxLimit: 1000)

            // validation
            #expect(page.limit == limit && page.offset == offset, "\(values)")
            #expect(describe(fields.issues) == issues, "\(values)")
        }
    }

    @Test(
        "text: trimmed of Unicode whitespace and line breaks, one rule",
        arguments: [
            Case<String>("a b", "a b"), Case(" a b\n", "a b"), Case("\u{A0}\u{3000}ș\u{2003}", "ș"), Case("\r\nx\t", "x"),
            Case(nil, nil, ["f required"]), Case("", nil, ["f not_empty"]), Case(" \n\u{A0}", nil, ["f not_empty"]),
        ]
    )
    func text(_ example: Case<String>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.text("f", .notEmpty)

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "team name: trimmed, one line, at most 100 characters",
        arguments: [
            Case<String>("Producție", "Producție"), Case("  Vânzări ", "Vânzări"),
            Case(String(repeating: "ă", count: 100), String(repeating: "ă", count: 100)),
            Case(nil, nil), Case("", nil), Case("  ", nil),
            Case(String(repeating: "x", count: 101), nil, ["team_name max_length max=100"]),
            Case("a\nb", nil, ["team_name single_line"]), Case("a\u{0}", nil, ["team_name single_line"]),
        ]
    )
    func teamName(_ example: Case<String>) {
        // setup
        var fields = RequestFields(example.raw.map { ["team_name": $0] } ?? [:])

        // MUT
        let value = fields.teamName()

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    static let entities = "f in_list allowed=user, api_key, company"

    @Test(
        "in list: one of the allowed values, exactly",
        arguments: [
            Case<String>("user", "user"), Case(" company ", "company"), Case(nil, nil), Case("", nil),
            Case("User", nil, [entities]), Case("users", nil, [entities]), Case("user,api_key", nil, [entities]),
        ]
    )
    func inList(_ example: Case<String>) {
        // setup
        var fields = example.fields

        // MUT
        let value = fields.inList("f", ["user", "api_key", "company"])

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    @Test(
        "employee field: the stored form, issues on the field read",
        arguments: [
            Case<String>("1800101221144", "1800101221144"), Case(" 1800101221144 ", "1800101221144"), Case(nil, nil), Case("", nil),
            Case("1800101221145", nil, ["update_by_value valid_cnp"]), Case("cnp", nil, ["update_by_value valid_cnp"]),
        ]
    )
    func userField(_ example: Case<String>) {
        // setup
        var fields = RequestFields(example.raw.map { ["update_by_value": $0] } ?? [:])

        // MUT
        let value = fields.userField(.cnp, from: "update_by_value")

        // validation
        #expect(value == example.value)
        #expect(describe(fields.issues) == example.issues)
    }

    static let userByAllowed = "user_by in_list allowed=cnp, id_card, mark_number, user_id"

    @Test(
        "employee selector: user_by and user_by_value",
        arguments: [
            ([String: String](), true, nil as UserSelector?, ["user_by required", "user_by_value required"]),
            ([:], false, nil, []),
            (["user_by": " ", "user_by_value": ""], false, nil, []),
            (["user_by": "cnp", "user_by_value": "1800101221144"], true, .cnp("1800101221144"), []),
            (["user_by": " id_card ", "user_by_value": " rx123456 "], true, .idCard("RX123456"), []),
            (["user_by": "mark_number", "user_by_value": "M-7"], false, .markNumber("M-7"), []),
            (["user_by": "user_id", "user_by_value": "42"], true, .userID(42), []),
            (["user_by": "user_id"], false, nil, ["user_by_value required"]),
            (["user_by_value": "42"], false, nil, ["user_by required"]),
            (["user_by": "", "user_by_value": "42"], true, nil, [userByAllowed]),
            (["user_by": "email", "user_by_value": ""], true, nil, [userByAllowed, "user_by_value not_empty"]),
            (["user_by": "cnp", "user_by_value": "1800101221145"], true, nil, ["user_by_value valid_cnp"]),
            (["user_by": "user_id", "user_by_value": "0"], true, nil, ["user_by_value integer"]),
            (["user_by": "user_id", "user_by_value": "1234567890123"], true, nil, ["user_by_value integer"]),
            (["user_by": "mark_number", "user_by_value": "M\u{0}1"], true, nil, ["user_by_value single_line"]),
        ]
    )
    func userSelector(_ values: [String: String], _ required: Bool, _ selector: UserSelector?, _ issues: [String]) {
        // setup
        var fields = RequestFields(values)

        // MUT
        let value = fields.userSelector(required: required)

        // validation
        #expect(value == selector)
        #expect(describe(fields.issues) == issues)
    }

    @Test("readers accumulate: every failed check is listed, in reading order")
    func accumulates() {
        // setup
        var fields = RequestFields(["a": "x", "c": "2", "d": "2026-13-01"])

        // MUT
        _ = fields.integer("a", in: 1...9)
        _ = fields.text("b", .required)
        _ = fields.flag("c", default: false)
        _ = fields.date("d")
        let result = fields.result(1)

        // validation
        #expect(describe(fields.issues) == ["a integer", "b required", "c in_list allowed=0, 1", "d valid_date"])
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.issues == fields.issues)
    }

    @Test("a CSV row reads through the same lookup as an HTTP body")
    func lookup() {
        // setup
        let row = ["user_id", "7"]
        let positions = ["user_by": 0, "user_by_value": 1]
        var fields = RequestFields { name in positions[name].map { row[$0] } }

        // MUT
        let selector = fields.userSelector(required: true)

        // validation
        #expect(selector == .userID(7))
        #expect(fields.has("user_by") && !fields.has("date"))
        #expect(fields.issues.isEmpty)
    }
}
