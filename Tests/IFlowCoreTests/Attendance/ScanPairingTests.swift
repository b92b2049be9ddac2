import Testing

@testable import IFlowCore

@Suite("Scan pairing")
struct ScanPairingTests {
    /// Scans at these seconds, ids 1, 2, 3… in order, from a terminal.
    private func scans(_ instants: [Int]) -> [Scan] {
        instants.enumerated().map { Scan(id: Int64($0.offset + 1), instant: $0.element) }
    }

    static let windowCases: [(gap: Int, second: ScanStatus)] = [(59, .duplicate(of: 1)), (60, .checkOut), (61, .checkOut)]

    @Test("a scan sooner than time_between_check_ins after the previous kept one is its duplicate", arguments: windowCases)
    func duplicateWindow(gap: Int, second: ScanStatus) {
        // MUT
        let pairing = ScanPairing(scans: scans([1_000, 1_000 + gap]))
        // validation
        #expect(pairing.statuses == [1: .checkIn, 2: second])
        let expectedPairs =
            second == .checkOut
            ? [ScanPair(checkInID: 1, checkIn: 1_000, checkOutID: 2, checkOut: 1_000 + gap)] : [ScanPair(checkInID: 1, checkIn: 1_000)]
        #expect(pairing.pairs == expectedPairs)
    }

    @Test("a duplicate is not a kept scan: the window runs from the last kept scan")
    func duplicatesDoNotExtendTheWindow() {
        let pairing = ScanPairing(scans: scans([0, 30, 60]))
        #expect(pairing.statuses == [1: .checkIn, 2: .duplicate(of: 1), 3: .checkOut])
    }

    @Test("a check-in exactly check_in_reset_limit old still pairs")
    func resetLimitExactly() {
        let pairing = ScanPairing(scans: scans([0, 46_800]))
        #expect(pairing.pairs == [ScanPair(checkInID: 1, checkIn: 0, checkOutID: 2, checkOut: 46_800)])
    }

    @Test("a check-in one second older than check_in_reset_limit is a missing check-out; the scan opens a new check-in")
    func resetLimitPassed() {
        let pairing = ScanPairing(scans: scans([0, 46_801]))
        #expect(pairing.statuses == [1: .checkIn, 2: .checkIn])
        #expect(pairing.pairs == [ScanPair(checkInID: 1, checkIn: 0, closure: .resetLimit), ScanPair(checkInID: 2, checkIn: 46_801)])
        #expect(pairing.intervals(now: 50_000) == [WorkedInterval(start: 46_801, end: 50_000)])
    }

    @Test("with now, a check-in left open beyond the reset limit is closed as a missing check-out")
    func openPastNow() {
        #expect(ScanPairing(scans: scans([0]), now: 46_800).pairs == [ScanPair(checkInID: 1, checkIn: 0)])
        #expect(ScanPairing(scans: scans([0]), now: 46_801).pairs == [ScanPair(checkInID: 1, checkIn: 0, closure: .resetLimit)])
    }

    @Test("a forced out with no open check-in is an unmatched check-out")
    func forcedOutAlone() {
        let scan = Scan(id: 7, instant: 500, source: .web, direction: .checkOut)
        let pairing = ScanPairing(scans: [scan])
        #expect(pairing.statuses == [7: .unmatchedCheckOut])
        #expect(pairing.pairs.isEmpty)
        #expect(pairing.unmatchedCheckOuts == [scan])
    }

    @Test("a forced in while a check-in is open closes it as a missing check-out and opens a new one")
    func forcedInWhileOpen() {
        let pairing = ScanPairing(scans: [
            Scan(id: 1, instant: 0), Scan(id: 2, instant: 3_600, source: .api, direction: .checkIn), Scan(id: 3, instant: 7_200),
        ])
        #expect(pairing.statuses == [1: .checkIn, 2: .checkIn, 3: .checkOut])
        #expect(
            pairing.pairs == [
                ScanPair(checkInID: 1, checkIn: 0, closure: .forcedCheckIn), ScanPair(checkInID: 2, checkIn: 3_600, checkOutID: 3, checkOut: 7_200),
            ])
    }

    @Test("a forced out closes the open check-in; a forced in with none open is a plain check-in")
    func forcedDirectionsInSequence() {
        let pairing = ScanPairing(scans: [Scan(id: 1, instant: 0, direction: .checkIn), Scan(id: 2, instant: 600, direction: .checkOut)])
        #expect(pairing.pairs == [ScanPair(checkInID: 1, checkIn: 0, checkOutID: 2, checkOut: 600)])
    }

    @Test("at equal instants the later id is the duplicate, whatever order they come in")
    func equalInstants() {
        let pairing = ScanPairing(scans: [Scan(id: 9, instant: 100), Scan(id: 4, instant: 100)])
        #expect(pairing.statuses == [4: .checkIn, 9: .duplicate(of: 4)])
    }

    @Test("a deleted scan is ignored and does not start a duplicate window")
    func deleted() {
        let pairing = ScanPairing(scans: [Scan(id: 1, instant: 0, isDeleted: true), Scan(id: 2, instant: 30), Scan(id: 3, instant: 4_000)])
        #expect(pairing.statuses == [1: .deleted, 2: .checkIn, 3: .checkOut])
        #expect(pairing.intervals() == [WorkedInterval(start: 30, end: 4_000)])
    }

    @Test("a batch row is stored unless it falls in the window of a stored scan or an earlier row")
    func batchOutcomes() {
        // setup
        let stored = [Scan(id: 11, instant: 1_000), Scan(id: 12, instant: 5_000, isDeleted: true)]
        // MUT
        let outcomes = ScanBatch.outcomes(of: [1_030, 5_000, 960, 5_059, 1_000, 9_000], existing: stored)
        // validation: the late row 960 makes the stored 1_000 a duplicate, so 1_030 is 70 s after the last kept scan.
        #expect(outcomes == [.stored, .stored, .stored, .duplicateOfRow(1), .duplicateOfRow(2), .stored])
    }

    @Test("a batch sent again stores nothing")
    func batchResent() {
        // setup
        let rows = [28_800, 28_830, 61_200, 61_200, 90_000]
        let first = ScanBatch.outcomes(of: rows, existing: [])
        #expect(first == [.stored, .duplicateOfRow(0), .stored, .duplicateOfRow(2), .stored])
        let stored = zip(rows, first).enumerated().compactMap { index, row in row.1 == .stored ? Scan(id: Int64(100 + index), instant: row.0) : nil }
        // MUT
        let second = ScanBatch.outcomes(of: rows, existing: stored)
        // validation
        #expect(!second.contains(.stored))
        #expect(second == [.duplicateOfScan(100), .duplicateOfScan(100), .duplicateOfScan(102), .duplicateOfScan(102), .duplicateOfScan(104)])
    }
}
