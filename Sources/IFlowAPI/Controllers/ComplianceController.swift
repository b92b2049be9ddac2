import Foundation
import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// `compliance/get_warnings`: the Labour Code warnings of a month's plans or (`live_attendance`) of the time present,
/// per employee.
///
/// The reply is streamed as `user/get_work_schedule`'s is: `{"api_reply":{"year", "month", "attendance_type",
/// "rules_checked", "users":[…]}}`, the employees with warnings written a batch at a time as their checks finish, so
/// a company of any size costs the memory of one batch.
struct ComplianceController {
    let store: Store
    let calculators: CalculatorCache
    /// Employees per database round trip while streaming.
    var batchSize = 250

    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "compliance/get_warnings", handle: warnings)]
    }

    @Sendable func warnings(_ request: APIRequest) async throws -> Response {
        let query = try ComplianceQuery.parse(request.requestFields).get()
        guard let period = query.period else { throw ValidationFailure(field: "month", check: .validDate) }
        let calculator = calculators.calculator(for: request.company.timeZone)
        var report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: request.company.id)
        if query.attendanceType == .liveAttendance {
            report.live = (request.company.attendance.limits, Int(Date().timeIntervalSince1970.rounded(.down)))
        }
        let userIDs = try await store.reportUsers(companyID: request.company.id, month: (query.year, query.month), filter: query.filter).map(\.id)
        let rulesChecked = report.check.rulesChecked.map { ComplianceRuleReply(rule: $0.rawValue, article: $0.article) }
        let (language, timeZone, batchSize, finalReport) = (request.language, request.company.timeZone, self.batchSize, report)

        let body = ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.writeString(
                "{\"api_reply\":{\"year\":\"\(query.year)\",\"month\":\"\(query.month < 10 ? "0" : "")\(query.month)\","
                    + "\"attendance_type\":\"\(query.attendanceType.rawValue)\",\"rules_checked\":"
            )
            try APIJSONEncoder.encode(rulesChecked, into: &buffer)
            buffer.writeString(",\"users\":[")
            var list = StreamedList(head: buffer)
            try await finalReport.forEachBatch(ofUserIDs: userIDs, period: period, batchSize: batchSize) { found in
                for (user, warnings) in found where !warnings.isEmpty {
                    try list.append(
                        ComplianceUserReply(
                            employee: EmployeeReplyFields(
                                userID: user.id, fullName: user.fullName, markNumber: user.markNumber, teamName: user.teamName),
                            warnings: warnings.map { ComplianceWarningReply($0, language: language, timeZone: timeZone) }
                        ))
                }
                try await list.flush(to: &writer)
            }
            try await list.finish(&writer)
        }
        return Response(status: .ok, headers: [.contentType: APIReply.contentType], body: body)
    }
}
