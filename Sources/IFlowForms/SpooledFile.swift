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
    public private(set) var size = 0

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
        let failed: Int32? = bytes.withUnsafeReadableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(size + offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failed { throw Failure(operation: "write", code: failed) }
        size += bytes.readableBytes
    }

    /// Hands the file's bytes to `body` in order, in pieces of at most `pieceSize` bytes, read into one buffer.
    func forEachPiece(size pieceSize: Int, _ body: (ByteBuffer) async throws -> Void) async throws {
        var buffer = ByteBuffer()
        var offset = 0
        while offset < size {
            buffer.clear()
            let wanted = min(pieceSize, size - offset)
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
