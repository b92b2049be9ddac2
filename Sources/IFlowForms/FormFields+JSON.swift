import Foundation
import NIOCore

extension FormFields {
    /// `application/json`: one object whose members are fields. Numbers and booleans become their text (`true` → `1`),
    /// `null` an empty value (which clears an optional field), as if the same request had been sent as a form.
    static func decodeJSON(body: ByteBuffer, limits: Limits) throws(DecodingError) -> FormFields {
        let object: [String: JSONScalar]
        do {
            object = try JSONDecoder().decode([String: JSONScalar].self, from: Data(body.readableBytesView))
        } catch {
            throw DecodingError(detail: "the body must be a JSON object of strings, numbers, booleans or nulls")
        }
        var fields = FormFields()
        for (name, value) in object {
            try fields.set(name, value.text, limits: limits)
        }
        return fields
    }
}

/// One member of a JSON request body, as the text a form would have carried.
private struct JSONScalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "1" : "0"
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else {
            text = String(try container.decode(Double.self))
        }
    }
}
