/// Why a list of time ranges was rejected.
public enum TimeRangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The item at `index` (0-based, after splitting at commas) is not `HH:MM-HH:MM`; `item` is its trimmed text.
    case invalidFormat(item: String, index: Int)
    /// The items at `firstIndex` and `secondIndex` share time.
    case overlap(firstIndex: Int, secondIndex: Int)

    public var description: String {
        switch self {
        case .invalidFormat(let item, let index): "item \(index + 1) \"\(item)\" is not HH:MM-HH:MM"
        case .overlap(let firstIndex, let secondIndex): "items \(firstIndex + 1) and \(secondIndex + 1) overlap"
        }
    }
}

/// The text form of a day's ranges: `08:00-16:00`, or comma-separated `08:00-12:00,13:00-17:00`.
public enum TimeRangeList {
    /// Parses a comma-separated list of `HH:MM-HH:MM` items.
    ///
    /// Whitespace around items is ignored and an empty (or blank) text is an empty list. The first malformed item is
    /// reported; then the first pair of overlapping items, in input order.
    public static func parse(_ text: String) -> Result<[TimeRange], TimeRangeError> {
        guard text.contains(where: { !$0.isWhitespace }) else { return .success([]) }
        var ranges: [TimeRange] = []
        for (index, rawItem) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let item = rawItem.trimmingWhitespace()
            guard let range = TimeRange(item) else { return .failure(.invalidFormat(item: String(item), index: index)) }
            ranges.append(range)
        }
        for second in ranges.indices {
            for first in ranges.indices where first < second && ranges[first].overlaps(ranges[second]) {
                return .failure(.overlap(firstIndex: first, secondIndex: second))
            }
        }
        return .success(ranges)
    }

    /// The canonical text of `ranges`: items joined with "," and no spaces.
    public static func format(_ ranges: [TimeRange]) -> String {
        ranges.map(\.description).joined(separator: ",")
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation's trimming would bridge through NSString).
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
