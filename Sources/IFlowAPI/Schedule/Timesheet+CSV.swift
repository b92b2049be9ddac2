import IFlowCore
import IFlowStore
import NIOCore

extension Timesheet {
    /// UTF-8 with a byte-order mark, so spreadsheet programs read the diacritics right.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func csvHeader(days: [Day], language: Language) -> [String] {
        ["csv_id", "employee", "field_mark_number", "team"].map { WebText.format($0, language) }
            + days.map(\.date.description)
            + totals.map { WebText.format($0.name, language) }
    }

    static func csvRow(_ month: EmployeeMonth, language: Language) -> [String] {
        let user = month.user
        let cells = cells(of: month, language: language).map { cell in
            let worked = cell.workedMinutes > 0 ? hours(cell.workedMinutes) : ""
            guard let code = cell.code else { return worked }
            return worked.isEmpty ? code : code + " " + worked
        }
        return [String(user.id), safeText(user.fullName), safeText(user.markNumber ?? ""), safeText(user.teamName ?? "")]
            + cells
            + totals.map { hours(month.totals.minutes($0.token)) }
    }

    /// Writes one CSV record (RFC 4180: `separator`-separated, CRLF, quoted when needed).
    static func writeRecord(_ fields: [String], separator: Character = ",", into buffer: inout ByteBuffer) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeString(String(separator)) }
            if field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                buffer.writeString("\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                buffer.writeString(field)
            }
        }
        buffer.writeStaticString("\r\n")
    }

    /// Text from employee records, kept from being read as a formula by a spreadsheet.
    static func safeText(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }
}
