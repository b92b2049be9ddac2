extension ScanPairing {
    /// Where the scans a range needs start: a kept scan more than `checkInResetLimit` after the employee's previous
    /// non-deleted scan starts pairing afresh (any check-in before it has expired, and it is no duplicate), so pairing
    /// from the last such scan before `from` equals pairing from the very first scan.
    ///
    /// - Parameters:
    ///   - from: The range's first instant (UTC seconds).
    ///   - instants: The employee's non-deleted scan instants before `from`, ascending, back to `loadedFrom`.
    ///   - loadedFrom: The earliest instant `instants` covers (inclusive), or `nil` when they are all of them.
    ///   - limits: The company's limits.
    public static func historyStart(before from: Int, instants: [Int], loadedFrom: Int?, limits: AttendanceLimits) -> ScanHistoryStart {
        // A gap this long resets pairing; the duplicate window is taken too, should a caller ever set it longer.
        let reset = max(limits.checkInResetLimit, limits.timeBetweenCheckIns)
        guard let last = instants.last else {
            guard let loadedFrom else { return .notNeeded }
            return from - loadedFrom >= reset ? .notNeeded : .needsEarlier
        }
        if from - last > reset { return .notNeeded }
        for index in instants.indices.dropFirst().reversed() where instants[index] - instants[index - 1] > reset {
            return .from(instants[index])
        }
        // The first scan read: anything before it lies before `loadedFrom`.
        guard let loadedFrom else { return .from(instants[0]) }
        return instants[0] - loadedFrom >= reset ? .from(instants[0]) : .needsEarlier
    }
}
