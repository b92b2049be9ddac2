/// A company's attendance settings: the pairing limits its terminals report, and the grace before a check-in counts
/// as late or a check-out as early.
public struct AttendanceSettings: Hashable, Sendable {
    public var limits: AttendanceLimits
    /// Minutes a check-in may come after a shift's start, or a check-out before its end, without an exception.
    public var graceMinutes: Int

    /// iFlow's limits and a 5-minute grace.
    public static let iFlowDefaults = AttendanceSettings(limits: .iFlowDefaults, graceMinutes: 5)

    public init(limits: AttendanceLimits, graceMinutes: Int) {
        self.limits = limits
        self.graceMinutes = graceMinutes
    }
}
