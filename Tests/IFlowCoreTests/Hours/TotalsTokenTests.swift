import Testing

@testable import IFlowCore

@Suite("Totals tokens and hour formatting")
struct TotalsTokenTests {
    /// All 60 spellings (5 bases × (none + 3 classes) × (none + 2 times)), composed from literal parts, not from the enums.
    static let spellings: [String] = {
        let bases = ["regular", "overtime", "total", "time_off", "overtime_balance"]
        let classes = ["", "_weekdays", "_weekend", "_holiday"]
        let times = ["", "_day", "_night"]
        return bases.flatMap { base in classes.flatMap { dayClass in times.map { base + dayClass + $0 } } }
    }()

    @Test("every token parses and prints back to its spelling", arguments: spellings)
    func roundTrip(text: String) throws {
        // MUT
        let token = try #require(TotalsToken(text))
        // validation
        #expect(token.description == text)
    }

    @Test("the 60 spellings are distinct tokens, and the bases, classes and times compose exactly those")
    func all() {
        let parsed = Self.spellings.compactMap { TotalsToken($0) }
        #expect(parsed.count == 60)
        #expect(Set(parsed).count == 60)
        #expect(Set(TotalsToken.all) == Set(parsed))
    }

    @Test("components of tricky tokens")
    func components() {
        #expect(TotalsToken("overtime_balance_night") == TotalsToken(base: .overtimeBalance, time: .night))
        #expect(TotalsToken("time_off_weekdays_day") == TotalsToken(base: .timeOff, dayClass: .weekdays, time: .day))
        #expect(TotalsToken("overtime_holiday") == TotalsToken(base: .overtime, dayClass: .holiday))
        #expect(TotalsToken("total_night") == TotalsToken(base: .total, time: .night))
    }

    @Test(
        "unknown spellings are not tokens",
        arguments: [
            "", "Regular", "regular_", "regular_weekday", "regular_night_weekend", "overtime_balance_", "time", "time_off_off",
            "balance", "overtime_balance_weekend_day_", " regular", "regular_holiday_evening", "total_total",
        ])
    func unknown(text: String) {
        // MUT and validation
        #expect(TotalsToken(text) == nil)
    }

    @Test("a list keeps known tokens once, in first-seen order, and reports unknown ones")
    func list() {
        // MUT
        let parsed = TotalsList.parse(" regular , overtime_night,,regular, bogus, total_weekend_day ,bogus,  ,time_off ")
        // validation
        #expect(parsed.tokens.map(\.description) == ["regular", "overtime_night", "total_weekend_day", "time_off"])
        #expect(parsed.unknown == ["bogus"])
        #expect(TotalsList.parse("").tokens.isEmpty)
        #expect(TotalsList.parse("").unknown.isEmpty)
    }

    @Test(
        "hours with two decimals, half away from zero",
        arguments: [
            (0, "0.00"), (1, "0.02"), (2, "0.03"), (3, "0.05"), (7, "0.12"), (9, "0.15"), (30, "0.50"), (45, "0.75"), (59, "0.98"),
            (60, "1.00"), (61, "1.02"), (450, "7.50"), (480, "8.00"), (1439, "23.98"), (10_000, "166.67"), (600_000, "10000.00"),
            (5_997, "99.95"), (6_000, "100.00"), (-600_000, "-10000.00"), (59_999_999_940, "999999999.00"),
            (-1, "-0.02"), (-3, "-0.05"), (-75, "-1.25"), (-450, "-7.50"), (-61, "-1.02"),
        ])
    func hours(minutes: Int, text: String) {
        // MUT and validation
        #expect(HoursFormat.hours(minutes: minutes) == text)
    }
}
