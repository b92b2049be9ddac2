import IFlowCore

/// What ``Store/recordScans(_:companyID:limits:actor:)`` did with each row, in the rows' order.
public struct RecordedScans: Sendable {
    /// Stored, or a duplicate of a stored scan or of an earlier row (by its index in the call's rows).
    public let outcomes: [BatchRowOutcome]
    /// The new scan's id for a stored row, `nil` for a duplicate.
    public let ids: [Int64?]

    /// Row `index`'s outcome as a call of that row alone would have answered it: a duplicate of an earlier row of
    /// this call is a duplicate of the scan that row stored.
    func alone(_ index: Int) -> RecordedScans {
        var outcome = outcomes[index]
        while case .duplicateOfRow(let earlier) = outcome {
            outcome = ids[earlier].map(BatchRowOutcome.duplicateOfScan) ?? outcomes[earlier]
        }
        return RecordedScans(outcomes: [outcome], ids: [ids[index]])
    }
}
