/// Why a check-in was closed without a check-out (a missing check-out).
public enum PairClosure: String, Hashable, Sendable {
    /// The next scan came more than `checkInResetLimit` after it, or that long has passed by the pairing's `now`.
    case resetLimit
    /// A manual entry forced a new check-in while it was open.
    case forcedCheckIn
}
