/// One raw scan of one employee, as recorded and never rewritten; pairing derives everything else from these.
public struct Scan: Hashable, Sendable {
    /// The stored scan's id; it orders scans of the same instant.
    public let id: Int64
    /// The UTC instant, in seconds since 1970.
    public let instant: Int
    /// How it arrived.
    public let source: ScanSource
    /// A direction forced by a manual entry, or `nil` to let the sequence decide.
    public let direction: ScanDirection?
    /// A deleted entry stays recorded but takes no part in pairing.
    public let isDeleted: Bool
    /// The terminal that recorded it, for a terminal's scan; replies name it (`rfid_agent_id`), pairing never looks.
    public let deviceID: Int?

    public init(
        id: Int64, instant: Int, source: ScanSource = .terminal, direction: ScanDirection? = nil, isDeleted: Bool = false, deviceID: Int? = nil
    ) {
        self.id = id
        self.instant = instant
        self.source = source
        self.direction = direction
        self.isDeleted = isDeleted
        self.deviceID = deviceID
    }
}
