/// Which hours a report shows, as iFlow's `attendance_type` names them: the plan (*Planificare*) or real presence
/// (*Prezență reală*).
public enum AttendanceType: String, Hashable, Sendable, CaseIterable {
    case workSchedule = "work_schedule"
    case liveAttendance = "live_attendance"
}
