/// A write of plans refused because some of them overlap a neighbour day's plan (`no_overlap`); nothing was written.
///
/// The store finds it inside the write, after locking the employees, so two writes that only overlap together
/// (a night shift on the 1st, a morning on the 2nd, sent at once) cannot both pass; the API names lines and dates.
public struct PlanOverlapRefusal: Error, Sendable, Equatable {
    /// One refused plan: its position among the plans written, and what it overlaps.
    public struct Conflict: Sendable, Equatable {
        /// The position of the refused plan in the write.
        public let index: Int
        public let neighbour: Neighbour

        public init(index: Int, neighbour: Neighbour) {
            self.index = index
            self.neighbour = neighbour
        }
    }

    /// What a refused plan overlaps.
    public enum Neighbour: Sendable, Equatable {
        /// The plan at this position of the same write: the same employee's day before.
        case written(Int)
        /// The stored plans of these dates (the day before or after), which the write leaves as they are.
        case stored([LocalDate])
    }

    /// In the order of the plans, a plan's overlap with the write's day before first.
    public let conflicts: [Conflict]

    public init(conflicts: [Conflict]) {
        self.conflicts = conflicts
    }
}
