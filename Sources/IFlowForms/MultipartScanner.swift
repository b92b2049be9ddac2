import Foundation
import NIOCore

/// Splits a `multipart/form-data` body (RFC 7578 over RFC 2046) into parts: header lines, then the part's body as a
/// slice of the request body.
///
/// Written for hostile input: one pass in linear time (the delimiter holds a single CR, so candidate matches never
/// overlap), no recursion, and the field limits are checked while scanning rather than after the last part. Only
/// CRLF line ends are accepted, as the RFCs require.
struct MultipartScanner {
    struct Part {
        var headers: [(name: String, value: String)]
        var body: ByteBuffer
    }

    /// `CRLF--boundary`: what ends every part's body.
    private let delimiter: [UInt8]
    private let limits: FormFields.Limits

    init(boundary: String, limits: FormFields.Limits) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.limits = limits
    }

    func parts(of body: ByteBuffer) throws(FormFields.DecodingError) -> [Part] {
        let scanned = body.withUnsafeReadableBytes { scan($0) }
        let found = try scanned.get()
        return found.map { part in
            Part(headers: part.headers, body: body.getSlice(at: body.readerIndex + part.body.lowerBound, length: part.body.count)!)
        }
    }

    private typealias Found = (headers: [(name: String, value: String)], body: Range<Int>)

    private func scan(_ bytes: UnsafeRawBufferPointer) -> Result<[Found], FormFields.DecodingError> {
        let incomplete = FormFields.DecodingError(detail: "multipart body is incomplete")
        let malformed = FormFields.DecodingError(detail: "malformed multipart body")
        let dashBoundary = delimiter[2...]

        var position: Int
        if bytes.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let first = find(delimiter, in: bytes, from: 0) {
            position = first + delimiter.count
        } else {
            return .failure(incomplete)
        }

        var parts: [Found] = []
        var headerBytes = 0
        while true {
            // After a delimiter: `--` closes the body (the epilogue is ignored); otherwise optional padding and CRLF.
            if bytes.count - position >= 2, bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-") {
                return .success(parts)
            }
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                position += 1
            }
            guard bytes.count - position >= 2 else { return .failure(incomplete) }
            guard bytes[position] == 0x0D, bytes[position + 1] == 0x0A else { return .failure(malformed) }
            position += 2

            var headers: [(name: String, value: String)] = []
            while true {
                guard let end = find(Self.crlf, in: bytes, from: position) else { return .failure(incomplete) }
                if end == position {
                    position += 2
                    break
                }
                headerBytes += end - position
                guard headerBytes <= limits.maxFieldBytes else {
                    return .failure(FormFields.DecodingError(detail: "multipart headers too large"))
                }
                guard let header = Self.header(UnsafeRawBufferPointer(rebasing: bytes[position..<end])) else { return .failure(malformed) }
                headers.append(header)
                position = end + 2
            }

            guard let end = find(delimiter, in: bytes, from: position) else { return .failure(incomplete) }
            parts.append((headers, position..<end))
            guard parts.count <= limits.maxFields else {
                return .failure(FormFields.DecodingError(detail: "more than \(limits.maxFields) fields", isOverFieldLimit: true))
            }
            position = end + delimiter.count
        }
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]

    /// `Name: value`: a token name, a colon, a UTF-8 value without surrounding blanks.
    private static func header(_ line: UnsafeRawBufferPointer) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0, line[..<colon].allSatisfy(isTokenCharacter) else { return nil }
        var start = colon + 1
        var end = line.count
        while start < end, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard let value = String(validating: line[start..<end], as: UTF8.self) else { return nil }
        return (String(decoding: line[..<colon], as: UTF8.self), value)
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// The first index at or after `start` where `needle` (non-empty) occurs; `memchr` finds the candidates.
    private func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty else { return nil }
        var index = start
        while bytes.count - index >= needle.count {
            guard let hit = memchr(base + index, Int32(needle[0]), bytes.count - needle.count - index + 1) else { return nil }
            let candidate = base.distance(to: UnsafeRawPointer(hit))
            if needle.withUnsafeBytes({ memcmp(base + candidate, $0.baseAddress!, needle.count) }) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
