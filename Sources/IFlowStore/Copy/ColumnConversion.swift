import FluentSQLiteDriver
import Foundation
import SQLKit

/// How the values of one SQLite column become values of its PostgreSQL column.
///
/// FluentKit stores the same field differently on the two: a `.bool` is an integer 0/1 on SQLite and `boolean` on
/// PostgreSQL; a `.datetime` is a REAL of seconds since 1970 on SQLite and `timestamptz` on PostgreSQL; a `.uuid`,
/// `.dictionary` or `.enum` is text on SQLite and `uuid`, `jsonb` or an enum type on PostgreSQL. The conversion is
/// chosen by the target column's type, so a column a later migration adds is copied without changes here.
enum ColumnConversion: Equatable {
    case integer
    case real
    case boolean
    case text
    case timestamp
    /// A calendar date, which FluentKit stores on SQLite like a `.datetime` (midnight UTC).
    case date
    case bytes
    /// Text that PostgreSQL parses into the named type: `uuid`, `json`, `jsonb`, an enum.
    case cast(String)

    /// - Parameters:
    ///   - dataType: `information_schema.columns.data_type` of the target column.
    ///   - udtName: `information_schema.columns.udt_name`, the name of the type itself.
    /// - Returns: `nil` for a type this copy does not know (arrays, ranges, geometry…).
    init?(dataType: String, udtName: String) {
        switch dataType {
        case "smallint", "integer", "bigint": self = .integer
        case "real", "double precision", "numeric": self = .real
        case "boolean": self = .boolean
        case "text", "character varying", "character", "\"char\"": self = .text
        case "timestamp with time zone", "timestamp without time zone": self = .timestamp
        case "date": self = .date
        case "bytea": self = .bytes
        case "uuid", "json", "jsonb", "USER-DEFINED": self = .cast(udtName)
        default: return nil
        }
    }

    /// The expression that writes `value`; `nil` when the value does not fit the column.
    func expression(for value: SQLiteData) -> (any SQLExpression)? {
        if case .null = value { return SQLLiteral.null }
        switch self {
        case .integer:
            switch value {
            case .integer(let number): return SQLBind(Int64(number))
            case .float(let number) where number.rounded() == number && abs(number) < 9.0e18: return SQLBind(Int64(number))
            case .text(let text): return Int64(text).map { SQLBind($0) }
            default: return nil
            }
        case .real:
            switch value {
            case .float(let number): return SQLBind(number)
            case .integer(let number): return SQLBind(Double(number))
            case .text(let text): return Double(text).map { SQLBind($0) }
            default: return nil
            }
        case .boolean:
            switch value {
            case .integer(let number): return SQLBind(number != 0)
            case .float(let number): return SQLBind(number != 0)
            case .text(let text):
                switch text.lowercased() {
                case "1", "true", "t": return SQLBind(true)
                case "0", "false", "f": return SQLBind(false)
                default: return nil
                }
            default: return nil
            }
        case .text:
            return Self.text(value).map { SQLBind($0) }
        case .timestamp:
            return Date(sqliteData: value).map { SQLBind($0) }
        case .date:
            guard let date = Date(sqliteData: value) else { return nil }
            return SQLCast(SQLBind(Self.isoDay(date)), as: "date")
        case .bytes:
            switch value {
            case .blob(let buffer): return SQLBind(Data(buffer.readableBytesView))
            case .text(let text): return SQLBind(Data(text.utf8))
            default: return nil
            }
        case .cast(let type):
            return Self.text(value).map { SQLCast(SQLBind($0), as: type) }
        }
    }

    private static func text(_ value: SQLiteData) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .float(let number): String(number)
        case .blob(let buffer): String(validating: buffer.readableBytesView, as: UTF8.self)
        case .null: nil
        }
    }

    private static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
