import Foundation
import NIOCore

extension FormFields {
    /// `multipart/form-data`: each part's `Content-Disposition` names the field; a part with a `filename` is a file.
    static func decodeMultipart(body: ByteBuffer, boundary: String, limits: Limits) throws(DecodingError) -> FormFields {
        var reader = MultipartFields(boundary: boundary, limits: limits, spooling: false)
        do {
            try reader.feed(body)
            return try reader.finish()
        } catch let error as DecodingError {
            throw error
        } catch {
            // Only spooling writes files, and only that can fail otherwise.
            throw DecodingError(detail: "malformed multipart body")
        }
    }

    /// Thrown by ``decodeMultipart(streaming:contentType:maxBytes:limits:)`` for a body longer than `maxBytes`.
    public struct BodyTooLarge: Error {}

    /// A `multipart/form-data` body read as it arrives: fields are held (within `limits`), each file is written to a
    /// ``SpooledFile`` as its bytes come, so what a large upload costs in memory is one piece of the body. It decodes
    /// what ``decode(body:contentType:limits:)`` decodes, and refuses what it refuses with the same detail, wherever
    /// the pieces cut the body.
    ///
    /// - Throws: ``DecodingError``, ``BodyTooLarge`` past `maxBytes`, ``SpooledFile/Failure`` when the temporary file
    ///   cannot be written, or what `body` throws.
    public static func decodeMultipart(
        streaming body: some AsyncSequence<ByteBuffer, some Error>, contentType: String?, maxBytes: Int, limits: Limits = .init()
    ) async throws -> FormFields {
        guard let boundary = contentType.flatMap(Self.boundary(in:)) else {
            throw DecodingError(detail: "multipart/form-data without a boundary")
        }
        var reader = MultipartFields(boundary: boundary, limits: limits, spooling: true)
        var received = 0
        for try await piece in body {
            received += piece.readableBytes
            guard received <= maxBytes else { throw BodyTooLarge() }
            try reader.feed(piece)
        }
        return try reader.finish()
    }

    /// The fields of a multipart body fed in pieces: the scanner's events become fields, and files in memory or,
    /// `spooling`, in ``SpooledFile``s.
    private struct MultipartFields {
        var scanner: MultipartScanner
        let limits: Limits
        let spooling: Bool
        var fields = FormFields()
        var current: (target: (name: String, filename: String?, isFile: Bool), bytes: ByteBuffer, file: SpooledFile?)?

        init(boundary: String, limits: Limits, spooling: Bool) {
            scanner = MultipartScanner(boundary: boundary, limits: limits)
            self.limits = limits
            self.spooling = spooling
        }

        mutating func feed(_ piece: ByteBuffer) throws {
            var scanner = self.scanner
            defer { self.scanner = scanner }
            try scanner.feed(piece) { try handle($0) }
        }

        mutating func finish() throws -> FormFields {
            var scanner = self.scanner
            defer { self.scanner = scanner }
            try scanner.finish { try handle($0) }
            return fields
        }

        private mutating func handle(_ event: MultipartScanner.Event) throws {
            switch event {
            case .part(let headers):
                let target = try FormFields.target(of: headers)
                current = (target, ByteBuffer(), target.isFile && spooling ? try SpooledFile() : nil)
            case .body(var bytes):
                guard let part = current else { return }
                if let file = part.file {
                    try file.append(bytes)
                } else if !part.target.isFile, part.bytes.readableBytes + bytes.readableBytes > limits.maxFieldBytes {
                    throw DecodingError(detail: "field \(part.target.name.prefix(64)) is longer than \(limits.maxFieldBytes) bytes")
                } else if part.bytes.readableBytes == 0 {
                    current?.bytes = bytes
                } else {
                    current?.bytes.writeBuffer(&bytes)
                }
            case .partEnd:
                guard let part = current else { return }
                current = nil
                if let file = part.file {
                    try fields.setFile(part.target.name, UploadedFile(filename: part.target.filename, content: .spooled(file)), limits: limits)
                } else if part.target.isFile {
                    try fields.setFile(part.target.name, UploadedFile(filename: part.target.filename, content: .bytes(part.bytes)), limits: limits)
                } else {
                    try fields.set(part.target.name, try FormFields.text(of: part.bytes, name: part.target.name, limits: limits), limits: limits)
                }
            }
        }
    }

    /// The field a part's `Content-Disposition` names, and whether the part is a file.
    fileprivate static func target(
        of headers: [(name: String, value: String)]
    ) throws(DecodingError) -> (name: String, filename: String?, isFile: Bool) {
        guard let disposition = headers.last(where: { $0.name.lowercased() == "content-disposition" })?.value else {
            throw DecodingError(detail: "multipart part without Content-Disposition")
        }
        let parameters = Self.dispositionParameters(disposition)
        guard let name = parameters["name"], !name.isEmpty else {
            throw DecodingError(detail: "multipart part without a name")
        }
        return (name, parameters["filename"], parameters["filename"] != nil)
    }

    fileprivate static func text(of body: ByteBuffer, name: String, limits: Limits) throws(DecodingError) -> String {
        guard body.readableBytes <= limits.maxFieldBytes else {
            throw DecodingError(detail: "field \(name.prefix(64)) is longer than \(limits.maxFieldBytes) bytes")
        }
        guard let value = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw DecodingError(detail: "field \(name.prefix(64)) is not valid UTF-8")
        }
        return value
    }

    /// `form-data; name="a"; filename="b.csv"` → `["name": "a", "filename": "b.csv"]`.
    static func dispositionParameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            result[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return result
    }
}
