import Foundation

/// Turns local wall-clock times of one time zone into absolute instants, honouring daylight-saving changes.
///
/// The zone's offset changes within a window of days are read once from `TimeZone`, so the hot path is a binary search
/// over a few hundred instants: no `Calendar`, no lock inside Foundation. Outside the window it asks `TimeZone`.
/// Assumes a zone never changes its offset twice within two days (no real zone has).
struct WallClock: Sendable {
    /// Seconds in a calendar day on the wall clock.
    static let secondsPerDay = ClockTime.minutesPerDay * 60

    let timeZone: TimeZone
    /// UTC seconds covered by the table, `lowerBound..<upperBound`.
    private let lowerBound: Int
    private let upperBound: Int
    /// UTC seconds at which the offset changes, ascending.
    private let transitions: [Int]
    /// `offsets[i]` is in force before `transitions[i]`; the last one after the last transition.
    private let offsets: [Int]

    /// Reads the offset changes from two days before `days` to two days after (days as `LocalDate.dayNumber`).
    init(timeZone: TimeZone, days: ClosedRange<Int>) {
        self.timeZone = timeZone
        lowerBound = (days.lowerBound - 2) * Self.secondsPerDay
        upperBound = (days.upperBound + 3) * Self.secondsPerDay
        let end = Date(timeIntervalSince1970: TimeInterval(upperBound))
        var cursor = Date(timeIntervalSince1970: TimeInterval(lowerBound))
        var transitions: [Int] = []
        var offsets = [timeZone.secondsFromGMT(for: cursor)]
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
            transitions.append(Int(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(timeZone.secondsFromGMT(for: next))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The zone's offset from UTC, in seconds, at the UTC instant `instant` (seconds since 1970).
    func offset(at instant: Int) -> Int {
        guard instant >= lowerBound, instant < upperBound else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        }
        return offsets[tableIndex(of: instant)]
    }

    /// The offset in force at `instant` and the first later UTC second at which it may change, so a walk over instants
    /// looks the table up once per offset rather than once per step.
    func segment(at instant: Int) -> (offset: Int, until: Int) {
        guard instant >= lowerBound, instant < upperBound else {
            let date = Date(timeIntervalSince1970: TimeInterval(instant))
            let next = timeZone.nextDaylightSavingTimeTransition(after: date).map { Int($0.timeIntervalSince1970.rounded(.down)) }
            let change = max(next ?? Int.max, instant + 1)
            return (timeZone.secondsFromGMT(for: date), instant < lowerBound ? min(change, lowerBound) : change)
        }
        let index = tableIndex(of: instant)
        return (offsets[index], index < transitions.count ? transitions[index] : upperBound)
    }

    /// The index in `offsets` of the offset in force at an instant inside the table: a binary search over `transitions`.
    private func tableIndex(of instant: Int) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The UTC instant (seconds since 1970) of a local wall time given as seconds since the local 1970-01-01 00:00.
    ///
    /// A wall time skipped by a spring-forward change is moved forward by the gap (02:30 in a 02:00→03:00 gap is
    /// read as 03:30); one repeated by a fall-back change is its earlier occurrence. This is also what Foundation's
    /// `Calendar` does.
    func instant(wallSeconds local: Int) -> Int {
        let before = offset(at: local - Self.secondsPerDay)
        let after = offset(at: local + Self.secondsPerDay)
        if before == after { return local - before }
        // Near a change: prefer the old offset when it is valid, which is the earlier of two occurrences.
        if offset(at: local - before) == before { return local - before }
        if offset(at: local - after) == after { return local - after }
        // In the gap neither offset is valid; the old one moves the time forward by the gap.
        return local - before
    }
}
