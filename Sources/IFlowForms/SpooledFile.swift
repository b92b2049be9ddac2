import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An upload's bytes in a temporary file that has no name: created and unlinked at once, so nothing is left behind
/// when the process dies, and closed (its space freed) when the last reference goes.
///
/// Written once, while the request body arrives, then read; each step is one task's at a time, hence `@unchecked`.
public final class SpooledFile: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var operation: String
        public var code: Int32
        public var description: String { "\(operation): \(String(cString: strerror(code)))" }
    }

    private let descriptor: Int32
    /// Bytes appended but not yet written: a body arriving in small pieces costs one write per ``bufferBytes``.
    private var buffer = ByteBuffer()
    private var written = 0
    static let bufferBytes = 256 << 10

    /// The file's length, what `append` was given.
    public var size: Int { written + buffer.readableBytes }

    /// A new empty file in the temporary directory (`TMPDIR`, else `/tmp`).
    public init() throws(Failure) {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/iflow-upload-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(operation: "mkstemp", code: errno) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes`.
    public func append(_ bytes: ByteBuffer) throws(Failure) {
        var bytes = bytes
        buffer.writeBuffer(&bytes)
        if buffer.readableBytes >= Self.bufferBytes { try flush() }
    }

    /// Writes what `append` buffered; ``forEachPiece(size:_:)`` reads only what was written.
    public func flush() throws(Failure) {
        let failed: Int32? = buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(written + offset))
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let failed { throw Failure(operation: "write", code: failed) }
        written += buffer.readableBytes
        buffer.clear()
    }

    /// `count` bytes from `offset` (within what was appended).
    public func bytes(at offset: Int, count: Int) throws(Failure) -> [UInt8] {
        try flush()
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw Failure(operation: "read", code: read < 0 ? errno : EIO) }
            done += read
        }
        return bytes
    }

    /// Hands the file's bytes to `body` in order, in pieces of at most `pieceSize` bytes, read into one buffer.
    func forEachPiece(size pieceSize: Int, _ body: (ByteBuffer) async throws -> Void) async throws {
        try flush()
        var buffer = ByteBuffer()
        var offset = 0
        while offset < written {
            buffer.clear()
            let wanted = min(pieceSize, written - offset)
            let read = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: wanted) { target -> Int in
                while true {
                    let count = pread(descriptor, target.baseAddress!, wanted, off_t(offset))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { throw Failure(operation: "read", code: count < 0 ? errno : EIO) }
                    return count
                }
            }
            offset += read
            try await body(buffer)
        }
    }
}
