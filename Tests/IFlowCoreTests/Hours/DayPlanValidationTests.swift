import Testing

@testable import IFlowCore

@Suite("Day plan validation")
struct DayPlanValidationTests {
    private let date = LocalDate(year: 2019, month: 11, day: 13)!

    private func ranges(_ text: String) -> [TimeRange] {
        (try? TimeRangeList.parse(text).get()) ?? []
    }

    @Test("a normal work day is valid")
    func valid() {
        let plan = DayPlan(date: date, shifts: ranges("08:00-12:00,13:00-17:00"), breakMinutes: 30, overtime: ranges("17:00-19:00"))
        #expect(plan.validate().isEmpty)
        #expect(DayPlan(date: date, type: .CO).validate().isEmpty)
        #expect(DayPlan(date: date, type: .D, shifts: ranges("08:00-16:00")).validate().isEmpty)
    }

    @Test("overlaps across shifts, overtime and time off are reported against the later field")
    func overlaps() {
        // setup
        let plan = DayPlan(
            date: date, shifts: ranges("22:00-06:00"), overtime: ranges("05:00-07:00,23:00-23:30"), timeOff: ranges("06:30-07:30")
        )
        // MUT
        let problems = plan.validate()
        // validation
        #expect(problems == [.overlap(field: .overtime, otherField: .shifts), .overlap(field: .timeOff, otherField: .overtime)])
    }

    @Test("two ranges of one field that overlap")
    func overlapWithinField() {
        // setup
        let plan = DayPlan(date: date, shifts: [TimeRange("08:00-12:00")!, TimeRange("11:00-13:00")!])
        // MUT and validation
        #expect(plan.validate() == [.overlap(field: .shifts, otherField: .shifts)])
    }

    /// Breaks against the shifts 08:00-12:00 (240 minutes), and on an absence without shifts.
    static let breakCases: [(type: DayType, shifts: String, breakMinutes: Int, problems: [DayPlanProblem])] = [
        (.work, "08:00-12:00", 240, []),
        (.work, "08:00-12:00", 241, [.breakLongerThanShifts(breakMinutes: 241, shiftMinutes: 240)]),
        (.work, "08:00-12:00", -5, [.negativeBreak(minutes: -5)]),
        (.CM, "", 30, [.breakLongerThanShifts(breakMinutes: 30, shiftMinutes: 0)]),
    ]

    @Test("break problems", arguments: breakCases)
    func breaks(type: DayType, shifts: String, breakMinutes: Int, problems: [DayPlanProblem]) {
        // setup
        let plan = DayPlan(date: date, type: type, shifts: ranges(shifts), breakMinutes: breakMinutes)
        // MUT and validation
        #expect(plan.validate() == problems)
    }

    @Test("shifts are not allowed on an absence", arguments: [DayType.CO, .CM, .CFP, .NE, .EV])
    func shiftsOnAbsence(type: DayType) {
        // setup
        let plan = DayPlan(date: date, type: type, shifts: ranges("08:00-16:00"))
        // MUT and validation
        #expect(plan.validate() == [.shiftsOnAbsence(type)])
    }

    @Test("more than ten ranges in a field")
    func tooMany() {
        let eleven = (0..<11).map { TimeRange(start: ClockTime(minutes: $0 * 60)!, end: ClockTime(minutes: $0 * 60 + 30)!)! }
        let plan = DayPlan(date: date, overtime: eleven)
        #expect(plan.validate() == [.tooManyRanges(field: .overtime, count: 11)])
        #expect(DayPlan(date: date, overtime: Array(eleven.prefix(10))).validate().isEmpty)
    }

    @Test("every problem is listed, in field order")
    func everyProblem() {
        let plan = DayPlan(date: date, type: .CO, shifts: ranges("08:00-09:00"), breakMinutes: 90, timeOff: ranges("08:30-10:00"))
        #expect(
            plan.validate() == [
                .shiftsOnAbsence(.CO), .breakLongerThanShifts(breakMinutes: 90, shiftMinutes: 60), .overlap(field: .timeOff, otherField: .shifts),
            ])
    }

    @Test("day types have Romanian and English descriptions")
    func dayTypes() {
        #expect(DayType.allCases.map(\.rawValue) == ["work", "CO", "CM", "CFP", "NE", "D", "EV"])
        #expect(DayType.CO.description(in: .roRO) == "Concediu de odihnă")
        #expect(DayType.CM.description(in: .enUS) == "Medical leave")
        #expect(DayType.allCases.filter(\.isAbsence) == [.CO, .CM, .CFP, .NE, .EV])
    }
}
