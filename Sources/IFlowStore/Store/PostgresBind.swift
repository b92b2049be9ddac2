import FluentPostgresDriver
import Foundation

/// The values ``GuardedPostgresDatabase/preparedRows(_:)`` binds, as postgres-nio's `PostgresData`, and the types
/// its statement's text declares for them.
///
/// postgres-nio's `PreparedQuery` prepares a text without parameter types, leaving PostgreSQL to infer them, and it
/// infers `integer` for `$1` in `$1 + 1` although an `int8` is bound: the run then fails. Each placeholder of a
/// prepared text is therefore cast to the type of the value bound to it (``typed(_:types:)``), as postgres-nio declares
/// the types of its unnamed statements.
enum PostgresBind {
    /// `value` as PostgreSQL receives it, and its type: integers as `int8`, text, booleans, dates as `timestamptz`,
    /// and a `nil` of any of these as NULL of that type.
    ///
    /// - Throws: ``StoreError/unpreparable(column:)`` for any other type: a bug in the statement, never input.
    static func data(_ value: any Encodable & Sendable) throws -> (data: PostgresData, type: String) {
        switch value {
        case let value as Int: return (PostgresData(int: value), "int8")
        case let value as String: return (PostgresData(string: value), "text")
        case let value as Bool: return (PostgresData(bool: value), "bool")
        case let value as Date: return (PostgresData(date: value), "timestamptz")
        default:
            // What is left of the four is a nil (a wrapped value was cast above), typed by its optional.
            switch ObjectIdentifier(type(of: value)) {
            case ObjectIdentifier(Int?.self): return (.null, "int8")
            case ObjectIdentifier(String?.self): return (.null, "text")
            case ObjectIdentifier(Bool?.self): return (.null, "bool")
            case ObjectIdentifier(Date?.self): return (.null, "timestamptz")
            default: throw StoreError.unpreparable(column: "\(type(of: value))")
            }
        }
    }

    /// `sql` with each placeholder `$n` cast to `types[n - 1]` (`$1::int8`), leaving quoted text and identifiers as
    /// they are. For the store's own texts: it does not know comments, dollar quoting, `E''` escapes or a `$` inside
    /// an unquoted identifier, none of which they use.
    ///
    /// - Throws: ``StoreError/unpreparable(column:)`` for a placeholder with no type: a bug in the statement.
    static func typed(_ sql: String, types: [String]) throws -> String {
        // On the UTF-8 bytes: every prepared read runs this on its text, and the quote and digit characters are ASCII.
        var result: [UInt8] = []
        result.reserveCapacity(sql.utf8.count + types.count * 13)
        let bytes = Array(sql.utf8)
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            result.append(byte)
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
                continue
            }
            guard byte == UInt8(ascii: "$") else { continue }
            var end = index
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            guard end > index else { continue }
            let digits = bytes[index..<end]
            guard digits.count <= 5, let position = Int(String(decoding: digits, as: UTF8.self)), position >= 1, position <= types.count else {
                throw StoreError.unpreparable(column: "$" + String(decoding: digits, as: UTF8.self))
            }
            result += digits
            result += "::".utf8
            result += types[position - 1].utf8
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }
}
