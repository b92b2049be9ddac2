/// One employee's scans turned into statuses and check-in/check-out pairs, as iFlow's terminals document it: the
/// server decides the direction, a scan within `time_between_check_ins` of the previous one is ignored, and an open
/// check-in older than `check_in_reset_limit` no longer pairs.
///
/// Scans are taken in (instant, id) order, so the arrival order never matters. Deleted scans are ignored. A scan less
/// than `timeBetweenCheckIns` after the previous kept scan is a duplicate of it (at equal instants the later id is the
/// duplicate). Before a kept scan is read, an open check-in more than `checkInResetLimit` older (exactly the limit
/// still pairs) is closed as a missing check-out. Then a scan without a forced direction closes the open check-in or
/// opens one; a forced `in` closes an open check-in as a missing check-out and opens a new one; a forced `out`
/// closes the open check-in, or with none open is an unmatched check-out (an exception, paired with nothing).
public struct ScanPairing: Hashable, Sendable {
    /// Every scan's status, by id.
    public let statuses: [Int64: ScanStatus]
    /// The pairs in check-in order.
    public let pairs: [ScanPair]
    /// The limits the scans were paired under.
    public let limits: AttendanceLimits
    /// Forced check-outs with no open check-in, in time order.
    public let unmatchedCheckOuts: [Scan]

    /// Pairs `scans` under `limits`; with `now` (UTC seconds), a check-in left open more than the reset limit before it
    /// is closed as a missing check-out too.
    public init(scans: [Scan], limits: AttendanceLimits = .iFlowDefaults, now: Int? = nil) {
        var statuses: [Int64: ScanStatus] = [:]
        statuses.reserveCapacity(scans.count)
        let paired = Self.pair(scans, limits: limits, now: now) { statuses[$0] = $1 }
        self.statuses = statuses
        pairs = paired.pairs
        self.limits = limits
        unmatchedCheckOuts = paired.unmatched
    }

    /// The time present from `scans`, as `ScanPairing(scans:limits:now:).intervals(now:)` gives it, without the
    /// dictionary of every scan's status, which a report of a whole company's month does not read.
    public static func intervals(of scans: [Scan], limits: AttendanceLimits, now: Int?) -> [WorkedInterval] {
        intervals(of: pair(scans, limits: limits, now: now) { _, _ in }.pairs, now: now)
    }

    /// The rule: `scans` in (instant, id) order become pairs and unmatched check-outs, and `status` is told each
    /// scan's status. `[Scan]`, not any sequence: the reports call it from another module, where a generic parameter
    /// is not specialized.
    private static func pair(
        _ scans: [Scan], limits: AttendanceLimits, now: Int?, status: (Int64, ScanStatus) -> Void
    ) -> (pairs: [ScanPair], unmatched: [Scan]) {
        let ordered = scans.sorted { ($0.instant, $0.id) < ($1.instant, $1.id) }
        var pairs: [ScanPair] = []
        pairs.reserveCapacity(ordered.count / 2 + 1)
        var unmatched: [Scan] = []
        var open: Scan?
        var previousKept: Scan?
        func close(_ reason: PairClosure) {
            if let checkIn = open { pairs.append(ScanPair(checkInID: checkIn.id, checkIn: checkIn.instant, closure: reason)) }
            open = nil
        }
        for scan in ordered {
            if scan.isDeleted {
                status(scan.id, .deleted)
                continue
            }
            if let previous = previousKept, limits.isDuplicate(scan.instant, after: previous.instant) {
                status(scan.id, .duplicate(of: previous.id))
                continue
            }
            previousKept = scan
            if let checkIn = open, limits.hasExpired(checkIn.instant, at: scan.instant) { close(.resetLimit) }
            switch (scan.direction, open) {
            case (.checkIn, .some):
                close(.forcedCheckIn)
                open = scan
                status(scan.id, .checkIn)
            case (.checkIn, nil), (nil, nil):
                open = scan
                status(scan.id, .checkIn)
            case (.checkOut, .some(let checkIn)), (nil, .some(let checkIn)):
                pairs.append(ScanPair(checkInID: checkIn.id, checkIn: checkIn.instant, checkOutID: scan.id, checkOut: scan.instant))
                open = nil
                status(scan.id, .checkOut)
            case (.checkOut, nil):
                status(scan.id, .unmatchedCheckOut)
                unmatched.append(scan)
            }
        }
        if let checkIn = open {
            if let now, limits.hasExpired(checkIn.instant, at: now) {
                close(.resetLimit)
            } else {
                pairs.append(ScanPair(checkInID: checkIn.id, checkIn: checkIn.instant))
            }
        }
        return (pairs, unmatched)
    }

    /// The time present: each closed pair, and with `now` the open pair up to it. A missing check-out counts no time,
    /// as nobody knows when the employee left.
    public func intervals(now: Int? = nil) -> [WorkedInterval] {
        Self.intervals(of: pairs, now: now)
    }

    private static func intervals(of pairs: [ScanPair], now: Int?) -> [WorkedInterval] {
        pairs.compactMap { pair in
            if let checkOut = pair.checkOut { return WorkedInterval(start: pair.checkIn, end: checkOut) }
            guard pair.isOpen, let now, now > pair.checkIn else { return nil }
            return WorkedInterval(start: pair.checkIn, end: now)
        }
    }
}
