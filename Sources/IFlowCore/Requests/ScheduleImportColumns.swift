/// The header of a `schedule/import` file: which column holds which field of ``SetDayRequest``.
public struct ScheduleImportColumns: Sendable, Equatable {
    /// The columns a file may have, in any order.
    public static let names = ["user_by", "user_by_value", "date", "type", "shifts", "break_minutes", "overtime", "time_off"]
    /// The columns a file must have.
    public static let required = ["user_by", "user_by_value", "date"]

    private var positions: [String: Int]

    /// The columns of `header` (names trimmed, any case), or every unknown, repeated and missing column.
    public static func parse(_ header: CSVReader.Record) -> Result<ScheduleImportColumns, ValidationFailure> {
        var positions: [String: Int] = [:]
        var issues: [ValidationIssue] = []
        for (index, raw) in header.fields.enumerated() {
            let name = TextField.trimmed(raw).lowercased()
            if names.contains(name), positions[name] == nil {
                positions[name] = index
            } else {
                let parameters = ["value": String(name.prefix(40)), "allowed": names.joined(separator: ", ")]
                issues.append(ValidationIssue(field: "file", check: .inList, parameters: parameters, line: header.line))
            }
        }
        for column in required where positions[column] == nil {
            issues.append(ValidationIssue(field: column, check: .required, line: header.line))
        }
        guard issues.isEmpty else { return .failure(ValidationFailure(issues)) }
        return .success(ScheduleImportColumns(positions: positions))
    }

    /// A row's fields by column name, for ``SetDayRequest/parse(_:)``; a column the row is too short for is absent.
    public func fields(of record: CSVReader.Record) -> RequestFields {
        RequestFields { name in positions[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } }
    }
}
