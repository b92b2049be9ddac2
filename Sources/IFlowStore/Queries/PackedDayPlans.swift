import IFlowCore

/// The text `Store.packedDayPlans` packs an employee's plans into: `date|type|break_minutes|shifts|overtime|time_off`
/// per plan, each field as `day_plans` stores it, plans separated by `;`, in date order.
///
/// Neither separator can occur in a stored field: dates, day types and minutes are plain, and `TimeRangeList.parse`
/// refuses both inside a list.
enum PackedDayPlans {
    /// The plans of `text`, or `nil` when any part of it is not what the query writes.
    static func parse(_ text: String) -> [DayPlan]? {
        guard !text.isEmpty else { return [] }
        var plans: [DayPlan] = []
        for record in text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            let fields = record.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            guard fields.count == 6, let date = LocalDate(iso: Substring(fields[0])), let type = DayType(rawValue: String(Substring(fields[1]))),
                let breakMinutes = Int(Substring(fields[2])),
                case .success(let shifts) = TimeRangeList.parse(String(Substring(fields[3]))),
                case .success(let overtime) = TimeRangeList.parse(String(Substring(fields[4]))),
                case .success(let timeOff) = TimeRangeList.parse(String(Substring(fields[5])))
            else { return nil }
            plans.append(DayPlan(date: date, type: type, shifts: shifts, breakMinutes: breakMinutes, overtime: overtime, timeOff: timeOff))
        }
        return plans
    }
}
