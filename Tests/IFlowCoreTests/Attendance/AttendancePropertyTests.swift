import Foundation
import Testing

@testable import IFlowCore

@Suite("Attendance properties over random scans")
struct AttendancePropertyTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    /// Up to 16 scans over the last days of October 2026 (around the autumn change), with gaps near the duplicate
    /// window and the reset limit, equal instants, forced directions and deleted entries; ids are unique but unordered.
    private func randomScans(_ random: inout SplitMix64) -> [Scan] {
        var instant = (LocalDate(iso: "2026-10-24")!.dayNumber * 24 + Int.random(in: 0..<24, using: &random)) * 3_600
        let ids = (1...40).shuffled(using: &random)
        return (0..<Int.random(in: 1...16, using: &random)).map { index in
            let gaps = [0, 59, 60, 61, 46_800, 46_801, Int.random(in: 1...40_000, using: &random)]
            instant += gaps.randomElement(using: &random)!
            let directions: [ScanDirection?] = [nil, nil, nil, .checkIn, .checkOut]
            return Scan(
                id: Int64(ids[index]), instant: instant, source: .terminal, direction: directions.randomElement(using: &random)!,
                isDeleted: Int.random(in: 0..<10, using: &random) == 0)
        }
    }

    @Test("any arrival order of the same scans gives the same statuses, pairs, intervals (with or without the statuses), batch outcome and hours")
    func arrivalOrderDoesNotMatter() {
        var random = SplitMix64(seed: 20_261_201)
        let plans = (23...31).map { DayPlan(date: LocalDate(year: 2026, month: 10, day: $0)!, shifts: [TimeRange("22:00-06:00")!], breakMinutes: 30) }
        for _ in 0..<500 {
            // setup
            let scans = randomScans(&random)
            let reference = ScanPairing(scans: scans)
            let referenceHours = calculator.liveDailyMinutes(for: plans, presence: reference.intervals(), in: (2026, 10))
            let referenceStored = ScanBatch.outcomes(of: scans.map(\.instant).sorted(), existing: []).filter { $0 == .stored }.count
            for _ in 0..<10 {
                let shuffled = scans.shuffled(using: &random)
                // MUT
                let pairing = ScanPairing(scans: shuffled)
                // validation
                #expect(pairing == reference)
                let now = scans.map(\.instant).max()! + Int.random(in: 0...50_000, using: &random)
                let withoutStatuses = ScanPairing.intervals(of: shuffled, limits: .iFlowDefaults, now: now)
                #expect(withoutStatuses == ScanPairing(scans: scans, now: now).intervals(now: now))
                #expect(calculator.liveDailyMinutes(for: plans, presence: pairing.intervals(), in: (2026, 10)) == referenceHours)
                #expect(ScanBatch.outcomes(of: shuffled.map(\.instant), existing: []).filter { $0 == .stored }.count == referenceStored)
            }
            // Every kept scan is in exactly one pair or is an unmatched check-out.
            let kept = reference.statuses.filter { $0.value == .checkIn || $0.value == .checkOut || $0.value == .unmatchedCheckOut }.count
            let paired = reference.pairs.reduce(0) { $0 + 1 + ($1.checkOutID == nil ? 0 : 1) } + reference.unmatchedCheckOuts.count
            #expect(kept == paired)
        }
    }
}
