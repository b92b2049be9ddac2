import Foundation
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

    @Test("a month of scans: mostly on time, some late arrivals and early leaves, forgotten check-outs, nights, none after now")
    func scans() throws {
        // setup
        let calculator = ScheduleCalculator(timeZone: try #require(TimeZone(identifier: "Europe/Bucharest")), holidays: .romania)
        let demo = DemoData()
        let today = LocalDate(year: 2025, month: 12, day: 10)!
        // 12:00 in Bucharest (UTC+2) on `today`.
        let now = today.dayNumber * 86_400 + 10 * 3_600
        var pairings: [ScanPairing] = []
        var lateArrivals = 0
        for (index, employee) in demo.employees(count: 40).enumerated() {
            let plans = demo.plans(for: employee, index: index, months: [(2025, 11), (2025, 12)])
            // MUT
            let scans = demo.scans(for: plans, index: index, dates: today.adding(days: -30)...today, now: now, calculator: calculator)
            // validation
            #expect(scans.allSatisfy { $0.instant < now && (0...1).contains($0.terminal) })
            let instants = scans.map(\.instant).sorted()
            #expect(zip(instants, instants.dropFirst()).allSatisfy { $1 - $0 >= 60 }, "no scan is a duplicate of another")
            let pairing = ScanPairing(scans: instants.enumerated().map { Scan(id: Int64($0.offset), instant: $0.element) }, now: now)
            pairings.append(pairing)
            for plan in plans where plan.type == .work && plan.date >= today.adding(days: -30) && plan.date < today {
                guard let shift = plan.shifts.first, let start = calculator.instant(on: plan.date, secondOfDay: shift.start.minutes * 60) else {
                    continue
                }
                if pairing.pairs.contains(where: { $0.checkIn > start + 5 * 60 && $0.checkIn < start + 60 * 60 }) { lateArrivals += 1 }
            }
        }
        let pairs = pairings.flatMap(\.pairs)
        #expect(lateArrivals > 10, "late arrivals")
        #expect(pairs.contains { $0.closure == .resetLimit }, "a forgotten check-out")
        let nights = pairs.filter { pair in
            pair.checkOut.map { calculator.localDate(ofInstant: $0) != calculator.localDate(ofInstant: pair.checkIn) } ?? false
        }
        #expect(!nights.isEmpty, "a night shift checked out the next morning")
        #expect(pairs.contains { $0.isOpen }, "someone is at work at noon")
        let duplicates = pairings.flatMap(\.statuses.values).filter { status in
            if case .duplicate = status { true } else { false }
        }
        #expect(duplicates.isEmpty && pairings.allSatisfy(\.unmatchedCheckOuts.isEmpty))
    }
}
