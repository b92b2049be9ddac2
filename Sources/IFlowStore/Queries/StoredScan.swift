import Foundation
import IFlowCore

/// A recorded scan with everything a list or a reply shows about it: where it came from, and whether, why and by
/// whom it was deleted.
public struct StoredScan: Sendable {
    /// What pairing reads: id, instant, source, forced direction, deleted or not, and the terminal it came from.
    public let scan: Scan
    public let userID: Int
    public let arrival: ScanArrival
    /// The terminal's label today (a terminal keeps its scans after it is revoked).
    public let deviceLabel: String?
    /// Who sent it, as the audit trail names them when it was recorded.
    public let actorLabel: String
    public let rfidTag: String?
    public let note: String?
    /// When the server stored it.
    public let recordedAt: Date
    public let deletionReason: String?
    public let deletedBy: String?
    public let deletedAt: Date?

    /// The terminal it came from, for a terminal's scan.
    public var deviceID: Int? { scan.deviceID }
}
