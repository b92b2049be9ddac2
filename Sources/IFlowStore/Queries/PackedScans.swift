import IFlowCore

/// The text `Store.bareScans` packs an employee's scans into: `instant id source direction deleted device` per scan
/// (direction and device `-` when the scan has none, deleted `0` or `1`), scans separated by `;`, in any order (the
/// store sorts them after).
enum PackedScans {
    /// Each source's text, as the query writes it.
    private static let sources = ScanSource.allCases.map { (bytes: Array($0.rawValue.utf8), source: $0) }
    /// Each forced direction's text.
    private static let directions = ScanDirection.allCases.map { (bytes: Array($0.rawValue.utf8), direction: $0) }

    /// The scans of `text`, or `nil` when any part of it is not what the query writes.
    static func parse(_ text: String) -> [Scan]? {
        var scans: [Scan] = []
        var text = text
        let (sources, directions) = (Self.sources, Self.directions)
        return text.withUTF8 { bytes -> [Scan]? in
            scans.reserveCapacity(bytes.count / 24 + 1)
            var index = 0
            func integer() -> Int? {
                var value = 0
                var negative = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                    negative = true
                    index += 1
                }
                let start = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflowSum) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
                    guard !overflowTimes, !overflowSum else { return nil }
                    value = sum
                    index += 1
                }
                return index > start ? (negative ? -value : value) : nil
            }
            /// The bytes up to the next space or `;`, compared in place: a month report reads some 400,000 scans, and
            /// making a `String` of each one's source, direction and terminal to match against the raw values showed
            /// in its profile (string validation, `_findStringSwitchCase`).
            func token() -> UnsafeBufferPointer<UInt8>? {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: ";") { index += 1 }
                guard index > start else { return nil }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            }
            func source() -> ScanSource? {
                guard let token = token() else { return nil }
                return sources.first { $0.bytes.elementsEqual(token) }?.source
            }
            func direction() -> ScanDirection?? {
                guard let token = token() else { return nil }
                if token.count == 1, token[0] == UInt8(ascii: "-") { return .some(nil) }
                guard let match = directions.first(where: { $0.bytes.elementsEqual(token) }) else { return nil }
                return .some(match.direction)
            }
            func device() -> Int?? {
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                    index += 1
                    return .some(nil)
                }
                guard let id = integer(), id >= 0 else { return nil }
                return .some(id)
            }
            func expect(_ byte: UInt8) -> Bool {
                guard index < bytes.count, bytes[index] == byte else { return false }
                index += 1
                return true
            }
            while index < bytes.count {
                guard let instant = integer(), expect(UInt8(ascii: " ")), let id = integer(), expect(UInt8(ascii: " ")),
                    let source = source(), expect(UInt8(ascii: " ")), let direction = direction(), expect(UInt8(ascii: " ")),
                    let deleted = integer(), deleted == 0 || deleted == 1, expect(UInt8(ascii: " ")), let deviceID = device()
                else { return nil }
                scans.append(Scan(id: Int64(id), instant: instant, source: source, direction: direction, isDeleted: deleted == 1, deviceID: deviceID))
                if index < bytes.count {
                    // A separator is followed by another scan.
                    guard expect(UInt8(ascii: ";")), index < bytes.count else { return nil }
                }
            }
            return scans
        }
    }
}
