/// A check-in and what ended it: a check-out, nothing yet (open), or a closure as a missing check-out.
public struct ScanPair: Hashable, Sendable {
    public let checkInID: Int64
    /// UTC seconds.
    public let checkIn: Int
    public let checkOutID: Int64?
    /// UTC seconds, `nil` while open or when closed as a missing check-out.
    public let checkOut: Int?
    /// Set when the check-in was closed as a missing check-out.
    public let closure: PairClosure?

    public init(checkInID: Int64, checkIn: Int, checkOutID: Int64? = nil, checkOut: Int? = nil, closure: PairClosure? = nil) {
        self.checkInID = checkInID
        self.checkIn = checkIn
        self.checkOutID = checkOutID
        self.checkOut = checkOut
        self.closure = closure
    }

    /// Open: no check-out and not closed, so the employee is present.
    public var isOpen: Bool { checkOut == nil && closure == nil }
}
