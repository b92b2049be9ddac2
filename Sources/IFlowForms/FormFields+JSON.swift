import Foundation
import NIOCore

extension FormFields {
    /// `application/json`: one object whose members are fields. Numbers and booleans become their text (`true` → `1`),
    /// `null` an empty value (which clears an optional field), as if the same request had been sent as a form. A member
    /// that is an array of objects of such values becomes the fields a form names `name[0][key]`, `name[1][key]`, … (an
    /// empty array the empty field `name`), so a request type reads one shape whichever encoding came.
    static func decodeJSON(body: ByteBuffer, limits: Limits) throws(DecodingError) -> FormFields {
        let object: [String: JSONMember]
        do {
            object = try JSONDecoder().decode([String: JSONMember].self, from: Data(body.readableBytesView))
        } catch {
            throw DecodingError(detail: "the body must be a JSON object of strings, numbers, booleans, nulls or arrays of objects of those")
        }
        var fields = FormFields()
        for (name, member) in object {
            switch member {
            case .scalar(let value):
                try fields.set(name, value.text, limits: limits)
            case .rows(let rows):
                if rows.isEmpty { try fields.set(name, "", limits: limits) }
                for (index, row) in rows.enumerated() {
                    for (key, value) in row { try fields.set("\(name)[\(index)][\(key)]", value.text, limits: limits) }
                }
            }
        }
        return fields
    }
}

/// One member of a JSON request body: a scalar, or a list of objects of scalars (an offline terminal's `csv_data`).
private enum JSONMember: Decodable {
    case scalar(JSONScalar)
    case rows([[String: JSONScalar]])

    init(from decoder: any Decoder) throws {
        if let rows = try? [[String: JSONScalar]](from: decoder) {
            self = .rows(rows)
        } else {
            self = .scalar(try JSONScalar(from: decoder))
        }
    }
}

/// One scalar of a JSON request body, as the text a form would have carried.
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
