import Testing

@testable import IFlowCore

@Suite("Demo data")
struct DemoDataTests {
    @Test("employees are valid user/update requests with unique CNPs, and their plans validate")
    func demoIsValid() throws {
        // setup
        let demo = DemoData(seed: 7)
        // MUT
        let employees = demo.employees(count: 2_500)
        // validation
        #expect(Set(employees.map(\.cnp)).count == 2_500)
        for (index, employee) in employees.enumerated() {
            let update = UserUpdate.parse(employee.fields)
            #expect(throws: Never.self, "employee \(index)") { try update.get() }
            guard index < 200 else { continue }
            let plans = demo.plans(for: employee, index: index, months: [(2024, 3), (2024, 4)])
            #expect(Set(plans.map(\.date)).count == plans.count, "one plan per day")
            for plan in plans {
                #expect(plan.validate().isEmpty, "\(plan)")
            }
        }
    }

    @Test("the same seed gives the same company")
    func deterministic() {
        let a = DemoData(seed: 11).employees(count: 50).map(\.fields)
        let b = DemoData(seed: 11).employees(count: 50).map(\.fields)
        #expect(a == b)
    }

    @Test("the demo has night shifts, weekend and holiday work, overtime, time off and absences")
    func variety() {
        let demo = DemoData()
        let employees = demo.employees(count: 40)
        let plans = employees.enumerated().flatMap { demo.plans(for: $1, index: $0, months: [(2025, 11), (2025, 12)]) }
        #expect(plans.contains { $0.shifts.contains { $0.endsNextDay } })
        #expect(plans.contains { $0.date.isWeekend && !$0.shifts.isEmpty })
        #expect(plans.contains { RomanianHolidays.holiday(on: $0.date) != nil && !$0.shifts.isEmpty })
        #expect(plans.contains { !$0.overtime.isEmpty })
        #expect(plans.contains { !$0.timeOff.isEmpty })
        #expect(plans.contains { $0.type.isAbsence })
    }
}
