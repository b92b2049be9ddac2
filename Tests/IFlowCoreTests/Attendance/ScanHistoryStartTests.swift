import Testing

@testable import IFlowCore

@Suite("Scan history before a range")
struct ScanHistoryStartTests {
    /// The range starts at 1,000,000; the limits are iFlow's (60 s, 46,800 s).
    static let from = 1_000_000
    static let limit = 46_800

    static let cases: [(name: String, instants: [Int], loadedFrom: Int?, expected: ScanHistoryStart)] = [
        ("nothing read, all of history", [], nil, .notNeeded),
        ("nothing within one limit", [], from - limit, .notNeeded),
        ("nothing read, but not a whole limit back", [], from - limit + 1, .needsEarlier),
        ("the last scan more than a limit before", [from - limit - 1], from - 3 * limit, .notNeeded),
        ("the last scan exactly a limit before still pairs", [from - limit], from - 3 * limit, .from(from - limit)),
        ("a gap longer than the limit before the last scan", [from - 2 * limit, from - 100], from - 3 * limit, .from(from - 100)),
        ("a gap of exactly the limit does not reset", [from - limit - 200, from - 200], from - 3 * limit, .from(from - limit - 200)),
        ("the latest long gap counts", [from - 90_000, from - 80_000, from - 30_000, from - 10], from - 100_000, .from(from - 30_000)),
        ("a chain back to the window's start", [from - 40_000, from - 10], from - 40_000, .needsEarlier),
        ("a chain whose first scan is a limit after the window's start", [from - 40_000, from - 10], from - 86_800, .from(from - 40_000)),
        ("a chain that is all of history", [from - 40_000, from - 10], nil, .from(from - 40_000)),
    ]

    @Test("where exact pairing of a range may start", arguments: cases)
    func historyStart(name: String, instants: [Int], loadedFrom: Int?, expected: ScanHistoryStart) {
        // MUT
        let start = ScanPairing.historyStart(before: Self.from, instants: instants, loadedFrom: loadedFrom, limits: .iFlowDefaults)
        // validation
        #expect(start == expected, "\(name)")
    }

    @Test("pairing from the history start gives the pairs of pairing everything, for chains of every spacing")
    func historyPairsLikeEverything() {
        for spacing in [59, 60, 3_600, 36_000, 46_800, 46_801, 50_000] {
            for count in 1...12 {
                // setup: a chain of scans ending just before `from`, then one scan in the range
                let instants = (0..<count).map { Self.from - 1 - (count - 1 - $0) * spacing }
                let scans = (instants + [Self.from + 600]).enumerated().map { Scan(id: Int64($0.offset + 1), instant: $0.element) }
                // MUT
                let start = ScanPairing.historyStart(before: Self.from, instants: instants, loadedFrom: nil, limits: .iFlowDefaults)
                // validation
                let read: [Scan] =
                    switch start {
                    case .notNeeded: scans.filter { $0.instant >= Self.from }
                    case .from(let instant): scans.filter { $0.instant >= instant }
                    case .needsEarlier: []
                    }
                #expect(start != .needsEarlier)
                let everything = ScanPairing(scans: scans).pairs.filter { $0.checkIn >= (read.first?.instant ?? Self.from) }
                #expect(ScanPairing(scans: read).pairs == everything, "spacing \(spacing), \(count) scans")
                #expect(ScanPairing(scans: read).statuses[Int64(scans.count)] == ScanPairing(scans: scans).statuses[Int64(scans.count)])
            }
        }
    }
}
