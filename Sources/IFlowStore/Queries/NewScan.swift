import IFlowCore

/// One scan to record: the employee, the instant and how it arrived. Who sent it is the call's `AuditActor`.
public struct NewScan: Sendable {
    public var userID: Int
    /// UTC seconds since 1970.
    public var instant: Int
    public var source: ScanSource
    public var arrival: ScanArrival
    /// The terminal it came from, for a terminal's scan.
    public var deviceID: Int?
    /// The tag as the terminal sent it.
    public var rfidTag: String?
    /// A direction forced by a manual entry; terminals leave it to the pairing rule.
    public var direction: ScanDirection?
    public var note: String?

    public init(
        userID: Int, instant: Int, source: ScanSource, arrival: ScanArrival, deviceID: Int? = nil, rfidTag: String? = nil,
        direction: ScanDirection? = nil, note: String? = nil
    ) {
        self.userID = userID
        self.instant = instant
        self.source = source
        self.arrival = arrival
        self.deviceID = deviceID
        self.rfidTag = rfidTag
        self.direction = direction
        self.note = note
    }
}
