import IFlowCore
import IFlowStore

extension TimesheetController {
    /// Corrections before closing: the page's employees' attendance exceptions of the month, found by
    /// `attendance/get_exceptions`' code, each opening the employee's day, where the clerk fixes it with a reason.
    func correctionValues(_ schedule: MonthSchedule, administrator: SignedInAdministrator) async throws -> [String: Any] {
        let language = administrator.language
        let calculator = schedule.calculator
        let found = try await RangeAttendance.exceptions(
            store: web.store, company: administrator.company, calculator: calculator, employees: schedule.users,
            dates: schedule.firstDay...schedule.lastDay
        )
        let employees = found.filter { !$0.exceptions.isEmpty }.map { attendance, exceptions -> [String: Any] in
            let employee = attendance.employee
            return [
                "fullName": employee.fullName,
                "meta": [employee.markNumber, employee.teamName].compactMap { $0 }.joined(separator: " · "),
                "exceptions": exceptions.map { exception -> [String: Any] in
                    [
                        "dayURL": "/admin/employees/\(employee.id)/days/\(exception.date)",
                        "dateText": exception.date.description,
                        "code": exception.code,
                        "text": exception.text(in: language, calculator: calculator),
                    ]
                },
            ]
        }
        let month = String(format: "%04d-%02d", schedule.firstDay.year, schedule.firstDay.month)
        return [
            "hasCorrections": !employees.isEmpty,
            "correctionEmployees": employees,
            "correctionCount": String(found.reduce(0) { $0 + $1.exceptions.count }),
            "auditURL": WebEnvironment.url("/admin/audit", [("month", month)]),
        ]
    }
}
