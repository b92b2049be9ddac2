import IFlowCore
import NIOCore

/// The rows ``Store/stage(_:in:)`` sends to PostgreSQL's `COPY plan_import_rows FROM STDIN`, in its text format: one
/// line per row, columns separated by tabs, in the order of ``columns``.
enum PlanImportCopy {
    static let columns = [
        "import_id", "line", "company_id", "user_id", "date", "type", "shifts", "break_minutes", "overtime", "time_off",
    ]

    /// `rows` as lines of COPY's text format.
    static func text(of rows: some Collection<StagedPlan>, in planImport: PlanImport) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(rows.count * 96)
        let prefix = escaped(planImport.id) + "\t"
        let company = "\t\(planImport.companyID)\t"
        for row in rows {
            let plan = row.plan
            buffer.writeString(prefix)
            buffer.writeString(String(row.line))
            buffer.writeString(company)
            buffer.writeString(String(row.userID))
            buffer.writeString("\t")
            buffer.writeString(escaped(plan.date.description))
            buffer.writeString("\t")
            buffer.writeString(escaped(plan.type.rawValue))
            buffer.writeString("\t")
            buffer.writeString(escaped(TimeRangeList.format(plan.shifts)))
            buffer.writeString("\t")
            buffer.writeString(String(plan.breakMinutes))
            buffer.writeString("\t")
            buffer.writeString(escaped(TimeRangeList.format(plan.overtime)))
            buffer.writeString("\t")
            buffer.writeString(escaped(TimeRangeList.format(plan.timeOff)))
            buffer.writeString("\n")
        }
        return buffer
    }

    /// `value` as a column of COPY's text format: a backslash, tab, newline or carriage return would end or change
    /// the column, so each is written as its escape. (None occurs in a stored plan's fields; the rule is kept whole.)
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for character in value.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
