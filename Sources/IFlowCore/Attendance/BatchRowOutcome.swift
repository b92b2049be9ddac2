/// What storing one row of a batch of new scans would do.
public enum BatchRowOutcome: Hashable, Sendable {
    /// The row is stored.
    case stored
    /// A duplicate of the stored scan with this id: not stored.
    case duplicateOfScan(Int64)
    /// A duplicate of the batch's row at this index: not stored.
    case duplicateOfRow(Int)
    /// Dated in a locked month: not stored.
    case lockedMonth
}
