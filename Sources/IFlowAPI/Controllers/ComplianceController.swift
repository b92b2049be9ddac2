import Foundation
import IFlowCore
import IFlowStore

/// `compliance/get_warnings`: the Labour Code warnings of a month's plans or (`live_attendance`) of the time present,
/// per employee.
struct ComplianceController {
    let store: Store
    let calculators: CalculatorCache

    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "compliance/get_warnings", handle: warnings)]
    }

    @Sendable func warnings(_ request: APIRequest) async throws -> ComplianceReply {
        let query = try ComplianceQuery.parse(request.requestFields).get()
        guard let period = query.period else { throw ValidationFailure(field: "month", check: .validDate) }
        let calculator = calculators.calculator(for: request.company.timeZone)
        var report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: request.company.id)
        if query.attendanceType == .liveAttendance {
            report.live = (request.company.attendance.limits, Int(Date().timeIntervalSince1970.rounded(.down)))
        }
        let users = try await store.complianceUsers(companyID: request.company.id, month: (query.year, query.month), filter: query.filter)
        let found = try await report.warnings(of: users, period: period)
        return ComplianceReply(
            year: String(query.year), month: (query.month < 10 ? "0" : "") + String(query.month), attendanceType: query.attendanceType.rawValue,
            rulesChecked: report.check.rulesChecked.map { ComplianceRuleReply(rule: $0.rawValue, article: $0.article) },
            users: found.filter { !$0.warnings.isEmpty }.map { user, warnings in
                ComplianceUserReply(
                    employee: EmployeeReplyFields(userID: user.id, fullName: user.fullName, markNumber: user.markNumber, teamName: user.teamName),
                    warnings: warnings.map { ComplianceWarningReply($0, language: request.language, timeZone: request.company.timeZone) }
                )
            }
        )
    }
}
