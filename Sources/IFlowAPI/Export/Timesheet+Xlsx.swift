import Foundation
import Hummingbird
import IFlowCore
import NIOCore

extension Timesheet {
    static let xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// Rows above the employees: the header block (company, month, team), a blank row, and the table's two header rows
    /// (day numbers, weekdays). These stay in view while scrolling.
    static let xlsxHeaderRows = 6
    /// Columns before the days: nr. crt., name, mark number, CNP, team, job title. The first two stay in view.
    static let xlsxKeyColumns = 6

    /// The sheet as an `.xlsx` workbook: the same rows and the same cell symbols as the `csv_symbols` file (a code as
    /// text, hours as a number), the totals as numbers with two decimals, then the legend and the signature lines.
    func xlsx(batchSize: Int) async throws -> Data {
        let language = self.language
        var workbook = XlsxWorkbook(sheetName: WebText.format("xlsx_sheet", language), columns: xlsxColumns)
        appendXlsxHeader(to: &workbook)
        let days = self.days
        try await forEachBatch(size: batchSize) { rows in
            for row in rows { workbook.appendRow(Self.xlsxCells(row, days: days)) }
            try workbook.spillRows()
        }
        appendXlsxLegend(to: &workbook)
        workbook.frozenRows = Self.xlsxHeaderRows
        workbook.frozenColumns = 2
        workbook.printTitleRows = (Self.xlsxHeaderRows - 1)...Self.xlsxHeaderRows
        return try workbook.archive()
    }

    /// The workbook as a reply body: built whole before the reply starts, so that a failure is a clean error and the
    /// length is known (a zip's directory comes last, after every part).
    func xlsxBody(batchSize: Int) async throws -> ResponseBody {
        let body = ResponseBody(byteBuffer: ByteBuffer(bytes: try await xlsx(batchSize: batchSize)))
        // The workbook's parts, many times the zip's size, are freed by now: give that memory back.
        FreedMemory.release()
        return body
    }

    private var xlsxColumns: [XlsxWorkbook.Column] {
        let keys: [Double] = [6, 28, 10, 15, 14, 16]
        let widths = keys + days.map { _ in 4.5 } + Self.totals.map { _ in 11 } + Self.codes.map { _ in 8.5 }
        return widths.map { XlsxWorkbook.Column(width: $0) }
    }

    /// The fill of a day's column: weekend and public-holiday columns are shaded down the whole table.
    private static func fill(_ day: Day) -> XlsxStyle.Fill {
        switch day.dayClass {
        case .weekdays: .none
        case .weekend: .weekend
        case .holiday: .holiday
        }
    }

    private func appendXlsxHeader(to workbook: inout XlsxWorkbook) {
        let names = language.monthNames
        let bold = XlsxStyle(font: .bold)
        workbook.appendRow([.text(company, style: XlsxStyle(font: .title))], height: 20)
        workbook.appendRow([.text(WebText.format("xlsx_title", language, ["month": "\(names[month - 1]) \(year)"]), style: bold)])
        let team = teamName.map { WebText.format("xlsx_team", language, ["team": $0]) } ?? WebText.format("all_teams", language)
        workbook.appendRow([.text(team + " · " + WebText.format(attendanceType.rawValue, language))])
        workbook.skipRow()

        let header = XlsxStyle(font: .bold, alignment: .center, bordered: true)
        let keys = ["xlsx_number", "field_full_name", "field_mark_number", "field_cnp", "field_team_name", "field_job_title"]
        let dayNumbers = days.map { day in XlsxCell.number(Double(day.date.day), style: Self.headerStyle(day)) }
        let totals = Self.totals.map { XlsxCell.text(WebText.format($0.label, language), style: header) }
        let codes = Self.codes.map { XlsxCell.text(WebText.format("xlsx_code_days", language, ["code": $0.rawValue]), style: header) }
        workbook.appendRow(keys.map { .text(WebText.format($0, language), style: header) } + dayNumbers + totals + codes)
        let weekdays = language.weekdayAbbreviations
        let blanks = [XlsxCell](repeating: .empty(style: header), count: Self.xlsxKeyColumns)
        let dayNames = days.map { day in XlsxCell.text(weekdays[day.date.isoWeekday - 1], style: Self.headerStyle(day)) }
        workbook.appendRow(blanks + dayNames + [XlsxCell](repeating: .empty(style: header), count: Self.totals.count + Self.codes.count))
    }

    private static func headerStyle(_ day: Day) -> XlsxStyle {
        XlsxStyle(font: .bold, fill: fill(day), alignment: .center, bordered: true)
    }

    /// One employee's line: the keys as text, each day's symbol (``Cell/symbol(decimalComma:)``, what `csv_symbols`
    /// writes) as a code or a number of hours, the totals and the days per code as numbers.
    static func xlsxCells(_ row: Row, days: [Day]) -> [XlsxCell] {
        let user = row.user
        let text = XlsxStyle(bordered: true)
        let keys: [XlsxCell] = [
            .number(Double(row.number), style: text), .text(user.fullName, style: text), .text(user.markNumber ?? "", style: text),
            .text(user.cnp ?? "", style: text), .text(user.teamName ?? "", style: text), .text(user.jobTitle ?? "", style: text),
        ]
        let cells = zip(days, row.cells).map { day, cell -> XlsxCell in
            let style = XlsxStyle(fill: fill(day), alignment: .center, bordered: true)
            let symbol = cell.symbol(decimalComma: false)
            if cell.dayType != nil { return .text(symbol, style: style) }
            guard let hours = Double(symbol) else { return .empty(style: style) }
            return .number(hours, style: style)
        }
        let hours = XlsxStyle(numberFormat: .twoDecimals, bordered: true)
        let totals = Self.totals.map { column in XlsxCell.number(Double(Timesheet.hours(row.totals.minutes(column.token))) ?? 0, style: hours) }
        let counts = row.codeDays.map { XlsxCell.number(Double($0), style: XlsxStyle(alignment: .center, bordered: true)) }
        return keys + cells + totals + counts
    }

    /// Under the table: what each code and each shade means, the month's public holidays, and the signature lines.
    private func appendXlsxLegend(to workbook: inout XlsxWorkbook) {
        workbook.skipRow()
        workbook.appendRow([.text(WebText.format("legend", language), style: XlsxStyle(font: .bold))])
        for code in Self.codes {
            workbook.appendRow([
                .text(code.rawValue, style: XlsxStyle(font: .bold, alignment: .center, bordered: true)), .text(code.description(in: language)),
            ])
        }
        workbook.appendRow([.empty(style: XlsxStyle(fill: .weekend, bordered: true)), .text(WebText.format("xlsx_legend_weekend", language))])
        let holidays = days.compactMap { day in day.holidayName.map { "\(day.date.day) \($0)" } }
        let holidayText =
            holidays.isEmpty
            ? WebText.format("public_holiday", language)
            : WebText.format("xlsx_legend_holiday", language, ["holidays": holidays.joined(separator: ", ")])
        workbook.appendRow([.empty(style: XlsxStyle(fill: .holiday, bordered: true)), .text(holidayText)])
        workbook.appendRow([.empty(), .text(WebText.format("xlsx_legend_hours", language))])
        workbook.skipRow()
        workbook.appendRow([.empty(), .text(WebText.format("xlsx_prepared", language))])
        workbook.appendRow([.empty(), .text(WebText.format("xlsx_checked", language))])
    }
}
