/// The text form of a day's ranges: `08:00-16:00`, or comma-separated `08:00-12:00,13:00-17:00`.
public enum TimeRangeList {
    /// Parses a comma-separated list of `HH:MM-HH:MM` items.
    ///
    /// Whitespace around items is ignored and an empty (or blank) text is an empty list. The first malformed item is
    /// reported; then the first pair of overlapping items, in input order.
    public static func parse(_ text: String) -> Result<[TimeRange], TimeRangeError> {
        if text.isEmpty { return .success([]) }
        if let ranges = parseCanonical(text) { return checkOverlaps(ranges) }
        guard text.contains(where: { !$0.isWhitespace }) else { return .success([]) }
        var ranges: [TimeRange] = []
        for (index, rawItem) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let item = rawItem.trimmingWhitespace()
            guard let range = TimeRange(item) else { return .failure(.invalidFormat(item: String(item), index: index)) }
            ranges.append(range)
        }
        return checkOverlaps(ranges)
    }

    private static func checkOverlaps(_ ranges: [TimeRange]) -> Result<[TimeRange], TimeRangeError> {
        for second in ranges.indices {
            for first in ranges.indices where first < second && ranges[first].overlaps(ranges[second]) {
                return .failure(.overlap(firstIndex: first, secondIndex: second))
            }
        }
        return .success(ranges)
    }

    /// The ranges of a text in the canonical form `format(_:)` writes (and the database holds), read straight from
    /// its UTF-8 bytes; `nil` for any other text, which the general path then reads. Reports parse every stored
    /// plan, so this path is hot.
    private static func parseCanonical(_ text: String) -> [TimeRange]? {
        var text = text
        return text.withUTF8 { bytes -> [TimeRange]? in
            let itemLength = 11
            guard bytes.count % (itemLength + 1) == itemLength else { return nil }
            func clock(at index: Int) -> ClockTime? {
                func digit(_ offset: Int) -> Int? {
                    let byte = bytes[index + offset]
                    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
                }
                guard bytes[index + 2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4)
                else { return nil }
                let hour = h1 * 10 + h2
                let minute = m1 * 10 + m2
                guard minute <= 59, hour < 24 || (hour == 24 && minute == 0) else { return nil }
                return ClockTime(minutes: hour * 60 + minute)
            }
            var ranges: [TimeRange] = []
            ranges.reserveCapacity((bytes.count + 1) / (itemLength + 1))
            var index = 0
            while true {
                guard let start = clock(at: index), bytes[index + 5] == UInt8(ascii: "-"), let end = clock(at: index + 6),
                    let range = TimeRange(start: start, end: end)
                else { return nil }
                ranges.append(range)
                index += itemLength
                if index == bytes.count { return ranges }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }
    }

    /// The canonical text of `ranges`: items joined with "," and no spaces.
    public static func format(_ ranges: [TimeRange]) -> String {
        String(unsafeUninitializedCapacity: ranges.count * (TimeRange.textLength + 1)) { out in
            var at = 0
            for range in ranges {
                if at > 0 {
                    out[at] = UInt8(ascii: ",")
                    at += 1
                }
                at = range.write(into: out, at: at)
            }
            return at
        }
    }
}
