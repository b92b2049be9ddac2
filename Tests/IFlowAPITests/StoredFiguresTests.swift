import Foundation
import IFlowCore
import Testing

@testable import IFlowAPI
@testable import IFlowStore

@Suite("StoredFigures: a locked month's stored text read back by hand")
struct StoredFiguresTests {
    /// Version 1 as `JSONDecoder` read it before the hand-written reader: the independent oracle of these tests.
    struct OracleForm: Decodable {
        struct Plan: Decodable {
            var date: String
            var type: String
            var shifts: String
            var break_minutes: Int
            var overtime: String
            var time_off: String
        }

        struct Day: Decodable {
            var date: String
            var minutes: [Int]
        }

        var version: Int
        var user_id: Int
        var job_title: String?
        var plans: [Plan]
        var presence: [[Int]]?
        var days: [Day]
        var totals: [Int]
    }

    /// The stored order of the 18 minute counts, as version 1 documents it: kind, then day class, then day and night.
    static let cells: [(HourKind, DayClass, TimeOfDay)] = [HourKind.regular, .overtime, .timeOff].flatMap { kind in
        [DayClass.weekdays, .weekend, .holiday].flatMap { dayClass in [TimeOfDay.day, .night].map { (kind, dayClass, $0) } }
    }

    /// The month `JSONDecoder` reads from `text`, built the way the old `decode` built it; `nil` when it refuses the text.
    static func oracle(_ text: String, user: ReportUser) -> EmployeeMonth? {
        guard let form = try? JSONDecoder().decode(OracleForm.self, from: Data(text.utf8)), form.version == 1, form.user_id == user.id,
            form.presence?.allSatisfy({ $0.count == 2 }) ?? true, ([form.totals] + form.days.map(\.minutes)).allSatisfy({ $0.count == 18 })
        else { return nil }
        func totals(_ minutes: [Int]) -> HourTotals {
            var totals = HourTotals()
            for (cell, value) in zip(Self.cells, minutes) { totals.add(value, kind: cell.0, dayClass: cell.1, time: cell.2) }
            return totals
        }
        func ranges(_ text: String) -> [TimeRange]? {
            guard case .success(let ranges) = TimeRangeList.parse(text) else { return nil }
            return ranges
        }
        var plans: [DayPlan] = []
        for plan in form.plans {
            guard let date = LocalDate(iso: plan.date), let type = DayType(rawValue: plan.type), let shifts = ranges(plan.shifts),
                let overtime = ranges(plan.overtime), let timeOff = ranges(plan.time_off)
            else { return nil }
            plans.append(DayPlan(date: date, type: type, shifts: shifts, breakMinutes: plan.break_minutes, overtime: overtime, timeOff: timeOff))
        }
        var days: [DayMinutes] = []
        for day in form.days {
            guard let date = LocalDate(iso: day.date) else { return nil }
            days.append(DayMinutes(date: date, totals: totals(day.minutes)))
        }
        var user = user
        user.jobTitle = form.job_title
        return EmployeeMonth(
            user: user, plans: plans, presence: form.presence.map { $0.map { WorkedInterval(start: $0[0], end: $0[1]) } }, days: days,
            totals: totals(form.totals)
        )
    }

    /// Whether two months are the same in everything a reply shows.
    static func same(_ lhs: EmployeeMonth, _ rhs: EmployeeMonth) -> Bool {
        lhs.user == rhs.user && lhs.plans == rhs.plans && lhs.presence == rhs.presence && lhs.days == rhs.days && lhs.totals == rhs.totals
    }

    static func user(_ id: Int, jobTitle: String? = nil) -> ReportUser {
        ReportUser(
            id: id, fullName: "Ștefănescu Ioana-Mărgărita", cnp: "2900101123456", idCard: "RX123456", markNumber: "M-\(id)", teamName: "Tura Ă",
            jobTitle: jobTitle)
    }

    static func ranges(_ text: String) -> [TimeRange] {
        guard case .success(let ranges) = TimeRangeList.parse(text) else { fatalError("bad test ranges \(text)") }
        return ranges
    }

    /// Minutes with every cell distinct (`seed` apart), some negative, as an overtime balance may be.
    static func totals(_ seed: Int) -> HourTotals {
        var totals = HourTotals()
        for (index, cell) in Self.cells.enumerated() {
            totals.add(seed * (index + 1) - 7 * index, kind: cell.0, dayClass: cell.1, time: cell.2)
        }
        return totals
    }

    static func days(_ count: Int) -> [DayMinutes] {
        (0..<count).map { DayMinutes(date: LocalDate(year: 2026, month: 11, day: $0 + 1)!, totals: totals($0 * 13)) }
    }

    /// Planned and live months: night shifts, overtime and time off, absences, the previous month's last plan,
    /// empty plans and presence, job titles with diacritics, quotes and backslashes, and none.
    static let months: [EmployeeMonth] = [
        EmployeeMonth(
            user: user(7, jobTitle: "Șef de tură \"Linia 2\" \\ mașini/utilaje"),
            plans: [
                DayPlan(date: LocalDate(year: 2026, month: 10, day: 31)!, shifts: ranges("22:00-06:00"), breakMinutes: 30),
                DayPlan(date: LocalDate(year: 2026, month: 11, day: 2)!, shifts: ranges("08:00-12:00,13:00-17:00"), overtime: ranges("17:00-19:30")),
                DayPlan(date: LocalDate(year: 2026, month: 11, day: 3)!, type: .CO),
                DayPlan(date: LocalDate(year: 2026, month: 11, day: 4)!, shifts: ranges("06:00-14:00"), timeOff: ranges("14:00-15:00")),
            ],
            presence: nil, days: days(30), totals: totals(101)
        ),
        EmployeeMonth(
            user: user(8, jobTitle: "Operator CNC — tură de noapte 😀"),
            plans: [DayPlan(date: LocalDate(year: 2026, month: 11, day: 30)!, shifts: ranges("20:00-08:00"), breakMinutes: 60)],
            presence: [WorkedInterval(start: 1_793_476_800, end: 1_793_520_000), WorkedInterval(start: -60, end: 0)],
            days: days(30), totals: totals(-3)
        ),
        EmployeeMonth(user: user(9), plans: [], presence: nil, days: days(30), totals: HourTotals()),
        EmployeeMonth(user: user(10, jobTitle: ""), plans: [], presence: [], days: [], totals: totals(Int.max / 32)),
    ]

    @Test("decode(encode(month)) is the month, and what JSONDecoder reads from the same text")
    func roundTrip() throws {
        for month in Self.months {
            let text = try StoredFigures.encode(month)
            let decoded = try StoredFigures.decode(text, user: Self.user(month.user.id, jobTitle: "changed since"))
            #expect(Self.same(decoded, month), "\(text)")
            let oracle = try #require(Self.oracle(text, user: Self.user(month.user.id)))
            #expect(Self.same(decoded, oracle), "\(text)")
        }
    }

    @Test("read for its totals only, a month keeps its employee and totals and skips plans, presence and days; cut, it is corrupt")
    func totalsOnly() throws {
        for month in Self.months {
            let text = try StoredFigures.encode(month)
            let decoded = try StoredFigures.decode(text, user: Self.user(month.user.id), totalsOnly: true)
            #expect(decoded.user == month.user && decoded.totals == month.totals, "\(text)")
            #expect(decoded.plans.isEmpty && decoded.presence == nil && decoded.days.isEmpty)
            let bytes = Array(text.utf8)
            for count in stride(from: 0, to: bytes.count, by: 7) {
                let cut = String(decoding: bytes[..<count], as: UTF8.self)
                #expect(throws: StoredFigures.Failure.self) { try StoredFigures.decode(cut, user: Self.user(month.user.id), totalsOnly: true) }
            }
        }
        for key in ["plans", "days", "totals", "version", "user_id"] {
            #expect(throws: StoredFigures.Failure.self, "\(key) left out") {
                try StoredFigures.decode(Self.replacing(key, with: nil), user: Self.user(7), totalsOnly: true)
            }
        }
        #expect(throws: StoredFigures.Failure.self) {
            try StoredFigures.decode(Self.replacing("totals", with: Self.seventeen), user: Self.user(7), totalsOnly: true)
        }
    }

    static let minutes = "[" + (1...18).map(String.init).joined(separator: ",") + "]"
    static let plan = #"{"break_minutes":30,"date":"2026-11-02","overtime":"","shifts":"08:00-16:30","time_off":"","type":"work"}"#

    /// A version 1 text of user 7 from its top-level members, in the order given.
    static func text(_ members: [(String, String)]) -> String {
        "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static let members: [(String, String)] = [
        ("days", #"[{"date":"2026-11-02","minutes":\#(minutes)}]"#), ("job_title", #""Operator""#), ("plans", "[\(plan)]"),
        ("presence", "[[100,200]]"), ("totals", minutes), ("user_id", "7"), ("version", "1"),
    ]

    @Test("keys in any order, unknown keys of every kind skipped, whitespace anywhere: the same month as JSONDecoder reads")
    func orderUnknownKeysAndWhitespace() throws {
        let shuffledPlan =
            #"{ "type" : "CM" , "time_off":"" ,"overtime": "", "future": {"a": [1, -2.5e+3, true, false, null, "x\"y"]},"#
            + #" "break_minutes" : 0, "shifts" : "", "date" : "2026-11-03" }"#
        let texts = [
            Self.text(Self.members.reversed()),
            Self.text([("future", #"{"nested":[[{}],[]],"n":-0.5E-2,"s":"\u00e9"}"#)] + Self.members + [("later", "null"), ("flag", "true")]),
            " \n\t{ " + Self.members.map { "\"\($0.0)\" :\r\n \($0.1)" }.joined(separator: " ,\n ") + " }\n ",
            Self.text(Self.members.map { $0.0 == "plans" ? ($0.0, "[\(Self.plan), \(shuffledPlan)]") : $0 }),
        ]
        for text in texts {
            let decoded = try StoredFigures.decode(text, user: Self.user(7))
            let oracle = try #require(Self.oracle(text, user: Self.user(7)), "\(text)")
            #expect(Self.same(decoded, oracle), "\(text)")
            #expect(decoded.user.jobTitle == "Operator")
            #expect(decoded.presence == [WorkedInterval(start: 100, end: 200)])
        }
        let withCM = try StoredFigures.decode(texts[3], user: Self.user(7))
        #expect(withCM.plans.map(\.type) == [.work, .CM])
        #expect(withCM.plans[0].shifts == Self.ranges("08:00-16:30") && withCM.plans[0].breakMinutes == 30)
    }

    @Test(
        "escapes in the job title decoded as JSONDecoder decodes them",
        arguments: [
            (#""a\"b\\c\/d\ne""#, "a\"b\\c/d\ne"), (#""Mecanic \u00e9\u0218ef \ud83d\ude00""#, "Mecanic éȘef 😀"),
            (#""\b\f\r\t\u0000""#, "\u{8}\u{C}\r\t\u{0}"), (#""\u00E9x""#, "éx"), (#""Șef de tură""#, "Șef de tură"), ("null", nil),
        ]
    )
    func escapes(json: String, expected: String?) throws {
        let text = Self.text(Self.members.map { $0.0 == "job_title" ? ($0.0, json) : $0 })
        let decoded = try StoredFigures.decode(text, user: Self.user(7, jobTitle: "stale"))
        #expect(decoded.user.jobTitle == expected)
        #expect(Self.oracle(text, user: Self.user(7))?.user.jobTitle == expected)
    }

    @Test("no job_title and no presence (a planned month, or one locked before job titles were kept): nil, as before")
    func optionalKeysLeftOut() throws {
        let text = Self.text(Self.members.filter { $0.0 != "job_title" && $0.0 != "presence" })
        let decoded = try StoredFigures.decode(text, user: Self.user(7, jobTitle: "stale"))
        #expect(decoded.user.jobTitle == nil && decoded.presence == nil)
        #expect(Self.same(decoded, try #require(Self.oracle(text, user: Self.user(7)))))
        let nulls = Self.text(Self.members.map { ["job_title", "presence"].contains($0.0) ? ($0.0, "null") : $0 })
        let fromNulls = try StoredFigures.decode(nulls, user: Self.user(7, jobTitle: "stale"))
        #expect(fromNulls.user.jobTitle == nil && fromNulls.presence == nil)
    }

    @Test("the extreme integers that fit an Int are read exactly")
    func extremeIntegers() throws {
        let extremes = "[" + (["-9223372036854775808", "9223372036854775807", "0", "-0"] + (5...18).map(String.init)).joined(separator: ",") + "]"
        let text = Self.text(Self.members.map { $0.0 == "totals" ? ($0.0, extremes) : $0 })
        let decoded = try StoredFigures.decode(text, user: Self.user(7))
        #expect(decoded.totals[.regular, .weekdays, .day] == Int.min && decoded.totals[.regular, .weekdays, .night] == Int.max)
        #expect(Self.same(decoded, try #require(Self.oracle(text, user: Self.user(7)))))
    }

    static func isCorrupt(_ text: String, user: Int = 7) -> Bool {
        do {
            _ = try StoredFigures.decode(text, user: Self.user(user))
            return false
        } catch StoredFigures.Failure.corrupt {
            return true
        } catch {
            return false
        }
    }

    @Test("a real text cut at every byte is corrupt")
    func truncated() throws {
        for month in Self.months {
            let bytes = Array(try StoredFigures.encode(month).utf8)
            for count in 0..<bytes.count {
                let text = String(decoding: bytes[..<count], as: UTF8.self)
                #expect(Self.isCorrupt(text, user: month.user.id), "cut at \(count): \(text)")
            }
        }
    }

    /// A copy of the valid text with member `key` replaced by `json`, or left out when `json` is nil.
    static func replacing(_ key: String, with json: String?) -> String {
        text(members.compactMap { $0.0 == key ? json.map { (key, $0) } : $0 })
    }

    static func planReplacing(_ key: String, with json: String?) -> String {
        let members = [
            "break_minutes": "30", "date": #""2026-11-02""#, "overtime": #""""#, "shifts": #""08:00-16:30""#, "time_off": #""""#, "type": #""work""#,
        ]
        let edited = members.sorted { $0.key < $1.key }.compactMap { $0.key == key ? json.map { "\"\(key)\":\($0)" } : "\"\($0.key)\":\($0.value)" }
        return replacing("plans", with: "[{" + edited.joined(separator: ",") + "}]")
    }

    static let seventeen = "[" + (1...17).map(String.init).joined(separator: ",") + "]"
    static let nineteen = "[" + (1...19).map(String.init).joined(separator: ",") + "]"

    static let malformed: [String] = [
        "", " ", "null", "[]", "1", #""text""#, "{", "}", text(members) + "x", text(members) + "{}", text(members) + ",",
        // wrong types
        replacing("version", with: #""1""#), replacing("user_id", with: #""7""#), replacing("plans", with: "{}"),
        replacing("plans", with: "null"), replacing("days", with: #"[{"date":"2026-11-02","minutes":"1"}]"#), replacing("totals", with: "{}"),
        replacing("job_title", with: "5"), replacing("job_title", with: "[]"), replacing("presence", with: #"[["100",200]]"#),
        replacing("presence", with: "[100,200]"), replacing("plans", with: "[1]"),
        // missing required keys
        replacing("version", with: nil), replacing("user_id", with: nil), replacing("plans", with: nil), replacing("days", with: nil),
        replacing("totals", with: nil), replacing("days", with: #"[{"minutes":\#(minutes)}]"#), replacing("days", with: #"[{"date":"2026-11-02"}]"#),
        // 17 or 19 minutes, a pair of three
        replacing("totals", with: seventeen), replacing("totals", with: nineteen), replacing("totals", with: "[]"),
        replacing("days", with: #"[{"date":"2026-11-02","minutes":\#(seventeen)}]"#), replacing("presence", with: "[[1,2,3]]"),
        replacing("presence", with: "[[1]]"),
        // integers too large for an Int, or not integers
        replacing("version", with: "9223372036854775808"), replacing("user_id", with: "-9223372036854775809"),
        replacing("totals", with: "[99999999999999999999" + seventeen.dropFirst()), replacing("user_id", with: "07"),
        replacing("totals", with: "[1.5" + seventeen.dropFirst()), replacing("user_id", with: "-"),
        replacing("user_id", with: "+7"),
        // values a version 1 month cannot have
        replacing("user_id", with: "8"), replacing("days", with: #"[{"date":"2026-02-30","minutes":\#(minutes)}]"#),
        // strings and literals that are not JSON
        replacing("job_title", with: #""\x""#), replacing("job_title", with: #""\ud83d""#), replacing("job_title", with: #""\ude00x""#),
        replacing("job_title", with: #""\ud83d\u0041""#), replacing("job_title", with: #""\u12g4""#), replacing("job_title", with: "\"a\tb\""),
        replacing("job_title", with: #""\u00"#), replacing("job_title", with: "nul"), replacing("job_title", with: "'x'"),
        text(members + [("future", "tru")]), text(members + [("future", "{\"a\" 1}")]),
        text(members + [("future", "{,}")]),
        "{\"version\":1,,\"user_id\":7}", "{\"version\" 1}", "{version:1}",
        // nesting deeper than any stored month, in a key a later version might add
        text(members + [("future", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))]),
        text(members + [("future", String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000))]),
        planReplacing("date", with: nil), planReplacing("type", with: nil), planReplacing("shifts", with: nil),
        planReplacing("break_minutes", with: nil),
        planReplacing("overtime", with: nil), planReplacing("time_off", with: nil), planReplacing("type", with: #""XX""#),
        planReplacing("shifts", with: #""08:00""#), planReplacing("shifts", with: #""08:00-16:00,10:00-12:00""#),
        planReplacing("break_minutes", with: #""30""#),
        planReplacing("date", with: "20261102"),
    ]

    @Test("malformed texts, wrong types, missing keys, wrong counts, overflowing integers: corrupt, never a crash", arguments: malformed)
    func corrupt(text: String) {
        #expect(Self.isCorrupt(text), "\(text.prefix(300))")
        #expect(Self.oracle(text, user: Self.user(7)) == nil, "JSONDecoder refuses it too: \(text.prefix(300))")
    }

    /// Not JSON by RFC 8259, though `JSONDecoder` lets them pass: integral numbers written as fractions or exponents
    /// where an integer belongs, and malformed numbers and arrays in values it skips. No encoder writes them.
    static let laxlyRead: [String] = [
        replacing("user_id", with: "7.0"), replacing("user_id", with: "7e0"), text(members + [("future", "[1,]")]),
        text(members + [("future", "01")]), text(members + [("future", "1.")]), text(members + [("future", "1e")]),
    ]

    @Test("texts JSONDecoder read laxly are corrupt: the reader keeps to JSON's grammar", arguments: laxlyRead)
    func laxlyReadIsCorrupt(text: String) {
        #expect(Self.isCorrupt(text), "\(text)")
    }

    @Test("a later version is told apart even when its fields are not version 1's")
    func laterVersion() {
        for text in [Self.replacing("version", with: "2"), Self.text([("version", "2"), ("plans", #""packed""#), ("days", "{}")])] {
            do {
                _ = try StoredFigures.decode(text, user: Self.user(7))
                Issue.record("read as version 1: \(text)")
            } catch StoredFigures.Failure.unknownVersion(let version) {
                #expect(version == 2)
            } catch {
                Issue.record("\(error) for \(text)")
            }
        }
    }
}
