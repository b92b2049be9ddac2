import Foundation
import IFlowCore
import Synchronization

/// A badge held to a terminal, as the terminal sent it: which terminal (its token) and which badge. The store finds
/// both, admits it, stamps it and records it inside the group commit (``Store/recordLiveScan(_:)``).
public struct LiveScan: Sendable {
    /// The terminal's `access_token`, as it sent it.
    public var token: String
    public var rfidTag: String
    /// Whether the terminal may scan now (its rate limit): `nil` to go ahead, else the seconds until it may. Asked once,
    /// when the terminal is known, whatever the write's retries.
    public var admit: @Sendable (AuthenticatedDevice) -> Int?
    /// The calendar of a company's zone, which tells the scan's local date and midnight.
    public var calculator: @Sendable (TimeZone) -> ScheduleCalculator

    public init(
        token: String, rfidTag: String, admit: @escaping @Sendable (AuthenticatedDevice) -> Int?,
        calculator: @escaping @Sendable (TimeZone) -> ScheduleCalculator
    ) {
        self.token = token
        self.rfidTag = rfidTag
        self.admit = admit
        self.calculator = calculator
    }
}

/// What became of a ``LiveScan``.
public enum LiveScanOutcome: Sendable {
    /// The token names no live terminal: nothing was stored.
    case unknownDevice
    /// The terminal is over its rate limit (`LiveScan.admit`): nothing was stored.
    case refused(AuthenticatedDevice, retryAfter: Int)
    /// The badge is no employee's of the terminal's company: nothing was stored.
    case unknownTag(AuthenticatedDevice)
    /// The badge's employee is disabled or outside their employment dates on `date`: nothing was stored.
    case inactive(AuthenticatedDevice, ScanEmployee, date: LocalDate)
    /// The scan was judged at `instant` (the server's clock once the employee was locked): stored, a duplicate or in
    /// a locked month, as `scans` says; its `dayScans` start at the local midnight before `instant`.
    case recorded(AuthenticatedDevice, ScanEmployee, instant: Int, scans: RecordedScans)
}

/// A ``LiveScan`` waiting for its batch: its token's hash, and the admission once asked.
final class PendingLiveScan: Sendable {
    let scan: LiveScan
    let tokenHash: String
    private let admissions = Mutex<[Int: Int?]>([:])

    init(_ scan: LiveScan, tokenHash: String) {
        self.scan = scan
        self.tokenHash = tokenHash
    }

    /// `LiveScan.admit` for `device`, asked the first time only: a batch that runs again does not spend the
    /// terminal's rate twice.
    func admission(of device: AuthenticatedDevice) -> Int? {
        admissions.withLock { decided in
            if let known = decided[device.deviceID] { return known }
            let answer = scan.admit(device)
            decided[device.deviceID] = answer
            return answer
        }
    }
}
