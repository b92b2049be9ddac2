import IFlowCore
import Testing

@testable import IFlowStore

/// The text `Store.packedDayPlans` asks the database to pack an employee's plans into, read back.
@Suite("Packed day plans")
struct PackedDayPlansTests {
    static func ranges(_ text: String) throws -> [TimeRange] { try TimeRangeList.parse(text).get() }

    @Test("each plan's date, type, break, shifts, overtime and time off are read back in order, empty lists as empty")
    func reads() throws {
        // MUT
        let plans = try #require(
            PackedDayPlans.parse(
                "2025-05-01|work|30|08:00-12:00,12:30-16:30|16:30-18:30|;2025-05-02|CO|0|||;2025-05-03|work|0|22:00-06:00||05:00-06:00")
        )
        // validation
        #expect(
            plans == [
                DayPlan(
                    date: LocalDate(year: 2025, month: 5, day: 1)!, shifts: try Self.ranges("08:00-12:00,12:30-16:30"), breakMinutes: 30,
                    overtime: try Self.ranges("16:30-18:30")
                ),
                DayPlan(date: LocalDate(year: 2025, month: 5, day: 2)!, type: .CO),
                DayPlan(
                    date: LocalDate(year: 2025, month: 5, day: 3)!, shifts: try Self.ranges("22:00-06:00"), timeOff: try Self.ranges("05:00-06:00")),
            ])
    }

    @Test(
        "anything the query does not write is refused, never read as something else",
        arguments: [
            "2025-05-01|work|30|08:00-16:00|", "2025-05-01|work|30|08:00-16:00|||", "2025-05-01|work|30|08:00-16:00||;",
            ";2025-05-01|work|30|08:00-16:00||", "2025-13-01|work|0|||", "2025-05-01|holiday|0|||", "2025-05-01|work|x|||",
            "2025-05-01|work|0|08:00-25:00||", "2025-05-01|work|0|08:00-12:00,11:00-13:00||", "2025-05-01|work|0|08:00-12:00;13:00-17:00||",
            "2025-05-01|work||||", "2025-05-01|work|-|||", "2025-05-01|work|3-0|||", "2025-05-01|work|0||||", "2025-5-01|work|0|||",
            "2025-05-01|work|0|||;", "2025-05-01|work|0|||;;2025-05-02|work|0|||", "|||||",
        ])
    func refuses(text: String) {
        // MUT + validation
        #expect(PackedDayPlans.parse(text) == nil)
    }

    @Test("a break is read as the database wrote it, a negative one too, as the row-by-row read decodes it")
    func breakMinutes() throws {
        // MUT
        let plans = try #require(PackedDayPlans.parse("2025-05-01|work|45|||;2025-05-02|work|-15|||;2025-05-03|work|0|||"))
        // validation
        #expect(plans.map(\.breakMinutes) == [45, -15, 0])
        #expect(plans.map(\.date.day) == [1, 2, 3])
    }

    @Test("no plans is an empty list")
    func empty() {
        // MUT + validation
        #expect(PackedDayPlans.parse("") == [])
    }
}
