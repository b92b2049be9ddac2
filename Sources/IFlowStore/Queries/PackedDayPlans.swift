import IFlowCore

/// The text `Store.packedDayPlans` packs an employee's plans into: `date|type|break_minutes|shifts|overtime|time_off`
/// per plan, each field as `day_plans` stores it, plans separated by `;`, in date order.
///
/// Neither separator can occur in a stored field: dates, day types and minutes are plain, and `TimeRangeList.parse`
/// refuses both inside a list.
enum PackedDayPlans {
    /// The plans of `text`, or `nil` when any part of it is not what the query writes.
    ///
    /// Read in place from the text's bytes: a month's report parses some 230,000 plans, and splitting the text into
    /// arrays of records and fields first cost more than the parsing.
    static func parse(_ text: String) -> [DayPlan]? {
        guard !text.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes -> [DayPlan]? in
            var plans: [DayPlan] = []
            var start = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                guard let plan = plan(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
                plans.append(plan)
                if end == bytes.count { return plans }
                start = end + 1
            }
        }
    }

    /// One record's plan, `nil` unless it has the six fields, each well formed.
    private static func plan(_ record: UnsafeBufferPointer<UInt8>) -> DayPlan? {
        withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: 6) { fields -> DayPlan? in
            var count = 0
            var start = 0
            for index in 0...record.count where index == record.count || record[index] == UInt8(ascii: "|") {
                guard count < 6 else { return nil }
                fields.initializeElement(at: count, to: UnsafeBufferPointer(rebasing: record[start..<index]))
                count += 1
                start = index + 1
            }
            func text(_ field: Int) -> String { String(decoding: fields[field], as: UTF8.self) }
            guard count == 6, let date = LocalDate(isoBytes: fields[0]), let type = DayType(rawValue: text(1)),
                let breakMinutes = integer(fields[2]),
                case .success(let shifts) = TimeRangeList.parse(text(3)),
                case .success(let overtime) = TimeRangeList.parse(text(4)),
                case .success(let timeOff) = TimeRangeList.parse(text(5))
            else { return nil }
            return DayPlan(date: date, type: type, shifts: shifts, breakMinutes: breakMinutes, overtime: overtime, timeOff: timeOff)
        }
    }

    /// An integer as PostgreSQL writes one (ASCII digits, `-` before a negative), as the row-by-row read would decode it.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = text.first == UInt8(ascii: "-")
        let digits = UnsafeBufferPointer(rebasing: text[(negative ? 1 : 0)...])
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }
}
