/// Decides which rows of a batch of new scans (an offline upload, or one live scan) are stored, by the pairing rule's
/// duplicate window, so that a batch sent twice stores nothing the second time.
///
/// The batch's rows and the employee's stored scans that are not deleted are taken together in instant order, a row
/// after a stored scan of the same instant and rows of one instant in batch order. A row less than
/// `timeBetweenCheckIns` after the previous kept scan or row is a duplicate of it; every other row is stored. A stored
/// scan is never refused: a late row may make it a duplicate in the derived pairing, which `ScanPairing` then reports.
public enum ScanBatch {
    /// The outcome of each of `rows` (UTC seconds, in batch order) against `existing`, the employee's stored scans.
    public static func outcomes(of rows: [Int], existing: some Sequence<Scan>, limits: AttendanceLimits = .iFlowDefaults) -> [BatchRowOutcome] {
        // (instant, 0 and the id for a stored scan or 1 and the index for a row): stored scans first at one instant.
        var merged: [(instant: Int, isRow: Int, key: Int64)] = existing.compactMap { $0.isDeleted ? nil : ($0.instant, 0, $0.id) }
        merged.reserveCapacity(merged.count + rows.count)
        for (index, instant) in rows.enumerated() { merged.append((instant, 1, Int64(index))) }
        merged.sort { ($0.instant, $0.isRow, $0.key) < ($1.instant, $1.isRow, $1.key) }
        var outcomes = [BatchRowOutcome](repeating: .stored, count: rows.count)
        var previousKept: (instant: Int, isRow: Int, key: Int64)?
        for entry in merged {
            if let previous = previousKept, limits.isDuplicate(entry.instant, after: previous.instant) {
                if entry.isRow == 1 {
                    outcomes[Int(entry.key)] = previous.isRow == 1 ? .duplicateOfRow(Int(previous.key)) : .duplicateOfScan(previous.key)
                }
                continue
            }
            previousKept = entry
        }
        return outcomes
    }
}
