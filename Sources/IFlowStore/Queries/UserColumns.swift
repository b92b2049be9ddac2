import Foundation
import IFlowCore
import SQLKit

/// The `users` columns `user/update` reads and writes: personal numbers sealed, and hashed when they identify someone.
enum UserColumns {
    /// The fields stored sealed (`<column>_sealed`), and whether they also have a lookup hash (`<column>_lookup`).
    static let sealed: [UserField: Bool] = [.cnp: true, .idCard: true, .bankAccount: false]

    /// The columns `employee(from:teamName:protector:)` reads, each prefixed with `users.`.
    static let qualified = (["team_id", "full_name", "is_enabled"] + UserField.textFields.map(column))
        .map { "users." + $0 }.joined(separator: ", ")

    /// The column that stores `field` as read back: the sealed one for personal numbers.
    static func column(_ field: UserField) -> String {
        sealed[field] == nil ? field.rawValue : field.rawValue + "_sealed"
    }

    /// The employee a row read with ``qualified`` holds, with the personal numbers opened.
    static func employee(from row: any SQLRow, teamName: String?, protector: DataProtector) throws -> Employee {
        var employee = Employee(
            fullName: try row.decode(column: "full_name", as: String.self), isEnabled: try row.decode(column: "is_enabled", as: Bool.self),
            teamID: try row.decode(column: "team_id", as: Int?.self), teamName: teamName
        )
        for field in UserField.textFields {
            guard let stored = try row.decode(column: column(field), as: String?.self) else { continue }
            employee.values[field] = sealed[field] == nil ? stored : try protector.open(stored)
        }
        return employee
    }

    /// The columns and values that store `value` of `field`: sealed, and hashed with `lookup` for personal numbers.
    static func storage(
        of field: UserField, _ value: String?, protector: DataProtector, lookup: (String) -> String
    ) throws -> [(String, any Encodable & Sendable)] {
        guard let hasLookup = sealed[field] else { return [(field.rawValue, value)] }
        var columns: [(String, any Encodable & Sendable)] = [(field.rawValue + "_sealed", try protector.seal(value))]
        if hasLookup { columns.append((field.rawValue + "_lookup", value.map(lookup))) }
        return columns
    }
}
