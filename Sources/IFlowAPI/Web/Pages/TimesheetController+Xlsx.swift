import Hummingbird
import IFlowCore

extension TimesheetController {
    /// The sheet as the xlsx workbook `report/get_collective_sheet` serves, downloaded with the web's headers.
    func xlsxDownload(_ sheet: Timesheet) async throws -> Response {
        var headers = WebEnvironment.securityHeaders(contentType: Timesheet.xlsxContentType)
        headers[.contentDisposition] = "attachment; filename=\"\(sheet.fileName(extension: "xlsx"))\""
        return Response(status: .ok, headers: headers, body: try await sheet.xlsxBody(batchSize: batchSize))
    }
}
