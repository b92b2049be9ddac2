import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// `report/get_collective_sheet`: the month's collective attendance sheet (*foaie colectivă de prezență*) as JSON or
/// as the CSV files payroll programs import.
///
/// Streamed like `user/get_work_schedule`, from the same `MonthSchedule`: one batch of employees in memory at a time,
/// and the totals that report's.
struct ReportController {
    let store: Store
    let calculators: CalculatorCache
    /// Employees per database round trip while streaming.
    var batchSize = 250

    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "report/get_collective_sheet", handle: collectiveSheet)]
    }

    @Sendable func collectiveSheet(_ request: APIRequest) async throws -> Response {
        let query = try CollectiveSheetQuery.parse(request.requestFields).get()
        let schedule = try await MonthSchedule.load(
            store: store, calculator: calculators.calculator(for: request.company.timeZone), companyID: request.company.id,
            year: query.year, month: query.month, filter: query.filter, attendanceType: query.attendanceType,
            limits: request.company.attendance.limits
        )
        let sheet = Timesheet(schedule: schedule, company: request.company.name, teamName: query.filter.teamName, language: request.language)
        switch query.format {
        case .json:
            return Response(status: .ok, headers: [.contentType: APIReply.contentType], body: jsonBody(sheet))
        case .csvSymbols:
            return Self.download(
                sheet.payrollBody(.symbols, decimalComma: query.decimalComma, batchSize: batchSize), name: sheet.fileName(extension: "csv"))
        case .csvHours:
            return Self.download(
                sheet.payrollBody(.hours, decimalComma: query.decimalComma, batchSize: batchSize), name: sheet.fileName(extension: "csv"))
        case .xlsx:
            return Self.download(
                try await sheet.xlsxBody(batchSize: batchSize), name: sheet.fileName(extension: "xlsx"), contentType: Timesheet.xlsxContentType)
        }
    }

    /// A file to save, never to show: `text/csv` as an attachment under `name`.
    static func download(_ body: ResponseBody, name: String, contentType: String = "text/csv; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(name)\""], body: body)
    }

    /// `{"api_reply":{…,"users":[…]}}`: the sheet's header, then its rows written as each batch is computed.
    private func jsonBody(_ sheet: Timesheet) -> ResponseBody {
        let batchSize = self.batchSize
        let head = CollectiveSheetHead(sheet)
        return ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.writeString("{\"api_reply\":")
            try APIJSONEncoder.encode(head, into: &buffer)
            // The head is an object of its own: reopen it to append `users`.
            buffer.moveWriterIndex(to: buffer.writerIndex - 1)
            buffer.writeString(",\"users\":[")
            var list = StreamedList(head: buffer)
            try await sheet.forEachBatch(size: batchSize) { rows in
                for row in rows { try list.append(CollectiveSheetUser(row, days: head.days)) }
                try await list.flush(to: &writer)
            }
            try await list.finish(&writer)
        }
    }
}
