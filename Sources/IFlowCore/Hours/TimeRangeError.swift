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
