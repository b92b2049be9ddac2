/// How far before a range's start an employee's scans must be read for that range to pair exactly as if every scan
/// were read (``ScanPairing/historyStart(before:instants:loadedFrom:limits:)``).
public enum ScanHistoryStart: Hashable, Sendable {
    /// No scan before the range can change its pairing.
    case notNeeded
    /// Read the scans from this instant (UTC seconds) on.
    case from(Int)
    /// The scans read do not go back far enough to tell: read further back.
    case needsEarlier
}
