import NIOCore

/// Encodes replies as the API's JSON, straight into a `ByteBuffer`: keys in the order `encode(to:)` writes them, no
/// insignificant white space, UTF-8 as is.
///
/// The API carries every scalar as a string, so the encoder takes strings and `null` only: an `Int`, `Bool`, `Double`
/// or other number is refused with an `EncodingError`, and a reply cannot send `1` where a client expects `"1"`.
/// `encodeNil` and `encodeIfPresent(nil)` write `null`, so a synthesized `String?` property is `null` when unset; a
/// type that leaves a key out writes its own `encode(to:)`.
///
/// It writes as it goes (no tree, no Foundation), which the streamed report relies on: keyed, unkeyed and single-value
/// containers and nested values through `encode(_:)` are supported; `nestedContainer`, `nestedUnkeyedContainer` and
/// `superEncoder` are not (a value's container cannot know when another one it handed out is done) and make `encode`
/// throw.
enum APIJSONEncoder {
    /// Appends `value` to `buffer`; on a thrown error, what was appended is incomplete.
    static func encode(_ value: some Encodable, into buffer: inout ByteBuffer) throws {
        try withUnsafeMutablePointer(to: &buffer) { buffer in
            let writer = Writer(buffer: buffer)
            try writer.encode(value)
            if let failure = writer.failure { throw failure }
        }
    }

    /// The `Encoder` handed to every `encode(to:)`.
    ///
    /// It writes through a pointer to the caller's buffer (valid for the `encode` call only): a buffer stored in the
    /// class would be checked for exclusive access on every write, and the 71 MB report writes millions of times.
    fileprivate final class Writer: Encoder {
        /// What the current value's `encode(to:)` opened, so that `encode` knows what to close after it.
        enum Opened {
            case nothing, single, object, array
        }

        let buffer: UnsafeMutablePointer<ByteBuffer>
        var opened = Opened.nothing
        /// An unsupported request, thrown once the value is written (the `Encoder` methods cannot throw).
        var failure: EncodingError?

        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(buffer: UnsafeMutablePointer<ByteBuffer>) {
            self.buffer = buffer
        }

        /// Writes one value: its `encode(to:)` opens a container (or writes a single value), closed here.
        func encode(_ value: some Encodable) throws {
            let outer = opened
            opened = .nothing
            defer { opened = outer }
            try value.encode(to: self)
            switch opened {
            case .nothing: buffer.pointee.writeStaticString("{}")
            case .single: break
            case .object: buffer.pointee.writeInteger(UInt8(ascii: "}"))
            case .array: buffer.pointee.writeInteger(UInt8(ascii: "]"))
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            open(.object, with: UInt8(ascii: "{"))
            return KeyedEncodingContainer(KeyedContainer(writer: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            open(.array, with: UInt8(ascii: "["))
            return UnkeyedContainer(writer: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            if opened == .nothing { opened = .single } else { unsupported("a second container for one value") }
            return SingleValueContainer(writer: self)
        }

        private func open(_ kind: Opened, with byte: UInt8) {
            guard opened == .nothing else { return unsupported("a second container for one value") }
            opened = kind
            buffer.pointee.writeInteger(byte)
        }

        func unsupported(_ what: String) {
            failure = failure ?? EncodingError.invalidValue(what, .init(codingPath: [], debugDescription: "APIJSONEncoder does not support \(what)"))
        }

        func writeNull() {
            buffer.pointee.writeStaticString("null")
        }

        func writeString(_ string: String) {
            Self.writeString(string, into: &buffer.pointee)
        }

        /// A comma unless `first`, then `"key":`.
        func writeKey(_ key: some CodingKey, first: Bool) {
            if !first { buffer.pointee.writeInteger(UInt8(ascii: ",")) }
            Self.writeString(key.stringValue, into: &buffer.pointee)
            buffer.pointee.writeInteger(UInt8(ascii: ":"))
        }

        /// Writes a JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
        static func writeString(_ string: String, into buffer: inout ByteBuffer) {
            buffer.writeInteger(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { utf8 in
                var start = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[start..<index]))
                    switch byte {
                    case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                    case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                    case 0x0A: buffer.writeStaticString("\\n")
                    case 0x0D: buffer.writeStaticString("\\r")
                    case 0x09: buffer.writeStaticString("\\t")
                    default:
                        let hex = Array("0123456789abcdef".utf8)
                        buffer.writeStaticString("\\u00")
                        buffer.writeInteger(hex[Int(byte >> 4)])
                        buffer.writeInteger(hex[Int(byte & 0x0F)])
                    }
                    start = index + 1
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[start...]))
            }
            buffer.writeInteger(UInt8(ascii: "\""))
        }
    }
}

/// The error for a scalar the API never sends as such.
private func refused(_ value: Any, at path: [any CodingKey] = []) -> EncodingError {
    .invalidValue(value, .init(codingPath: path, debugDescription: "the API sends scalars as strings, not \(type(of: value))"))
}

/// An object's members; `null` for `nil`, also through `encodeIfPresent`.
private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: APIJSONEncoder.Writer
    var first = true
    var codingPath: [any CodingKey] { [] }

    init(writer: APIJSONEncoder.Writer) {
        self.writer = writer
    }

    private mutating func key(_ key: Key) {
        writer.writeKey(key, first: first)
        first = false
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        writer.writeNull()
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        writer.writeString(value)
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        self.key(key)
        try writer.encode(value)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Int, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { throw refused(value, at: [key]) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { throw refused(value, at: [key]) }

    // Refused even when `nil`: the property's type is wrong whether or not it has a value.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { throw refused(value as Any, at: [key]) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported("nestedContainer")
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unsupported("nestedUnkeyedContainer")
        return UnkeyedContainer(writer: writer)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported("superEncoder")
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.unsupported("superEncoder")
        return writer
    }
}

/// An array's items.
private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let writer: APIJSONEncoder.Writer
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: APIJSONEncoder.Writer) {
        self.writer = writer
    }

    private mutating func next() {
        if count > 0 { writer.buffer.pointee.writeInteger(UInt8(ascii: ",")) }
        count += 1
    }

    mutating func encodeNil() throws {
        next()
        writer.writeNull()
    }

    mutating func encode(_ value: String) throws {
        next()
        writer.writeString(value)
    }

    mutating func encode(_ value: some Encodable) throws {
        next()
        try writer.encode(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported("nestedContainer")
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unsupported("nestedUnkeyedContainer")
        return self
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported("superEncoder")
        return writer
    }
}

/// One string or `null`, e.g. a `String` or `String?` inside an array.
private struct SingleValueContainer: SingleValueEncodingContainer {
    let writer: APIJSONEncoder.Writer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNull() }
    mutating func encode(_ value: String) throws { writer.writeString(value) }
    mutating func encode(_ value: some Encodable) throws { try writer.encode(value) }

}

/// The scalars an unkeyed or single-value container refuses: one list for both, since their requirements are the same.
private protocol RefusesNumbers {}

extension RefusesNumbers {
    mutating func encode(_ value: Bool) throws { throw refused(value) }
    mutating func encode(_ value: Double) throws { throw refused(value) }
    mutating func encode(_ value: Float) throws { throw refused(value) }
    mutating func encode(_ value: Int) throws { throw refused(value) }
    mutating func encode(_ value: Int8) throws { throw refused(value) }
    mutating func encode(_ value: Int16) throws { throw refused(value) }
    mutating func encode(_ value: Int32) throws { throw refused(value) }
    mutating func encode(_ value: Int64) throws { throw refused(value) }
    mutating func encode(_ value: UInt) throws { throw refused(value) }
    mutating func encode(_ value: UInt8) throws { throw refused(value) }
    mutating func encode(_ value: UInt16) throws { throw refused(value) }
    mutating func encode(_ value: UInt32) throws { throw refused(value) }
    mutating func encode(_ value: UInt64) throws { throw refused(value) }
}

extension UnkeyedContainer: RefusesNumbers {}
extension SingleValueContainer: RefusesNumbers {}
