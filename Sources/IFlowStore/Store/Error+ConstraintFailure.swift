import FluentKit

extension Error {
    /// A unique or foreign-key constraint stopped the write: another request won a race.
    var isConstraintFailure: Bool {
        (self as? any DatabaseError)?.isConstraintFailure ?? false
    }
}
