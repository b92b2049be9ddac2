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
        var state = Writer.State()
        try withUnsafeMutablePointer(to: &buffer) { buffer in
            try withUnsafeMutablePointer(to: &state) { state in
                try Writer(buffer: buffer, state: state).encode(value)
                if let failure = state.pointee.failure { throw failure }
            }
        }
    }

    /// The `Encoder` handed to every `encode(to:)`.
    ///
    /// Two pointers, valid for the `encode` call only, to the caller's buffer and to the encoding's state: copying it
    /// into every container costs no reference counting, and writes through a pointer are not checked for exclusive
    /// access as a class's stored properties are. The 71 MB report writes millions of times.
    fileprivate struct Writer: Encoder {
        /// What the current value's `encode(to:)` opened, so that `encode` knows what to close after it.
        enum Opened {
            case nothing, single, object, array
        }

        struct State {
            var opened = Opened.nothing
            /// An unsupported request, thrown once the value is written (the `Encoder` methods cannot throw).
            var failure: EncodingError?
        }

        let buffer: UnsafeMutablePointer<ByteBuffer>
        let state: UnsafeMutablePointer<State>

        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        /// Writes one value: its `encode(to:)` opens a container (or writes a single value), closed here.
        func encode(_ value: some Encodable) throws {
            let outer = state.pointee.opened
            state.pointee.opened = .nothing
            defer { state.pointee.opened = outer }
            try value.encode(to: self)
            switch state.pointee.opened {
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
            if state.pointee.opened == .nothing { state.pointee.opened = .single } else { unsupported("a second container for one value") }
            return SingleValueContainer(writer: self)
        }

        private func open(_ kind: Opened, with byte: UInt8) {
            guard state.pointee.opened == .nothing else { return unsupported("a second container for one value") }
            state.pointee.opened = kind
            buffer.pointee.writeInteger(byte)
        }

        func unsupported(_ what: String) {
            state.pointee.failure =
                state.pointee.failure
                ?? EncodingError.invalidValue(what, .init(codingPath: [], debugDescription: "APIJSONEncoder does not support \(what)"))
        }

        /// What follows a separator and a key: a string, `null`, or nothing when a nested value follows.
        enum Scalar {
            case string(String)
            case null
        }

        /// Appends `separator` unless it is `nil`, then `"key":` when a key is given, then `value` when given, in one
        /// write into the buffer: a member of the 71 MB report costs one capacity check, not eight.
        func write(separator: UInt8?, key: String?, _ value: Scalar?) {
            var key = key
            var string: String? = if case .string(let string) = value { string } else { nil }
            key.withUTF8 { key in
                string.withUTF8 { string in
                    let keyLength = key.map { Self.literalLength(of: $0) + 1 } ?? 0
                    let valueLength = string.map { Self.literalLength(of: $0) } ?? 4
                    buffer.pointee.writeWithUnsafeMutableBytes(minimumWritableBytes: 1 + keyLength + valueLength) { raw in
                        let out = raw.bindMemory(to: UInt8.self)
                        var at = 0
                        if let separator {
                            out[at] = separator
                            at += 1
                        }
                        if let key {
                            at = Self.writeLiteral(key, into: out, at: at)
                            out[at] = UInt8(ascii: ":")
                            at += 1
                        }
                        if let string { return Self.writeLiteral(string, into: out, at: at) }
                        guard value != nil else { return at }
                        for byte in "null".utf8 {
                            out[at] = byte
                            at += 1
                        }
                        return at
                    }
                }
            }
        }

        /// The length of `utf8` as a JSON string literal (``writeLiteral(_:into:at:)``).
        private static func literalLength(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
            var length = utf8.count + 2
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                length += byte == 0x0A || byte == 0x0D || byte == 0x09 || byte >= 0x20 ? 1 : 5
            }
            return length
        }

        /// Writes `utf8` as a JSON string literal at `out[at...]` and returns the index after it: quotes, backslashes and
        /// control characters escaped, everything else as UTF-8 (the API's replies are not ASCII-only).
        private static func writeLiteral(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
            var at = start
            func put(_ byte: UInt8) {
                out[at] = byte
                at += 1
            }
            put(UInt8(ascii: "\""))
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    put(UInt8(ascii: "\\"))
                    put(byte)
                case 0x0A:
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "n"))
                case 0x0D:
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "r"))
                case 0x09:
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "t"))
                case ..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    for escape in "\\u00".utf8 { put(escape) }
                    put(hex.utf8Start[Int(byte >> 4)])
                    put(hex.utf8Start[Int(byte & 0x0F)])
                default:
                    put(byte)
                }
            }
            put(UInt8(ascii: "\""))
            return at
        }
    }
}

extension Optional where Wrapped == String {
    /// `String.withUTF8` for a string that may be absent.
    fileprivate mutating func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard var string = self else { return body(nil) }
        return string.withUTF8 { body($0) }
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

    /// A comma unless this is the first member, the key, and `value` if given.
    private mutating func member(_ key: Key, _ value: APIJSONEncoder.Writer.Scalar?) {
        writer.write(separator: first ? nil : UInt8(ascii: ","), key: key.stringValue, value)
        first = false
    }

    mutating func encodeNil(forKey key: Key) throws {
        member(key, .null)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key, .string(value))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        member(key, nil)
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

    /// A comma unless this is the first item, and `value` if given.
    private mutating func item(_ value: APIJSONEncoder.Writer.Scalar?) {
        writer.write(separator: count > 0 ? UInt8(ascii: ",") : nil, key: nil, value)
        count += 1
    }

    mutating func encodeNil() throws {
        item(.null)
    }

    mutating func encode(_ value: String) throws {
        item(.string(value))
    }

    mutating func encode(_ value: some Encodable) throws {
        item(nil)
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

    mutating func encodeNil() throws { writer.write(separator: nil, key: nil, .null) }
    mutating func encode(_ value: String) throws { writer.write(separator: nil, key: nil, .string(value)) }
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
