import Foundation
import NIOCore

extension FormFields {
    /// `multipart/form-data`: each part's `Content-Disposition` names the field; a part with a `filename` is a file.
    static func decodeMultipart(body: ByteBuffer, boundary: String, limits: Limits) throws(DecodingError) -> FormFields {
        var scanner = MultipartScanner(boundary: boundary, limits: limits)
        let fields = MultipartFields(limits: limits, spooling: false)
        do {
            try scanner.feed(body, fields.handle)
            try scanner.finish(fields.handle)
            return fields.fields
        } catch let error as DecodingError {
            throw error
        } catch {
            // Only spooling writes files, and only that can fail otherwise.
            throw DecodingError(detail: "malformed multipart body")
        }
    }

    /// Thrown by ``decodeMultipart(streaming:contentType:maxBytes:limits:)`` for a body longer than `maxBytes`.
    public struct BodyTooLarge: Error {}

    /// A `multipart/form-data` body read as it arrives: fields are held (within `limits`), the file is written to a
    /// ``SpooledFile`` as its bytes come, so what a large upload costs in memory is one piece of the body. One file
    /// part at most (an upload is one file; each spooled file holds a descriptor until the request ends). Otherwise
    /// it decodes what ``decode(body:contentType:limits:)`` decodes and refuses what it refuses, with the same detail
    /// wherever the pieces cut the body.
    ///
    /// - Throws: ``DecodingError``, ``BodyTooLarge`` past `maxBytes`, ``SpooledFile/Failure`` when the temporary file
    ///   cannot be written, or what `body` throws.
    public static func decodeMultipart(
        streaming body: some AsyncSequence<ByteBuffer, some Error>, contentType: String?, maxBytes: Int, limits: Limits = .init()
    ) async throws -> FormFields {
        guard let boundary = contentType.flatMap(Self.boundary(in:)) else {
            throw DecodingError(detail: "multipart/form-data without a boundary")
        }
        var scanner = MultipartScanner(boundary: boundary, limits: limits)
        let fields = MultipartFields(limits: limits, spooling: true)
        var received = 0
        for try await piece in body {
            received += piece.readableBytes
            guard received <= maxBytes else { throw BodyTooLarge() }
            try scanner.feed(piece, fields.handle)
        }
        try scanner.finish(fields.handle)
        return fields.fields
    }

    /// The fields of a multipart body, from the scanner's events: files in memory or, `spooling`, in a
    /// ``SpooledFile``. A class, so the scanner (a value the caller mutates) can hand it events.
    private final class MultipartFields {
        let limits: Limits
        let spooling: Bool
        var fields = FormFields()
        var target: (name: String, filename: String?, isFile: Bool)?
        var bytes = ByteBuffer()
        var file: SpooledFile?
        var spooledFiles = 0

        init(limits: Limits, spooling: Bool) {
            self.limits = limits
            self.spooling = spooling
        }

        func handle(_ event: MultipartScanner.Event) throws {
            switch event {
            case .part(let headers):
                let target = try FormFields.target(of: headers)
                self.target = target
                bytes = ByteBuffer()
                file = nil
                if target.isFile && spooling {
                    guard spooledFiles == 0 else { throw DecodingError(detail: "more than one file") }
                    spooledFiles += 1
                    file = try SpooledFile()
                }
            case .body(var piece):
                guard let target else { return }
                if let file {
                    try file.append(piece)
                } else if !target.isFile, bytes.readableBytes + piece.readableBytes > limits.maxFieldBytes {
                    throw DecodingError(detail: "field \(target.name.prefix(64)) is longer than \(limits.maxFieldBytes) bytes")
                } else if bytes.readableBytes == 0 {
                    bytes = piece
                } else {
                    bytes.writeBuffer(&piece)
                }
            case .partEnd:
                guard let target else { return }
                self.target = nil
                if let file {
                    self.file = nil
                    try file.flush()
                    try fields.setFile(target.name, UploadedFile(filename: target.filename, content: .spooled(file)), limits: limits)
                } else if target.isFile {
                    try fields.setFile(target.name, UploadedFile(filename: target.filename, content: .bytes(bytes)), limits: limits)
                } else {
                    try fields.set(target.name, try FormFields.text(of: bytes, name: target.name, limits: limits), limits: limits)
                }
                bytes = ByteBuffer()
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
