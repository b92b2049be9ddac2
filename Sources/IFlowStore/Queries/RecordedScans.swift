import IFlowCore

/// What ``Store/recordScans(_:companyID:limits:actor:)`` did with each row, in the rows' order.
public struct RecordedScans: Sendable {
    /// Stored, or a duplicate of a stored scan or of an earlier row (by its index in the call's rows).
    public let outcomes: [BatchRowOutcome]
    /// The new scan's id for a stored row, `nil` for a duplicate.
    public let ids: [Int64?]
}
