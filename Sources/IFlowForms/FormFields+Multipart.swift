import Foundation
import NIOCore

extension FormFields {
    /// `multipart/form-data`: each part's `Content-Disposition` names the field; a part with a `filename` is a file.
    static func decodeMultipart(body: ByteBuffer, boundary: String, limits: Limits) throws(DecodingError) -> FormFields {
        let parts = try MultipartScanner(boundary: boundary, limits: limits).parts(of: body)
        var fields = FormFields()
        for part in parts {
            guard let disposition = part.headers.last(where: { $0.name.lowercased() == "content-disposition" })?.value else {
                throw DecodingError(detail: "multipart part without Content-Disposition")
            }
            let parameters = Self.dispositionParameters(disposition)
            guard let name = parameters["name"], !name.isEmpty else {
                throw DecodingError(detail: "multipart part without a name")
            }
            if let filename = parameters["filename"] {
                try fields.setFile(name, UploadedFile(filename: filename, content: part.body), limits: limits)
            } else {
                guard part.body.readableBytes <= limits.maxFieldBytes else {
                    throw DecodingError(detail: "field \(name.prefix(64)) is longer than \(limits.maxFieldBytes) bytes")
                }
                guard let value = String(validating: part.body.readableBytesView, as: UTF8.self) else {
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
