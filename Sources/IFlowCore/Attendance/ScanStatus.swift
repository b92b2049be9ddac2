/// What pairing made of one scan.
public enum ScanStatus: Hashable, Sendable {
    /// It opened a pair.
    case checkIn
    /// It closed the open pair.
    case checkOut
    /// A forced check-out with no open check-in: kept, paired with nothing, reported as an exception.
    case unmatchedCheckOut
    /// Less than `timeBetweenCheckIns` after the kept scan with this id: reported, not paired.
    case duplicate(of: Int64)
    /// A deleted entry, ignored.
    case deleted
}
