extension AttendanceSettings {
    /// A second scan is a duplicate for at least a second and at most an hour.
    public static let timeBetweenCheckInsRange = 1...3_600
    /// An open check-in pairs for at least an hour and at most 48 h (a 24-hour guard shift and a late check-out).
    /// The lower bound is the upper bound of the duplicate window, so a gap that resets pairing is never a duplicate.
    public static let checkInResetLimitRange = 3_600...172_800
    /// At most two hours of grace before a late check-in or an early check-out is an exception.
    public static let graceMinutesRange = 0...120

    /// Every setting outside its range, as `between` issues named after the settings' fields; empty when all fit.
    public var issues: [ValidationIssue] {
        let checks = [
            ("time_between_check_ins", limits.timeBetweenCheckIns, Self.timeBetweenCheckInsRange),
            ("check_in_reset_limit", limits.checkInResetLimit, Self.checkInResetLimitRange),
            ("grace_minutes", graceMinutes, Self.graceMinutesRange),
        ]
        return checks.compactMap { field, value, range in
            range.contains(value)
                ? nil
                : ValidationIssue(field: field, check: .between, parameters: ["min": String(range.lowerBound), "max": String(range.upperBound)])
        }
    }
}
