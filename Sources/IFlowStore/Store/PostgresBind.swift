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
        var result = ""
        result.reserveCapacity(sql.utf8.count + types.count * 8)
        var quote: Character?
        var index = sql.startIndex
        while index < sql.endIndex {
            let character = sql[index]
            index = sql.index(after: index)
            result.append(character)
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
                continue
            }
            guard character == "$" else { continue }
            let digits = sql[index...].prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { continue }
            guard let position = Int(digits), position >= 1, position <= types.count else { throw StoreError.unpreparable(column: "$" + digits) }
            result += digits
            result += "::"
            result += types[position - 1]
            index = digits.endIndex
        }
        return result
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
