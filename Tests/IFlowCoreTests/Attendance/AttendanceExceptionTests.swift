import Foundation
import Testing

@testable import IFlowCore

@Suite("Attendance exceptions")
struct AttendanceExceptionTests {
    private let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)
    private let wednesday = LocalDate(iso: "2026-12-02")!
    private var plan: DayPlan { DayPlan(date: wednesday, shifts: [TimeRange("08:00-16:30")!], breakMinutes: 30) }

    /// UTC seconds of a wall time on `date` in Bucharest's winter time (UTC+2), worked out by hand.
    private func at(_ hour: Int, _ minute: Int, on date: LocalDate? = nil) -> Int {
        (((date ?? wednesday).dayNumber * 24 + hour - 2) * 60 + minute) * 60
    }

    private func exceptions(_ scans: [Scan], plans: [DayPlan]? = nil, now: Int? = nil) -> [AttendanceException] {
        calculator.exceptions(
            plans: plans ?? [plan], pairing: ScanPairing(scans: scans, now: now), now: now, in: wednesday...wednesday.adding(days: 3))
    }

    private func scans(_ instants: Int...) -> [Scan] { instants.enumerated().map { Scan(id: Int64($0.offset + 1), instant: $0.element) } }

    @Test("five minutes late and early are within the grace")
    func withinGrace() {
        #expect(exceptions(scans(at(8, 5), at(16, 25))).isEmpty)
    }

    @Test("six minutes late and early are exceptions with the times involved")
    func beyondGrace() {
        #expect(
            exceptions(scans(at(8, 6), at(16, 24))) == [
                .lateCheckIn(date: wednesday, shiftStart: at(8, 0), checkIn: at(8, 6), minutes: 6),
                .earlyCheckOut(date: wednesday, shiftEnd: at(16, 30), checkOut: at(16, 24), minutes: 6),
            ])
    }

    @Test("a check-out missing past the reset limit is reported on the check-in's date")
    func missingCheckOut() {
        let next = wednesday.adding(days: 1)
        #expect(
            exceptions(scans(at(7, 55), at(7, 55, on: next)), plans: [plan, DayPlan(date: next, shifts: [TimeRange("08:00-16:30")!])]) == [
                .missingCheckOut(date: wednesday, checkInID: 1, checkIn: at(7, 55), closure: .resetLimit)
            ])
    }

    @Test("a forced check-out with nothing open is reported")
    func unmatched() {
        let scans = [
            Scan(id: 1, instant: at(8, 0)), Scan(id: 2, instant: at(16, 30)), Scan(id: 3, instant: at(16, 40), source: .web, direction: .checkOut),
        ]
        #expect(exceptions(scans) == [.unmatchedCheckOut(date: wednesday, checkOutID: 3, checkOut: at(16, 40))])
    }

    @Test("planned work with no presence is reported once the shift has begun beyond the grace; an absence or a business trip is not")
    func noPresence() {
        #expect(exceptions([]) == [.noPresence(date: wednesday, shiftStart: at(8, 0))])
        #expect(exceptions([], now: at(8, 5)).isEmpty)
        #expect(exceptions([], now: at(8, 6)) == [.noPresence(date: wednesday, shiftStart: at(8, 0))])
        #expect(exceptions([], plans: [DayPlan(date: wednesday, type: .CO)]).isEmpty)
        #expect(exceptions([], plans: [DayPlan(date: wednesday, type: .D, shifts: [TimeRange("08:00-16:30")!])]).isEmpty)
    }

    @Test("presence on a day with no plan is reported; the morning of the previous night's shift is not")
    func presenceWithoutPlan() {
        let saturday = LocalDate(iso: "2026-12-05")!
        let night = DayPlan(date: wednesday, shifts: [TimeRange("22:00-06:00")!])
        let scans = scans(at(22, 0), at(6, 0, on: wednesday.adding(days: 1)), at(10, 0, on: saturday), at(12, 0, on: saturday))
        #expect(
            exceptions(scans, plans: [night]) == [
                .presenceWithoutPlan(date: saturday, checkIn: at(10, 0, on: saturday), checkOut: at(12, 0, on: saturday))
            ])
    }
}
