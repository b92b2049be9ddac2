/// A write refused because it would change the hours of a locked month; the write changed nothing.
public struct LockedMonthRefusal: Error, Sendable, Equatable {
    /// One refused row of the write (a plan, a scan or the employee's dates).
    public struct Row: Sendable, Equatable {
        /// The row's index in what the write was given.
        public var index: Int
        /// The locked month, `2026-11`.
        public var month: String
        /// The date of a plan of the month before whose night shift runs into the locked month (or whose stored plan
        /// does); `nil` when the row is dated in it.
        public var nightShiftDate: String?

        public init(index: Int, month: String, nightShiftDate: String? = nil) {
            self.index = index
            self.month = month
            self.nightShiftDate = nightShiftDate
        }
    }

    /// In index order.
    public var rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }
}
