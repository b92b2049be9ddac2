import MultipartKit
import NIOCore

extension FormFields {
    /// `multipart/form-data`: each part's `Content-Disposition` names the field; a part with a `filename` is a file.
    static func decodeMultipart(body: ByteBuffer, boundary: String, limits: Limits) throws(DecodingError) -> FormFields {
        // MultipartKit's parser accepts a body that simply stops; a complete body ends with the closing delimiter.
        let closing = Array("--\(boundary)--".utf8)
        guard body.readableBytesView.firstRange(of: closing) != nil else {
            throw DecodingError(detail: "multipart body is incomplete")
        }
        final class Collector {
            var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
            var headers: [(String, String)] = []
            var body = ByteBuffer()
            var headerBytes = 0
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            collector.headerBytes += name.utf8.count + value.utf8.count
            collector.headers.append((name, value))
        }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            collector.parts.append((collector.headers, collector.body))
            collector.headers = []
            collector.body = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw DecodingError(detail: "malformed multipart body")
        }
        guard collector.headerBytes <= limits.maxFieldBytes else { throw DecodingError(detail: "multipart headers too large") }

        var fields = FormFields()
        for part in collector.parts {
            guard let disposition = part.headers.last(where: { $0.0.lowercased() == "content-disposition" })?.1 else {
                throw DecodingError(detail: "multipart part without Content-Disposition")
            }
            let parameters = Self.dispositionParameters(disposition)
            guard let name = parameters["name"], !name.isEmpty else {
                throw DecodingError(detail: "multipart part without a name")
            }
            if let filename = parameters["filename"] {
                try fields.setFile(name, UploadedFile(filename: filename, content: part.body), limits: limits)
            } else {
                guard let value = part.body.getString(at: part.body.readerIndex, length: part.body.readableBytes),
                    String(validating: part.body.readableBytesView, as: UTF8.self) != nil
                else {
                    throw DecodingError(detail: "field \(name.prefix(64)) is not valid UTF-8")
                }
                try fields.set(name, value, limits: limits)
            }
        }
        return fields
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
