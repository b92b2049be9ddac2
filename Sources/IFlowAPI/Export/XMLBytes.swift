/// UTF-8 XML written into one growing byte array: markup as it is, text escaped, so a part of 10,000 rows is built
/// without intermediate strings.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    /// Empties it, keeping its storage for what comes next.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Markup, written unescaped.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup built at run time from safe pieces (names, numbers), written unescaped.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func raw(_ markup: [UInt8]) {
        bytes.append(contentsOf: markup)
    }

    /// A non-negative integer in decimal, without an intermediate string.
    mutating func decimal(_ value: Int) {
        guard value > 0 else { return bytes.append(UInt8(ascii: "0")) }
        let start = bytes.count
        var rest = value
        while rest > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        bytes[start...].reverse()
    }

    /// Text content or an attribute value: `&`, `<`, `>` and `"` as entities, and the characters XML 1.0 cannot hold
    /// (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) left out.
    mutating func text(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x09, 0x0A, 0x0D: bytes.append(UInt8(scalar.value))
            case 0x00..<0x20, 0xFFFE, 0xFFFF: continue
            default: UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// Whether `text` needs `xml:space="preserve"` to keep its leading or trailing blanks.
    static func hasOuterWhitespace(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }
}
