/// A company's pairing limits, with iFlow's defaults (its terminal reply's `time_between_check_ins` and
/// `check_in_reset_limit`).
public struct AttendanceLimits: Hashable, Sendable {
    /// A scan sooner than this many seconds after the previous kept scan is a duplicate.
    public var timeBetweenCheckIns: Int
    /// An open check-in older than this many seconds no longer pairs: it is closed as a missing check-out.
    public var checkInResetLimit: Int

    /// iFlow's defaults: 60 s and 46,800 s (13 h).
    public static let iFlowDefaults = AttendanceLimits(timeBetweenCheckIns: 60, checkInResetLimit: 46_800)

    public init(timeBetweenCheckIns: Int, checkInResetLimit: Int) {
        self.timeBetweenCheckIns = timeBetweenCheckIns
        self.checkInResetLimit = checkInResetLimit
    }

    /// Whether a scan at `instant` is a duplicate of the kept scan at `previous`: the one window rule that pairing and
    /// the upload of a batch both apply.
    func isDuplicate(_ instant: Int, after previous: Int) -> Bool {
        instant - previous < timeBetweenCheckIns
    }

    /// Whether a check-in at `checkIn` is too old to pair with a scan (or a `now`) at `instant`; exactly the limit pairs.
    func hasExpired(_ checkIn: Int, at instant: Int) -> Bool {
        instant - checkIn > checkInResetLimit
    }
}
