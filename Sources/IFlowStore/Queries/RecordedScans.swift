import IFlowCore

/// What ``Store/recordScans(_:companyID:limits:actor:dayScansFrom:)`` did with each row, in the rows' order.
public struct RecordedScans: Sendable {
    /// Stored, or a duplicate of a stored scan or of an earlier row (by its index in the call's rows).
    public let outcomes: [BatchRowOutcome]
    /// The new scan's id for a stored row, `nil` for a duplicate.
    public let ids: [Int64?]
    /// With `dayScansFrom`, the rows' employees' scans from that instant through the latest row (with the history
    /// pairing needs before it), as ``Store/reportScans(companyID:userIDs:from:through:limits:)`` reads them, after
    /// the rows were stored; empty otherwise.
    public let dayScans: [Int: [Scan]]

    init(outcomes: [BatchRowOutcome], ids: [Int64?], dayScans: [Int: [Scan]] = [:]) {
        self.outcomes = outcomes
        self.ids = ids
        self.dayScans = dayScans
    }

    /// Row `index`'s outcome as a call of that row alone would have answered it: a duplicate of an earlier row of
    /// this call is a duplicate of the scan that row stored.
    func alone(_ index: Int) -> RecordedScans {
        var outcome = outcomes[index]
        while case .duplicateOfRow(let earlier) = outcome {
            outcome = ids[earlier].map(BatchRowOutcome.duplicateOfScan) ?? outcomes[earlier]
        }
        return RecordedScans(outcomes: [outcome], ids: [ids[index]], dayScans: dayScans)
    }
}
