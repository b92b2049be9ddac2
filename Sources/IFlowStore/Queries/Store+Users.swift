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

    init(_ user: User, teamName: String?, protector: DataProtector) throws {
        id = try user.requireID()
        teamID = user.teamID
        self.teamName = teamName
        fullName = user.fullName
        isEnabled = user.isEnabled
        values = [:]
        for field in UserField.textFields {
            if let value = try user.value(of: field, protector: protector) { values[field] = value }
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

/// Another transaction created the employee this one was about to create.
private struct ConcurrentCreation: Error {}

extension Store {
    /// Creates or updates the employee that `update` identifies, in one transaction.
    ///
    /// Two requests racing to create the same employee both end well: the loser's insert hits the unique index, and
    /// its retry finds the winner's row and updates it.
    public func applyUserUpdate(_ update: UserUpdate, companyID: Int, actor: AuditActor) async throws -> UserUpdateResult {
        var attempt = 0
        while true {
            do {
                return try await database().transaction { [protector] db in
                    try await Self.applyUserUpdate(update, companyID: companyID, actor: actor, protector: protector, on: db)
                }
            } catch where (error.isConstraintFailure || error is ConcurrentCreation) && attempt < 5 {
                attempt += 1
            }
        }
    }

    private static func applyUserUpdate(
        _ update: UserUpdate, companyID: Int, actor: AuditActor, protector: DataProtector, on db: any Database
    ) async throws -> UserUpdateResult {
        let keyField = update.updateBy.field
        let lookup = User.query(on: db)
            .filter(\.$companyID == companyID)
            .filter(.path([.string(User.column(for: keyField))], schema: User.schema), .equal, .bind(protector.lookup(update.updateByValue)))
        let existing = try await lookup.copy().first()

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
            try user.set(keyField, to: update.updateByValue, protector: protector)
            action = .created
        }

        var changed: [String] = []
        if let fullName = update.fullName, action == .created || user.fullName != fullName {
            user.fullName = fullName
            changed.append(UserField.fullName.rawValue)
        }
        if let isEnabled = update.isEnabled, action == .created || user.isEnabled != isEnabled {
            user.isEnabled = isEnabled
            changed.append(UserField.isEnabled.rawValue)
        }
        if action == .created { changed.append(keyField.rawValue) }
        for field in UserField.textFields {
            guard let value = update.changes[field] else { continue }
            // On creation the identifier comes from update_by_value; clearing it in the same request would create a
            // user the next sync cannot find.
            if action == .created, field == keyField, value == nil { continue }
            guard try user.value(of: field, protector: protector) != value else { continue }
            try user.set(field, to: value, protector: protector)
            if !changed.contains(field.rawValue) { changed.append(field.rawValue) }
        }

        var issues: [ValidationIssue] = []
        for (field, value) in [(UserField.cnp, user.cnpLookup), (.idCard, user.idCardLookup), (.rfidTag, user.rfidTag)] {
            guard let value else { continue }
            var query = User.query(on: db)
                .filter(\.$companyID == companyID)
                .filter(.path([.string(User.column(for: field))], schema: User.schema), .equal, .bind(value))
            if let id = user.id { query = query.filter(\.$id != id) }
            if try await query.count() > 0 {
                let carrier = field == keyField && update.changes[field] == nil ? "update_by_value" : field.rawValue
                issues.append(ValidationIssue(field: carrier, check: .unique, parameters: ["entity": "employee"]))
            }
        }
        if let employment = user.employmentDate, let disable = user.disableDate, disable < employment,
            update.changes[.disableDate] != nil || update.changes[.employmentDate] != nil
        {
            issues.append(ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }
        // Under PostgreSQL's READ COMMITTED each statement sees the latest commits: a clash on a creation, when the
        // employee the lookup above did not find exists now, is a concurrent request that just created it; start
        // over, and this request becomes its update. (Without a clash, a later race ends on the unique index.)
        if action == .created, !issues.isEmpty, try await lookup.count() > 0 { throw ConcurrentCreation() }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        var teamName: String?
        let teamBefore = user.teamID
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
        if user.teamID != teamBefore { changed.append("team_name") }

        try await user.save(on: db)
        if !changed.isEmpty {
            try await audit(
                "user.\(action.rawValue)", entity: "user", entityID: try user.requireID(), fields: changed, companyID: companyID, actor: actor,
                on: db as! any SQLDatabase
            )
        }
        return UserUpdateResult(user: try UserRecord(user, teamName: teamName, protector: protector), action: action)
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
        if let cnp = filter.cnp { query = query.filter(\.$cnpLookup == protector.lookup(cnp)) }
        if let idCard = filter.idCard { query = query.filter(\.$idCardLookup == protector.lookup(idCard)) }
        let total = try await query.copy().count()
        let users = try await query.sort(\.$id).range(filter.offset..<(filter.offset + filter.limit)).all()
        let teamNames = try await self.teamNames(companyID: companyID, on: db)
        return (try users.map { try UserRecord($0, teamName: $0.teamID.flatMap { teamNames[$0] }, protector: protector) }, total)
    }

    func teamNames(companyID: Int, on db: any Database) async throws -> [Int: String] {
        var names: [Int: String] = [:]
        for team in try await Team.query(on: db).filter(\.$companyID == companyID).all() {
            if let id = team.id { names[id] = team.name }
        }
        return names
    }
}
