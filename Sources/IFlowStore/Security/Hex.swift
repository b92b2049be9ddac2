extension Sequence<UInt8> {
    /// Lower-case hex, two digits a byte. `String(format: "%02x")` per byte cost more than the HMAC it printed, and
    /// lookups run for every request and every imported row.
    var lowerHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
