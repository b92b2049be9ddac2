import FluentKit
import Foundation
import IFlowCore
import SQLKit

/// An employee as the API returns it.
public struct UserRecord: Sendable, Equatable {
    public var id: Int
    public var teamID: Int?
    public var teamName: String?
    public var fullName: String
    public var isEnabled: Bool
    public var values: [UserField: String]

    init(_ user: User, teamName: String?) throws {
        id = try user.requireID()
        teamID = user.teamID
        self.teamName = teamName
        fullName = user.fullName
        isEnabled = user.isEnabled
        values = [:]
        for field in UserField.textFields {
            if let value = user[field] { values[field] = value }
        }
    }
}

/// The outcome of `/api_v2/user/update`.
public struct UserUpdateResult: Sendable {
    public enum Action: String, Sendable {
        case created
        case updated
    }

    public var user: UserRecord
    public var action: Action
}

/// Filters of `/api_v2/user/get_list`.
public struct UserListFilter: Sendable {
    public var teamName: String?
    public var isEnabled: Bool?
    public var cnp: String?
    public var idCard: String?
    public var limit = 100
    public var offset = 0

    public init() {}
}

extension Store {
    /// Creates or updates the employee that `update` identifies, in one transaction.
    ///
    /// Two requests racing to create the same employee both end well: the loser's insert hits the unique index (or its
    /// uniqueness check already sees the winner's row), and its retry finds the winner's row and updates it.
    public func applyUserUpdate(_ update: UserUpdate, companyID: Int) async throws -> UserUpdateResult {
        var attempt = 0
        while true {
            do {
                return try await database().transaction { db in
                    try await Self.applyUserUpdate(update, companyID: companyID, on: db)
                }
            } catch where (error.isConstraintFailure || error is CreationRace) && attempt < 5 {
                attempt += 1
            } catch is CreationRace {
                throw ValidationFailure(field: "update_by_value", check: .unique, parameters: ["entity": "employee"])
            }
        }
    }

    /// The employee this request was creating appeared after its lookup: another request created it meanwhile.
    private struct CreationRace: Error {}

    private static func applyUserUpdate(_ update: UserUpdate, companyID: Int, on db: any Database) async throws -> UserUpdateResult {
        let keyField = update.updateBy.field
        let existing = try await User.query(on: db)
            .filter(\.$companyID == companyID)
            .filter(.path([.string(keyField.rawValue)], schema: User.schema), .equal, .bind(update.updateByValue))
            .first()

        let user: User
        let action: UserUpdateResult.Action
        if let existing {
            user = existing
            action = .updated
        } else {
            guard update.fullName != nil else { throw ValidationFailure(field: "full_name", check: .required) }
            user = User()
            user.companyID = companyID
            user.isEnabled = true
            user[keyField] = update.updateByValue
            action = .created
        }

        if let fullName = update.fullName { user.fullName = fullName }
        if let isEnabled = update.isEnabled { user.isEnabled = isEnabled }
        for (field, value) in update.changes {
            // On creation the identifier comes from update_by_value; clearing it in the same request would create a
            // user the next sync cannot find.
            if action == .created, field == keyField, value == nil { continue }
            user[field] = value
        }

        var issues: [ValidationIssue] = []
        for field in [UserField.cnp, .idCard, .rfidTag] {
            guard let value = user[field] else { continue }
            var query = User.query(on: db)
                .filter(\.$companyID == companyID)
                .filter(.path([.string(field.rawValue)], schema: User.schema), .equal, .bind(value))
            if let id = user.id { query = query.filter(\.$id != id) }
            if try await query.count() > 0 {
                // PostgreSQL's READ COMMITTED shows this check a row committed after the lookup found none.
                if action == .created, field == keyField, value == update.updateByValue { throw CreationRace() }
                let carrier = field == keyField && update.changes[field] == nil ? "update_by_value" : field.rawValue
                issues.append(ValidationIssue(field: carrier, check: .unique, parameters: ["entity": "employee"]))
            }
        }
        if let employment = user.employmentDate, let disable = user.disableDate, disable < employment,
            update.changes[.disableDate] != nil || update.changes[.employmentDate] != nil
        {
            issues.append(ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        var teamName: String?
        switch update.teamName {
        case .none:
            if let teamID = user.teamID { teamName = try await Team.find(teamID, on: db)?.name }
        case .some(.none):
            user.teamID = nil
        case .some(.some(let name)):
            let team = try await findOrCreateTeam(name: name, companyID: companyID, on: db)
            user.teamID = try team.requireID()
            teamName = team.name
        }

        try await user.save(on: db)
        return UserUpdateResult(user: try UserRecord(user, teamName: teamName), action: action)
    }

    static func findOrCreateTeam(name: String, companyID: Int, on db: any Database) async throws -> Team {
        if let team = try await Team.query(on: db).filter(\.$companyID == companyID).filter(\.$name == name).first() {
            return team
        }
        let team = Team(companyID: companyID, name: name)
        try await team.create(on: db)
        return team
    }

    /// The company's employees, filtered and paged, with the total that matched.
    public func users(companyID: Int, filter: UserListFilter) async throws -> (users: [UserRecord], total: Int) {
        let db = try database()
        var query = User.query(on: db).filter(\.$companyID == companyID)
        if let teamName = filter.teamName {
            guard let team = try await Team.query(on: db).filter(\.$companyID == companyID).filter(\.$name == teamName).first() else {
                return ([], 0)
            }
            query = query.filter(\.$teamID == team.id)
        }
        if let isEnabled = filter.isEnabled { query = query.filter(\.$isEnabled == isEnabled) }
        if let cnp = filter.cnp { query = query.filter(\.$cnp == cnp) }
        if let idCard = filter.idCard { query = query.filter(\.$idCard == idCard) }
        let total = try await query.copy().count()
        let users = try await query.sort(\.$id).range(filter.offset..<(filter.offset + filter.limit)).all()
        let teamNames = try await self.teamNames(companyID: companyID, on: db)
        return (try users.map { try UserRecord($0, teamName: $0.teamID.flatMap { teamNames[$0] }) }, total)
    }

    func teamNames(companyID: Int, on db: any Database) async throws -> [Int: String] {
        var names: [Int: String] = [:]
        for team in try await Team.query(on: db).filter(\.$companyID == companyID).all() {
            if let id = team.id { names[id] = team.name }
        }
        return names
    }
}
