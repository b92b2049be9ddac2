import Foundation
import NIOCore

/// Splits a `multipart/form-data` body (RFC 7578 over RFC 2046) into parts: header lines, then the part's body, fed
/// in pieces of any size as they arrive, so an upload of any length is read holding only what a piece and a
/// delimiter's length cost (the body of a part is handed on as it comes, slices of the pieces).
///
/// Written for hostile input: linear time (the delimiter holds a single CR, so candidate matches never overlap, and
/// what is kept between pieces is shorter than the delimiter), no recursion, and the field limits are checked while
/// scanning rather than after the last part. Only CRLF line ends are accepted, as the RFCs require.
struct MultipartScanner {
    enum Event {
        /// A part begins, with these header lines.
        case part(headers: [(name: String, value: String)])
        /// The next bytes of the current part's body.
        case body(ByteBuffer)
        /// The current part's body is complete.
        case partEnd
    }

    private enum State {
        /// Before the first delimiter: the body may start with `--boundary`, or a preamble ends at `CRLF--boundary`.
        case start
        case preamble
        /// Just after a delimiter: `--` closes the body, or blanks and CRLF begin a part's headers.
        case afterDelimiter
        case padding
        /// A part's header lines, collected in `headers`.
        case headers
        case body
        /// After the closing delimiter: the epilogue is ignored.
        case closed
    }

    /// `CRLF--boundary`: what ends every part's body.
    private let delimiter: [UInt8]
    private let limits: FormFields.Limits
    private var state = State.start
    /// Bytes fed but not yet consumed: never more than a delimiter, or a header line, long.
    private var pending = ByteBuffer()
    private var headerBytes = 0
    private var partCount = 0
    /// The current part's header lines so far (kept out of `state`, so adding one does not copy them all).
    private var headers: [(name: String, value: String)] = []
    /// How far into `pending` a search for a CRLF (headers) or the delimiter (preamble) found nothing, so a line or a
    /// preamble arriving in small pieces is not searched again from its start.
    private var searched = 0

    private static let incomplete = FormFields.DecodingError(detail: "multipart body is incomplete")
    private static let malformed = FormFields.DecodingError(detail: "malformed multipart body")

    init(boundary: String, limits: FormFields.Limits) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.limits = limits
    }

    /// Reads the body's next piece, handing `handle` each event it completes, in order, as it finds it: so an
    /// error comes at the same place of the body (and after the same events) however the body was cut.
    mutating func feed(_ piece: ByteBuffer, _ handle: (Event) throws -> Void) throws {
        if case .closed = state { return }
        if pending.readableBytes == 0 {
            pending = piece
        } else {
            var piece = piece
            pending.writeBuffer(&piece)
        }
        try run(final: false, handle)
        // Keep only the unread tail, in storage of its own: the piece's storage stays with the slices handed on.
        if pending.readableBytes == 0 {
            pending = ByteBuffer()
        } else if pending.readerIndex > 0 {
            pending = ByteBuffer(bytes: pending.readableBytesView)
        }
    }

    /// Ends the body: fails unless the closing delimiter was read.
    mutating func finish(_ handle: (Event) throws -> Void) throws {
        try run(final: true, handle)
        guard case .closed = state else { throw Self.incomplete }
    }

    private mutating func run(final: Bool, _ handle: (Event) throws -> Void) throws {
        var events: [Event] = []
        while true {
            let more = try step(into: &events, final: final)
            for event in events { try handle(event) }
            events.removeAll(keepingCapacity: true)
            if !more { return }
        }
    }

    /// Consumes what it can of `pending`; `false` when it needs more bytes (or, `final`, there are none).
    private mutating func step(into events: inout [Event], final: Bool) throws(FormFields.DecodingError) -> Bool {
        let dashBoundary = delimiter[2...]
        switch state {
        case .closed:
            pending = ByteBuffer()
            return false
        case .start:
            if pending.readableBytes < dashBoundary.count && !final {
                // Undecided while the bytes seen so far could still begin `--boundary`.
                if pending.readableBytesView.elementsEqual(dashBoundary.prefix(pending.readableBytes)) { return false }
            }
            if pending.readableBytesView.starts(with: dashBoundary) {
                pending.moveReaderIndex(forwardBy: dashBoundary.count)
                state = .afterDelimiter
            } else {
                state = .preamble
            }
            return true
        case .preamble:
            if let found = find(delimiter) {
                pending.moveReaderIndex(forwardBy: found + delimiter.count)
                state = .afterDelimiter
                return true
            }
            keepTail()
            return false
        case .afterDelimiter:
            guard pending.readableBytes >= 2 else { return false }
            if pending.readableBytesView.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
                state = .closed
                pending = ByteBuffer()
                return false
            }
            state = .padding
            return true
        case .padding:
            while let byte = pending.readableBytesView.first, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pending.moveReaderIndex(forwardBy: 1)
            }
            guard pending.readableBytes >= 2 else { return false }
            guard pending.readableBytesView.starts(with: Self.crlf) else { throw Self.malformed }
            pending.moveReaderIndex(forwardBy: 2)
            state = .headers
            headers = []
            searched = 0
            return true
        case .headers:
            guard let end = find(Self.crlf, from: searched) else {
                if pending.readableBytes > limits.maxFieldBytes - headerBytes + 1 {
                    throw FormFields.DecodingError(detail: "multipart headers too large")
                }
                searched = max(0, pending.readableBytes - 1)
                return false
            }
            searched = 0
            if end == 0 {
                pending.moveReaderIndex(forwardBy: 2)
                events.append(.part(headers: headers))
                headers = []
                state = .body
                return true
            }
            headerBytes += end
            guard headerBytes <= limits.maxFieldBytes else { throw FormFields.DecodingError(detail: "multipart headers too large") }
            let header = pending.withUnsafeReadableBytes { Self.header(UnsafeRawBufferPointer(rebasing: $0[..<end])) }
            guard let header else { throw Self.malformed }
            headers.append(header)
            pending.moveReaderIndex(forwardBy: end + 2)
            return true
        case .body:
            if let found = find(delimiter) {
                if found > 0 { events.append(.body(pending.readSlice(length: found)!)) }
                pending.moveReaderIndex(forwardBy: delimiter.count)
                events.append(.partEnd)
                partCount += 1
                guard partCount <= limits.maxFields else {
                    throw FormFields.DecodingError(detail: "more than \(limits.maxFields) fields", isOverFieldLimit: true)
                }
                state = .afterDelimiter
                return true
            }
            // Everything but a tail that could be the start of the delimiter is the part's.
            let safe = pending.readableBytes - (delimiter.count - 1)
            if safe > 0 { events.append(.body(pending.readSlice(length: safe)!)) }
            return false
        }
    }

    /// Drops what can no longer hold the start of a delimiter.
    private mutating func keepTail() {
        let drop = pending.readableBytes - (delimiter.count - 1)
        if drop > 0 { pending.moveReaderIndex(forwardBy: drop) }
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

    /// The offset in `pending`, at or after `start`, where `needle` (non-empty) first occurs; `memchr` finds the
    /// candidates.
    private func find(_ needle: [UInt8], from start: Int = 0) -> Int? {
        pending.withUnsafeReadableBytes { bytes in
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
}
