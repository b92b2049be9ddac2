import IFlowCore

/// The text `Store.bareScans` packs an employee's scans into: `instant id source direction deleted device` per scan
/// (direction and device `-` when the scan has none, deleted `0` or `1`), scans separated by `;`, in (instant, id)
/// order.
enum PackedScans {
    /// The scans of `text`, or `nil` when any part of it is not what the query writes.
    static func parse(_ text: String) -> [Scan]? {
        var scans: [Scan] = []
        var text = text
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
            func token() -> String? {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: ";") { index += 1 }
                guard index > start else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            func expect(_ byte: UInt8) -> Bool {
                guard index < bytes.count, bytes[index] == byte else { return false }
                index += 1
                return true
            }
            while index < bytes.count {
                guard let instant = integer(), expect(UInt8(ascii: " ")), let id = integer(), expect(UInt8(ascii: " ")),
                    let sourceText = token(), let source = ScanSource(rawValue: sourceText), expect(UInt8(ascii: " ")),
                    let directionText = token(), expect(UInt8(ascii: " ")), let deleted = integer(), deleted == 0 || deleted == 1,
                    expect(UInt8(ascii: " ")), let deviceText = token()
                else { return nil }
                var deviceID: Int?
                if deviceText != "-" {
                    guard let device = Int(deviceText) else { return nil }
                    deviceID = device
                }
                var direction: ScanDirection?
                if directionText != "-" {
                    guard let forced = ScanDirection(rawValue: directionText) else { return nil }
                    direction = forced
                }
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
