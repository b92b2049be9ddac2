import NIOCore

extension FormFields {
    /// `application/x-www-form-urlencoded`: `a=1&b=x%20y`, `+` as space; invalid escapes or UTF-8 are refused.
    static func decodeURLEncoded(body: ByteBuffer, limits: Limits) throws(DecodingError) -> FormFields {
        var fields = FormFields()
        let bytes = body.readableBytesView
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try percentDecoded(parts[0])
            let value = parts.count > 1 ? try percentDecoded(parts[1]) : ""
            guard !name.isEmpty else { continue }
            try fields.set(name, value, limits: limits)
        }
        return fields
    }

    static func percentDecoded(_ bytes: some Collection<UInt8>) throws(DecodingError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw DecodingError(detail: "invalid percent-encoding")
                }
                output.append(high << 4 | low)
            default:
                output.append(byte)
            }
        }
        guard let string = String(validating: output, as: UTF8.self) else {
            throw DecodingError(detail: "text is not valid UTF-8")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
