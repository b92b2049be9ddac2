/// A departure of real attendance from the plan, for `attendance/get_exceptions`; instants are UTC seconds.
public enum AttendanceException: Hashable, Sendable {
    /// The first check-in of a shift came `minutes` after its start, beyond the grace.
    case lateCheckIn(date: LocalDate, shiftStart: Int, checkIn: Int, minutes: Int)
    /// The last check-out of a shift came `minutes` before its end, beyond the grace.
    case earlyCheckOut(date: LocalDate, shiftEnd: Int, checkOut: Int, minutes: Int)
    /// A check-in closed without a check-out (see `PairClosure`); `date` is the check-in's local date.
    case missingCheckOut(date: LocalDate, checkInID: Int64, checkIn: Int, closure: PairClosure)
    /// A forced check-out with no open check-in.
    case unmatchedCheckOut(date: LocalDate, checkOutID: Int64, checkOut: Int)
    /// A work day with shifts, no absence code, and no presence in any of its shifts.
    case noPresence(date: LocalDate, shiftStart: Int)
    /// Presence outside every planned shift and overtime range, checked in on a date with no shifts planned.
    case presenceWithoutPlan(date: LocalDate, checkIn: Int, checkOut: Int?)
}
