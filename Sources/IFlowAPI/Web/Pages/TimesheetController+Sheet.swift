import Hummingbird
import IFlowCore
import IFlowStore

/// The collective attendance sheet of the timesheet's month, team and hours: the printable page (A4 landscape, the
/// legend, the signature lines) and the payroll downloads `report/get_collective_sheet` also serves.
extension TimesheetController {
    func sheet(_ request: Request, administrator: SignedInAdministrator) async throws -> (Selection, Timesheet) {
        let selection = try await selection(request, administrator: administrator)
        let schedule = try await schedule(selection, administrator: administrator)
        return (
            selection, Timesheet(schedule: schedule, company: administrator.company.name, teamName: selection.team, language: administrator.language)
        )
    }

    /// Every employee of the selection on one sheet, to print from the browser.
    @Sendable func sheetPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let (selection, sheet) = try await sheet(request, administrator: administrator)
        var rows: [[String: Any]] = []
        try await sheet.forEachBatch(size: batchSize) { batch in
            for row in batch { rows.append(Self.sheetRow(row, days: sheet.days)) }
        }
        let weekdays = language.weekdayAbbreviations
        let monthName = "\(language.monthNames[sheet.month - 1]) \(sheet.year)"
        let values: [String: Any] = [
            "company": sheet.company,
            "monthName": monthName,
            "teamText": sheet.teamName ?? WebText.format("all_teams", language),
            "modeName": WebText.format(sheet.attendanceType.rawValue, language),
            "backURL": selection.url("/admin/timesheet"),
            "days": sheet.days.map { day -> [String: Any] in
                ["dayNumber": day.date.day, "weekday": weekdays[day.date.isoWeekday - 1], "dayClass": Self.cssClass(day.dayClass)]
            },
            "totalColumns": Timesheet.totals.map { ["columnLabel": WebText.format($0.label, language)] },
            "codes": Timesheet.codes.map { ["code": $0.rawValue, "codeName": $0.description(in: language)] },
            "holidays": sheet.days.filter { $0.holidayName != nil }.map { ["holidayDay": "\($0.date.day)", "holidayName": $0.holidayName ?? ""] },
            "rows": rows,
            "hasRows": !rows.isEmpty,
        ]
        return web.page(
            "timesheet-sheet", title: "\(WebText.format("sheet_title", language)) · \(monthName)", language: language,
            administrator: administrator, request: request, section: .timesheet, values: values
        )
    }

    /// `csv_symbols` or `csv_hours` (`format`), with `decimal_comma`, named as the API names them.
    @Sendable func sheetDownload(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let query = TimesheetPageQuery.parse(WebEnvironment.query(request).requestFields)
        let (_, sheet) = try await sheet(request, administrator: administrator)
        if query.format == .xlsx { return try await xlsxDownload(sheet) }
        let file: Timesheet.PayrollCSV =
            switch query.format {
            case .csvHours: .hours
            case .json, .csvSymbols, .xlsx: .symbols
            }
        var headers = WebEnvironment.securityHeaders(contentType: "text/csv; charset=utf-8")
        headers[.contentDisposition] = "attachment; filename=\"\(sheet.fileName(extension: "csv"))\""
        return Response(status: .ok, headers: headers, body: sheet.payrollBody(file, decimalComma: query.decimalComma, batchSize: batchSize))
    }

    /// One line of the printed sheet: the symbols, the totals as the grid writes hours, the days per code.
    private static func sheetRow(_ row: Timesheet.Row, days: [Timesheet.Day]) -> [String: Any] {
        [
            "number": row.number,
            "fullName": row.user.fullName,
            "jobTitle": row.user.jobTitle ?? "",
            "markNumber": row.user.markNumber ?? "",
            "cells": zip(row.cells, days).map { cell, day -> [String: Any] in
                ["cellClass": cssClass(day.dayClass), "symbol": cell.symbol(decimalComma: false)]
            },
            "totals": Timesheet.totals.map { ["value": Timesheet.shortHours(row.totals.minutes($0.token))] },
            "codeDays": row.codeDays.map { ["count": $0 == 0 ? "" : String($0)] },
        ]
    }
}
