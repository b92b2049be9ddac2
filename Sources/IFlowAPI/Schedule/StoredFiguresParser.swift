/// A reader of JSON text byte by byte, for ``StoredFigures/decode(_:user:)``: reading a locked month straight into its
/// values is several times cheaper than `JSONDecoder`, which builds a tree and boxes every number first.
///
/// The caller walks the structure it expects (``object(_:)``, ``array(_:)``, ``string()``, ``integer()``) and skips what
/// it does not know (``skipValue()``). Every read moves forward or throws ``Malformed``, so any text ends in at most
/// one pass over it; nesting is bounded by ``maximumDepth``.
struct JSONScanner {
    /// The text is not the JSON the caller expects.
    struct Malformed: Error {}

    /// Objects and arrays nested deeper than this are refused, so skipping an unknown value cannot exhaust the stack.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read, for ``rewind(to:)``.
    private(set) var position = 0
    private var depth = 0

    /// - Parameter bytes: UTF-8 text, valid as a Swift `String`'s is; they must outlive the scanner.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Returns to an earlier ``position``, to skip a value that could not be read as expected.
    mutating func rewind(to position: Int) {
        self.position = position
    }

    /// Requires the text to end here, but for whitespace.
    mutating func end() throws {
        guard peek() == nil else { throw Malformed() }
    }

    /// Reads an object; `member` gets each key in text order and must read or skip its value.
    mutating func object(_ member: (inout JSONScanner, String) throws -> Void) throws {
        try enter(.openBrace)
        defer { depth -= 1 }
        if peek() == .closeBrace {
            position += 1
            return
        }
        repeat {
            guard peek() == .quote else { throw Malformed() }
            let key = try string()
            try consume(.colon)
            try member(&self, key)
        } while try separator(closing: .closeBrace)
    }

    /// Reads an array; `element` must read or skip each element.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try enter(.openBracket)
        defer { depth -= 1 }
        if peek() == .closeBracket {
            position += 1
            return
        }
        repeat { try element(&self) } while try separator(closing: .closeBracket)
    }

    /// Reads an array whose elements `element` reads, in order.
    mutating func elements<Element>(_ element: (inout JSONScanner) throws -> Element) throws -> [Element] {
        var elements: [Element] = []
        try array { elements.append(try element(&$0)) }
        return elements
    }

    /// Reads a string, its escapes (`\uXXXX` too, surrogate pairs joined) decoded.
    mutating func string() throws -> String {
        try consume(.quote)
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .quote {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
            }
            if byte == .backslash { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Malformed() }
            position += 1
        }
        throw Malformed()
    }

    /// Reads an integer that fits an `Int`; a fraction, an exponent or a leading zero is not one.
    mutating func integer() throws -> Int {
        guard let first = peek() else { throw Malformed() }
        let negative = first == .minus
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            let (tens, overflowed) = value.multipliedReportingOverflow(by: 10)
            // Negative values are built downwards, so `Int.min` fits.
            let (next, overflowedAgain) = negative ? tens.subtractingReportingOverflow(digit) : tens.addingReportingOverflow(digit)
            guard !overflowed, !overflowedAgain else { throw Malformed() }
            value = next
            position += 1
        }
        let count = position - start
        guard count > 0, count == 1 || bytes[start] != .zero else { throw Malformed() }
        if position < bytes.count, bytes[position] == .dot || bytes[position] == .lowerE || bytes[position] == .upperE { throw Malformed() }
        return value
    }

    /// Reads `null` if it is next; otherwise reads nothing.
    mutating func null() -> Bool {
        guard peek() == .lowerN, literal("null") else { return false }
        return true
    }

    /// Reads any one value without keeping it.
    mutating func skipValue() throws {
        guard let byte = peek() else { throw Malformed() }
        switch byte {
        case .openBrace: try object { scanner, _ in try scanner.skipValue() }
        case .openBracket: try array { try $0.skipValue() }
        case .quote: _ = try string()
        case .lowerT: guard literal("true") else { throw Malformed() }
        case .lowerF: guard literal("false") else { throw Malformed() }
        case .lowerN: guard literal("null") else { throw Malformed() }
        case .minus, .zero...UInt8(ascii: "9"): try skipNumber()
        default: throw Malformed()
        }
    }

    /// The next byte after whitespace, left unread; `nil` at the end of the text.
    private mutating func peek() -> UInt8? {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return bytes[position]
            }
        }
        return nil
    }

    private mutating func consume(_ byte: UInt8) throws {
        guard peek() == byte else { throw Malformed() }
        position += 1
    }

    private mutating func enter(_ opening: UInt8) throws {
        guard depth < Self.maximumDepth else { throw Malformed() }
        try consume(opening)
        depth += 1
    }

    /// Reads the `,` before another element (`true`) or the `closing` bracket (`false`).
    private mutating func separator(closing: UInt8) throws -> Bool {
        guard let byte = peek() else { throw Malformed() }
        switch byte {
        case .comma:
            position += 1
            return true
        case closing:
            position += 1
            return false
        default: throw Malformed()
        }
    }

    /// Reads `word` if the text continues with it.
    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// Skips a number by JSON's grammar: `-`, an integer part without a leading zero, a fraction, an exponent.
    private mutating func skipNumber() throws {
        if bytes[position] == .minus { position += 1 }
        let start = position
        guard try skipDigits() == 1 || bytes[start] != .zero else { throw Malformed() }
        if position < bytes.count, bytes[position] == .dot {
            position += 1
            _ = try skipDigits()
        }
        if position < bytes.count, bytes[position] == .lowerE || bytes[position] == .upperE {
            position += 1
            if position < bytes.count, bytes[position] == .plus || bytes[position] == .minus { position += 1 }
            _ = try skipDigits()
        }
    }

    /// Skips one or more digits; their count.
    private mutating func skipDigits() throws -> Int {
        let start = position
        while position < bytes.count, Self.digit(bytes[position]) != nil { position += 1 }
        guard position > start else { throw Malformed() }
        return position - start
    }

    /// Reads the rest of a string that has escapes, from its first byte at `start`; `position` is at a backslash.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case .quote: return String(decoding: utf8, as: UTF8.self)
            case .backslash: try escape(into: &utf8)
            case ..<0x20: throw Malformed()
            default: utf8.append(byte)
            }
        }
        throw Malformed()
    }

    /// Appends the UTF-8 of the escape after a backslash; a lone surrogate is malformed.
    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard position < bytes.count else { throw Malformed() }
        let byte = bytes[position]
        position += 1
        switch byte {
        case .quote, .backslash, .slash: utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if (0xD800..<0xDC00).contains(value) {
                guard literal("\\u") else { throw Malformed() }
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
            UTF8.encode(scalar) { utf8.append($0) }
        default: throw Malformed()
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func hexQuad() throws -> UInt32 {
        guard bytes.count - position >= 4 else { throw Malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position] | 0x20
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt32(nibble)
            position += 1
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (.zero...UInt8(ascii: "9")).contains(byte) ? Int(byte &- .zero) : nil
    }
}

extension UInt8 {
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let lowerE = UInt8(ascii: "e")
    fileprivate static let upperE = UInt8(ascii: "E")
    fileprivate static let lowerT = UInt8(ascii: "t")
    fileprivate static let lowerF = UInt8(ascii: "f")
    fileprivate static let lowerN = UInt8(ascii: "n")
}
