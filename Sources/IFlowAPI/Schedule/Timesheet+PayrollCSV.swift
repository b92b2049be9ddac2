import Foundation
import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

extension Timesheet {
    /// The two timesheet files payroll programs import, as Nexus Salarii's *import pontaje* reads them.
    enum PayrollCSV: Sendable {
        /// *Varianta simplificată*: one line per employee, one symbol (the hours, or the code) per day.
        case symbols
        /// *Varianta detaliată*: one line per employee and hour type (``Timesheet/hourTypes``), the hours per day.
        case hours
    }

    /// `;`, the separator spreadsheet programs set to Romanian read without asking (the comma is the decimal mark).
    static let payrollSeparator: Character = ";"

    /// The header line: the employee's keys under Nexus's column names (`marca_salariat`, `cnp_salariat`,
    /// `den_salariat`; either key finds the employee), `tip_ore` for the detailed file, then the days of the month.
    func payrollHeader(_ file: PayrollCSV) -> [String] {
        ["marca_salariat", "cnp_salariat", "den_salariat"] + (file == .hours ? ["tip_ore"] : []) + days.map { String($0.date.day) }
    }

    /// The lines of one employee: one for ``PayrollCSV/symbols``, one per hour type for ``PayrollCSV/hours``; a day
    /// without hours is left empty.
    static func payrollRecords(_ row: Row, file: PayrollCSV, decimalComma: Bool) -> [[String]] {
        let user = row.user
        let keys = [safeText(user.markNumber ?? ""), user.cnp ?? "", safeText(user.fullName)]
        switch file {
        case .symbols:
            return [keys + row.cells.map { $0.symbol(decimalComma: decimalComma) }]
        case .hours:
            return hourTypes.map { token in
                keys + [token.description]
                    + row.month.days.map { day in
                        let minutes = day.totals.minutes(token)
                        return minutes == 0 ? "" : number(minutes, decimalComma: decimalComma)
                    }
            }
        }
    }

    /// The file, UTF-8 with a byte-order mark and CRLF lines, streamed `batchSize` employees at a time.
    func payrollBody(_ file: PayrollCSV, decimalComma: Bool, batchSize: Int) -> ResponseBody {
        let sheet = self
        return ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.writeBytes(Self.byteOrderMark)
            Self.writeRecord(sheet.payrollHeader(file), separator: Self.payrollSeparator, into: &buffer)
            var sent = 0
            try await sheet.forEachBatch(size: batchSize) { rows in
                for row in rows {
                    for record in Self.payrollRecords(row, file: file, decimalComma: decimalComma) {
                        Self.writeRecord(record, separator: Self.payrollSeparator, into: &buffer)
                    }
                }
                sent += buffer.readableBytes
                try await writer.write(buffer)
                buffer.clear()
            }
            try await writer.write(buffer)
            try await writer.finish(nil)
            // As a streamed JSON list does (`StreamedList`): a whole company's file gives its batches' memory back.
            FreedMemory.release(after: sent)
        }
    }

    /// `pontaj-acme-productie-srl-2026-03.csv`: the company's name as a safe slug (ASCII letters and digits joined by
    /// `-`, diacritics dropped), so the name survives every file system and `Content-Disposition`.
    func fileName(extension ext: String) -> String {
        "pontaj-\(Self.slug(company))-\(monthText).\(ext)"
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "company" : String(slug.prefix(60))
    }
}
