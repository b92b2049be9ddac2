import IFlowCore
import IFlowStore

/// One employee's day as `users/get_*_status` and the web's Today page show it.
struct EmployeeDayStatus: Sendable {
    var employee: ReportUser
    var status: DayStatus
    /// The day's pairs as iFlow's event objects (none when read from the plan).
    var events: [AttendanceEventReply]
}
