/// What the first step of locking a month found.
public enum MonthLockStart: Sendable, Equatable {
    /// The month is closed to writes now (newly, or by an earlier lock whose figures were not all stored): its
    /// figures are to be computed and stored.
    case started(LockedMonth)
    /// The month was already locked with its figures stored; nothing changed.
    case alreadyLocked(LockedMonth)
}
