import Testing

@testable import IFlowCore

@Suite("HourTotals cells")
struct HourTotalsTests {
    /// The 18 cells in their documented order, written out rather than derived from the index function under test.
    static let order: [(HourKind, DayClass, TimeOfDay)] = [
        (.regular, .weekdays, .day), (.regular, .weekdays, .night), (.regular, .weekend, .day), (.regular, .weekend, .night),
        (.regular, .holiday, .day), (.regular, .holiday, .night), (.overtime, .weekdays, .day), (.overtime, .weekdays, .night),
        (.overtime, .weekend, .day), (.overtime, .weekend, .night), (.overtime, .holiday, .day), (.overtime, .holiday, .night),
        (.timeOff, .weekdays, .day), (.timeOff, .weekdays, .night), (.timeOff, .weekend, .day), (.timeOff, .weekend, .night),
        (.timeOff, .holiday, .day), (.timeOff, .holiday, .night),
    ]

    @Test("a cell by position is the cell of its kind, class and time in the documented order, read and written")
    func cellsByPosition() {
        // setup: each cell a different value, some negative, added by kind, class and time
        var totals = HourTotals()
        for (position, cell) in Self.order.enumerated() { totals.add(position * 11 - 50, kind: cell.0, dayClass: cell.1, time: cell.2) }

        // MUT + validation: read by position
        #expect(HourTotals.cellCount == Self.order.count)
        #expect((0..<HourTotals.cellCount).map { totals[cell: $0] } == Self.order.indices.map { $0 * 11 - 50 })

        // MUT + validation: written by position, read by kind, class and time; the other cells unchanged
        var written = totals
        written[cell: 7] = 1_000
        for (position, cell) in Self.order.enumerated() {
            #expect(written[cell.0, cell.1, cell.2] == (position == 7 ? 1_000 : position * 11 - 50))
        }
        #expect(written.minutes(kind: .overtime, dayClass: .weekdays, time: .night) == 1_000)
    }

    @Test("adding totals adds every cell, and a sum of many is exact")
    func sums() {
        var one = HourTotals()
        for (position, cell) in Self.order.enumerated() { one.add(position + 1, kind: cell.0, dayClass: cell.1, time: cell.2) }
        var sum = HourTotals()
        for _ in 0..<1_000 { sum += one }
        #expect((0..<HourTotals.cellCount).map { sum[cell: $0] } == (1...18).map { $0 * 1_000 })
        var twice = one
        twice += one
        #expect(one + one == twice)
        #expect((0..<HourTotals.cellCount).map { twice[cell: $0] } == (1...18).map { $0 * 2 })
    }
}
