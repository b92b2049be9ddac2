import FluentKit
import Foundation
import IFlowCore

/// A tenant: every other record belongs to exactly one company.
public final class Company: Model, @unchecked Sendable {
    public static let schema = "companies"

    @ID(custom: "id") public var id: Int?
    @Field(key: "name") public var name: String
    /// IANA time zone in which this company's shifts are planned, e.g. `Europe/Bucharest`.
    @Field(key: "timezone") public var timezone: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Seconds within which a second scan of an employee is a duplicate (iFlow's `time_between_check_ins`).
    @Field(key: "time_between_check_ins") public var timeBetweenCheckIns: Int
    /// Seconds after which an open check-in no longer pairs (iFlow's `check_in_reset_limit`).
    @Field(key: "check_in_reset_limit") public var checkInResetLimit: Int
    /// Minutes a check-in may be late, or a check-out early, before it is an exception.
    @Field(key: "attendance_grace_minutes") public var attendanceGraceMinutes: Int

    public init() {}

    public init(name: String, timezone: String) {
        self.name = name
        self.timezone = timezone
        attendance = .iFlowDefaults
    }

    /// The company's pairing limits and grace.
    public var attendance: AttendanceSettings {
        get {
            AttendanceSettings(timeBetweenCheckIns: timeBetweenCheckIns, checkInResetLimit: checkInResetLimit, graceMinutes: attendanceGraceMinutes)
        }
        set {
            timeBetweenCheckIns = newValue.limits.timeBetweenCheckIns
            checkInResetLimit = newValue.limits.checkInResetLimit
            attendanceGraceMinutes = newValue.graceMinutes
        }
    }
}
