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

    init(id: Int, teamID: Int?, teamName: String?, fullName: String, isEnabled: Bool, values: [UserField: String]) {
        self.id = id
        self.teamID = teamID
        self.teamName = teamName
        self.fullName = fullName
        self.isEnabled = isEnabled
        self.values = values
    }

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

/// A `users` row as `user/update` reads and writes it, with the personal numbers opened.
struct UserRow {
    var id: Int?
    var teamID: Int?
    var fullName: String
    var isEnabled: Bool
    var values: [UserField: String]

    /// The fields stored sealed (`<column>_sealed`), and whether they also have a lookup hash (`<column>_lookup`).
    static let sealed: [UserField: Bool] = [.cnp: true, .idCard: true, .bankAccount: false]

    static let columns = (["id", "team_id", "full_name", "is_enabled"] + UserField.textFields.map { sealed[$0] == nil ? $0.rawValue : $0.rawValue + "_sealed" })
        .joined(separator: ", ")

    init(fullName: String, isEnabled: Bool, values: [UserField: String]) {
        self.fullName = fullName
        self.isEnabled = isEnabled
        self.values = values
    }

    init(row: any SQLRow, protector: DataProtector) throws {
        id = try row.decode(column: "id", as: Int.self)
        teamID = try row.decode(column: "team_id", as: Int?.self)
        fullName = try row.decode(column: "full_name", as: String.self)
        isEnabled = try row.decode(column: "is_enabled", as: Bool.self)
        values = [:]
        for field in UserField.textFields {
            let column = Self.sealed[field] == nil ? field.rawValue : field.rawValue + "_sealed"
            guard let stored = try row.decode(column: column, as: String?.self) else { continue }
            values[field] = Self.sealed[field] == nil ? stored : try protector.open(stored)
        }
    }

    /// The columns and values that store `value` of `field`: sealed and hashed for personal numbers.
    static func storage(of field: UserField, _ value: String?, protector: DataProtector) throws -> [(String, any Encodable & Sendable)] {
        guard let hasLookup = sealed[field] else { return [(field.rawValue, value)] }
        var columns: [(String, any Encodable & Sendable)] = [(field.rawValue + "_sealed", try protector.seal(value))]
        if hasLookup { columns.append((field.rawValue + "_lookup", value.map { protector.lookup($0) })) }
        return columns
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
    /// Creates or updates the employee that `update` identifies, in one transaction (shared with concurrent writes on
    /// SQLite).
    ///
    /// Two requests racing to create the same employee both end well: the loser's insert hits the unique index, and
    /// its retry finds the winner's row and updates it.
    public func applyUserUpdate(_ update: UserUpdate, companyID: Int, actor: AuditActor) async throws -> UserUpdateResult {
        var attempt = 0
        while true {
            do {
                return try await write { [protector] db in
                    try await Self.applyUserUpdate(update, companyID: companyID, actor: actor, protector: protector, on: db)
                }
            } catch where (error.isConstraintFailure || error is ConcurrentCreation) && attempt < 5 {
                attempt += 1
            }
        }
    }

    // Plain SQL rather than the `User` model: on this hot path FluentKit's reflection over the model's property
    // wrappers cost more CPU than the queries themselves.
    private static func applyUserUpdate(
        _ update: UserUpdate, companyID: Int, actor: AuditActor, protector: DataProtector, on db: any Database
    ) async throws -> UserUpdateResult {
        let sql = db as! any SQLDatabase
        let keyField = update.updateBy.field
        let keyLookup = protector.lookup(update.updateByValue)
        let lookup: SQLQueryString = """
            SELECT \(unsafeRaw: UserRow.columns) FROM users \
            WHERE company_id = \(bind: companyID) AND \(unsafeRaw: User.column(for: keyField)) = \(bind: keyLookup) LIMIT 1
            """
        let stored = try await sql.raw(lookup).first().map { try UserRow(row: $0, protector: protector) }

        var user: UserRow
        let action: UserUpdateResult.Action
        if let stored {
            user = stored
            action = .updated
        } else {
            guard let fullName = update.fullName else { throw ValidationFailure(field: "full_name", check: .required) }
            user = UserRow(fullName: fullName, isEnabled: true, values: [keyField: update.updateByValue])
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
            guard user.values[field] != value else { continue }
            user.values[field] = value
            if !changed.contains(field.rawValue) { changed.append(field.rawValue) }
        }

        var issues: [ValidationIssue] = []
        for field in [UserField.cnp, .idCard, .rfidTag] {
            guard let value = user.values[field] else { continue }
            // A value the unique index already holds for this employee, or the identifier just looked up and not
            // found, cannot belong to anyone else: only new values need the query.
            if let stored, stored.values[field] == value { continue }
            if stored == nil, field == keyField, value == update.updateByValue { continue }
            let stored = UserRow.sealed[field] == nil ? value : protector.lookup(value)
            let other = try await sql.raw("""
                SELECT id FROM users WHERE company_id = \(bind: companyID) AND \(unsafeRaw: User.column(for: field)) = \(bind: stored) \
                AND id <> \(bind: user.id ?? 0) LIMIT 1
                """).first()
            if other != nil {
                let carrier = field == keyField && update.changes[field] == nil ? "update_by_value" : field.rawValue
                issues.append(ValidationIssue(field: carrier, check: .unique, parameters: ["entity": "employee"]))
            }
        }
        if let employment = user.values[.employmentDate], let disable = user.values[.disableDate], disable < employment,
            update.changes[.disableDate] != nil || update.changes[.employmentDate] != nil
        {
            issues.append(ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }
        // Under PostgreSQL's READ COMMITTED each statement sees the latest commits: a clash on a creation, when the
        // employee the lookup above did not find exists now, is a concurrent request that just created it; start
        // over, and this request becomes its update. (Without a clash, a later race ends on the unique index.)
        if action == .created, !issues.isEmpty, try await sql.raw(lookup).first() != nil { throw ConcurrentCreation() }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        var teamName: String?
        let teamBefore = user.teamID
        switch update.teamName {
        case .none:
            if let teamID = user.teamID {
                teamName = try await sql.raw("SELECT name FROM teams WHERE id = \(bind: teamID)").first()?.decode(column: "name", as: String.self)
            }
        case .some(.none):
            user.teamID = nil
        case .some(.some(let name)):
            user.teamID = try await findOrCreateTeam(name: name, companyID: companyID, on: sql)
            teamName = name
        }
        if user.teamID != teamBefore { changed.append("team_name") }

        let now = Date()
        if let stored, let id = stored.id {
            var assignments: [any SQLExpression] = []
            func assign(_ column: String, _ value: any Encodable & Sendable) {
                assignments.append(SQLBinaryExpression(SQLIdentifier(column), .equal, SQLBind(value)))
            }
            if user.teamID != stored.teamID { assign("team_id", user.teamID) }
            if user.fullName != stored.fullName { assign("full_name", user.fullName) }
            if user.isEnabled != stored.isEnabled { assign("is_enabled", user.isEnabled) }
            for field in UserField.textFields where user.values[field] != stored.values[field] {
                for (column, value) in try UserRow.storage(of: field, user.values[field], protector: protector) { assign(column, value) }
            }
            if !assignments.isEmpty {
                assign("updated_at", now)
                try await sql.raw("UPDATE users SET \(SQLList(assignments)) WHERE id = \(bind: id)").run()
            }
        } else {
            var columns = ["company_id", "team_id", "full_name", "is_enabled", "created_at", "updated_at"]
            var values: [any SQLExpression] = [
                SQLBind(companyID), SQLBind(user.teamID), SQLBind(user.fullName), SQLBind(user.isEnabled), SQLBind(now), SQLBind(now),
            ]
            for field in UserField.textFields {
                guard let value = user.values[field] else { continue }
                for (column, stored) in try UserRow.storage(of: field, value, protector: protector) {
                    columns.append(column)
                    values.append(SQLBind(stored))
                }
            }
            let row = try await sql.raw(
                "INSERT INTO users (\(unsafeRaw: columns.joined(separator: ", "))) VALUES (\(SQLList(values))) RETURNING id"
            ).first()
            user.id = try row?.decode(column: "id", as: Int.self)
        }
        guard let id = user.id else { throw StoreError.corruptRow(table: "users") }
        if !changed.isEmpty {
            try await audit("user.\(action.rawValue)", entity: "user", entityID: id, fields: changed, companyID: companyID, actor: actor, on: sql)
        }
        return UserUpdateResult(
            user: UserRecord(id: id, teamID: user.teamID, teamName: teamName, fullName: user.fullName, isEnabled: user.isEnabled, values: user.values),
            action: action
        )
    }

    /// The id of the company's team called `name`, created when missing. Teams are never deleted or renamed, so
    /// within a group-commit transaction an id found once holds for the writes that follow.
    static func findOrCreateTeam(name: String, companyID: Int, on sql: any SQLDatabase) async throws -> Int {
        let memoKey = "team \(companyID) \(name)"
        if let id = GroupCommit.memo?[memoKey] { return id }
        let id: Int
        if let row = try await sql.raw("SELECT id FROM teams WHERE company_id = \(bind: companyID) AND name = \(bind: name)").first() {
            id = try row.decode(column: "id", as: Int.self)
        } else {
            let row = try await sql.raw(
                "INSERT INTO teams (company_id, name, created_at) VALUES (\(bind: companyID), \(bind: name), \(bind: Date())) RETURNING id"
            ).first()
            guard let created = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "teams") }
            id = created
        }
        GroupCommit.memo?[memoKey] = id
        return id
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
