import Foundation
import NIOCore

/// The fields of an API request, whatever the body's encoding: name → text, plus uploaded files.
///
/// A field sent twice keeps its last value, as PHP-style form handling (which the original API was built on) does.
public struct FormFields: Sendable {
    public private(set) var values: [String: String] = [:]
    public private(set) var files: [String: UploadedFile] = [:]

    /// An uploaded file: in memory when the body was read whole, spooled to an unlinked temporary file when it was
    /// read as it arrived (``decodeMultipart(streaming:contentType:maxBytes:limits:)``).
    public struct UploadedFile: Sendable {
        public var filename: String?
        public var content: Content

        public enum Content: Sendable {
            case bytes(ByteBuffer)
            case spooled(SpooledFile)
        }

        public init(filename: String?, content: Content) {
            self.filename = filename
            self.content = content
        }

        /// The file's length in bytes.
        public var size: Int {
            switch content {
            case .bytes(let buffer): buffer.readableBytes
            case .spooled(let file): file.size
            }
        }

        /// Hands the file's bytes to `body` in order, in pieces of at most `pieceSize` bytes.
        public func forEachPiece(size pieceSize: Int = 1 << 20, _ body: (ByteBuffer) async throws -> Void) async throws {
            switch content {
            case .bytes(let buffer):
                var rest = buffer
                while rest.readableBytes > 0 { try await body(rest.readSlice(length: min(pieceSize, rest.readableBytes))!) }
            case .spooled(let file):
                try await file.forEachPiece(size: pieceSize, body)
            }
        }
    }

    /// Limits that keep a hostile body from costing more than a normal one.
    public struct Limits: Sendable {
        public var maxFields = 200
        public var maxFieldBytes = 64 * 1024
        public init() {}
    }

    /// Why a body could not be read; rendered as a `valid_body` error.
    public struct DecodingError: Error, Sendable {
        public var detail: String
        /// The body held more fields than `Limits.maxFields`: too large rather than malformed.
        public var isOverFieldLimit = false
    }

    public init() {}

    public init(values: [String: String]) {
        self.values = values
    }

    public subscript(name: String) -> String? {
        values[name]
    }

    /// Decodes a body by its `Content-Type`: urlencoded (also the default when none is given), multipart or JSON.
    public static func decode(body: ByteBuffer, contentType: String?, limits: Limits = .init()) throws(DecodingError) -> FormFields {
        switch mediaType(of: contentType) {
        case "multipart/form-data":
            guard let boundary = contentType.flatMap(Self.boundary(in:)) else {
                throw DecodingError(detail: "multipart/form-data without a boundary")
            }
            return try decodeMultipart(body: body, boundary: boundary, limits: limits)
        case "application/json":
            return try decodeJSON(body: body, limits: limits)
        default:
            return try decodeURLEncoded(body: body, limits: limits)
        }
    }

    /// Whether a body of this `Content-Type` is decoded as `multipart/form-data`, the only encoding that carries files.
    public static func isMultipart(contentType: String?) -> Bool {
        mediaType(of: contentType) == "multipart/form-data"
    }

    /// Whether `decode` reads a body of this `Content-Type` for what it says it is: none (a form, as the original
    /// API's curl sends it), urlencoded, multipart or JSON. `decode` reads any other as a form; the API refuses it.
    public static func isSupported(contentType: String?) -> Bool {
        switch mediaType(of: contentType) {
        case "", "application/x-www-form-urlencoded", "multipart/form-data", "application/json": true
        default: false
        }
    }

    /// The media type of a `Content-Type`, lowercased, without its parameters and padding.
    ///
    /// ASCII only, by bytes: media types are ASCII tokens and HTTP pads them with spaces and tabs, and Foundation's
    /// trimming and Unicode lowercasing cost every request about 2 % of a terminal scan's CPU.
    static func mediaType(of contentType: String?) -> String {
        guard let contentType else { return "" }
        var bytes = Substring(contentType).utf8.prefix { $0 != UInt8(ascii: ";") }
        func isPadding(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = bytes.first, isPadding(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isPadding(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// These fields, and those of `other` that these lack: a POST's body over its query string, so a terminal may send
    /// its `access_token` in either.
    public func adding(missingFrom other: FormFields) -> FormFields {
        var merged = self
        merged.values.merge(other.values) { mine, _ in mine }
        return merged
    }

    mutating func set(_ name: String, _ value: String, limits: Limits) throws(DecodingError) {
        guard values[name] != nil || values.count + files.count < limits.maxFields else {
            throw DecodingError(detail: "more than \(limits.maxFields) fields", isOverFieldLimit: true)
        }
        guard value.utf8.count <= limits.maxFieldBytes else {
            throw DecodingError(detail: "field \(name.prefix(64)) is longer than \(limits.maxFieldBytes) bytes")
        }
        values[name] = value
    }

    mutating func setFile(_ name: String, _ file: UploadedFile, limits: Limits) throws(DecodingError) {
        guard files[name] != nil || values.count + files.count < limits.maxFields else {
            throw DecodingError(detail: "more than \(limits.maxFields) fields", isOverFieldLimit: true)
        }
        files[name] = file
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return isValidBoundary(value) ? value : nil
        }
        return nil
    }

    /// RFC 2046: 1 to 70 of `0-9 A-Z a-z '()+_,-./:=?` and space, not ending with a space. Besides keeping clients
    /// honest, it keeps CR and LF out of the delimiter, which the scanner's linear search relies on.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: Array("'()+_,-./:=? ".utf8).contains(byte)
            }
        }
    }
}
