import Foundation
import IFlowCore

/// The company's employees by each identifier a schedule row may use.
public struct UserDirectory: Sendable {
    let protector: DataProtector
    public var ids: Set<Int> = []
    /// Keyed by lookup hash.
    public var byCNP: [String: [Int]] = [:]
    public var byIDCard: [String: [Int]] = [:]
    public var byMarkNumber: [String: [Int]] = [:]

    /// How many employees `selector` names: one is the employee.
    public func resolve(_ selector: UserSelector) -> EmployeeMatch {
        switch selector {
        case .cnp(let value): Self.match(byCNP[protector.lookup(value)] ?? [])
        case .idCard(let value): Self.match(byIDCard[protector.lookup(value)] ?? [])
        case .markNumber(let value): Self.match(byMarkNumber[value] ?? [])
        case .userID(let id): ids.contains(id) ? .found(id) : .notFound
        }
    }

    /// The employees an identifier matched: one is the employee; none or several is not.
    static func match(_ matches: [Int]) -> EmployeeMatch {
        switch matches.count {
        case 1: .found(matches[0])
        case 0: .notFound
        default: .ambiguous
        }
    }
}
