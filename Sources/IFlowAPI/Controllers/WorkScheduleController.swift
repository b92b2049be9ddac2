import Foundation
import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// `user/get_work_schedule` and its alias `users/get_work_schedule`: the month's hours, overtime and time off per
/// employee, planned or (`attendance_type=live_attendance`) present, with the totals asked for.
///
/// The reply is streamed: employees are read, computed and written a batch at a time, so a company of any size costs
/// the memory of one batch.
struct WorkScheduleController {
    let store: Store
    let calculators: CalculatorCache
    /// Employees per database round trip while streaming.
    var batchSize = 250

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "user/get_work_schedule", handle: report),
            // iFlow documents the plural path for GET too, with `api_language` optional.
            APIEndpoint(path: "users/get_work_schedule", allowsGET: true, defaultLanguage: .enUS, handle: report),
        ]
    }

    @Sendable func report(_ request: APIRequest) async throws -> Response {
        let query = try WorkScheduleQuery.parse(request.requestFields).get()
        let schedule = try await MonthSchedule.load(
            store: store, calculator: calculators.calculator(for: request.company.timeZone), companyID: request.company.id,
            year: query.year, month: query.month, filter: query.filter, attendanceType: query.attendanceType,
            limits: request.company.attendance.limits
        )
        let dates = query.includeDays ? WorkScheduleDate.month(of: schedule, language: request.language) : []
        let calculator = schedule.calculator
        let batchSize = self.batchSize

        let body = ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.writeString("{\"api_reply\":{\"year\":\"\(query.year)\",\"month\":\"\(query.month < 10 ? "0" : "")\(query.month)\",\"users\":[")
            var list = StreamedList(head: buffer)
            try await schedule.forEachBatch(size: batchSize, totalsOnly: !query.includeDays) { months in
                for month in months { try list.append(WorkScheduleUser(month, totals: query.totals, dates: dates, calculator: calculator)) }
                try await list.flush(to: &writer)
            }
            try await list.finish(&writer)
        }
        return Response(status: .ok, headers: [.contentType: APIReply.contentType], body: body)
    }
}
