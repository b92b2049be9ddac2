import IFlowCore
import IFlowStore

extension LockedMonthRefusal {
    /// `locked_month` for each refused row, on `field`, at the row's line of a file when `lines` are given.
    func issues(field: String, lines: [Int]? = nil) -> [ValidationIssue] {
        rows.map { row in
            var parameters = ["month": row.month]
            if let date = row.nightShiftDate {
                parameters["night_shift"] = "1"
                parameters["date"] = date
            }
            return ValidationIssue(field: field, check: .lockedMonth, parameters: parameters, line: lines.map { $0[row.index] })
        }
    }
}
