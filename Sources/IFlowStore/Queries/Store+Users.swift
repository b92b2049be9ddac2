import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Creates or updates the employee that `update` identifies.
    ///
    /// The request is first worked out on a read connection, beside the writer (on an SQLite file), so the one
    /// writer only runs a single `INSERT` or `UPDATE` for it (a new employee's row goes in through
    /// ``write(newUser:)``, on SQLite in one `INSERT` with the batch's other new employees). That insert does nothing
    /// when a unique index already holds one of its values, and that update nothing when the employee's `row_version`
    /// moved on since it was read; the request is then worked out again. A request that changes nothing writes
    /// nothing. After two attempts (many requests for the same employee at once) the request is worked out and applied
    /// inside one write transaction, with the row locked on PostgreSQL, where it cannot lose a race again.
    ///
    /// So two requests racing to create the same employee both end well (the second becomes an update), and a
    /// request never writes over a change it did not see: rules that read several fields (dates in order, unique
    /// values) hold for the row as written.
    public func applyUserUpdate(_ update: UserUpdate, companyID: Int, actor: AuditActor) async throws -> UserUpdateResult {
        for _ in 0..<2 {
            do {
                let plan = try await Self.planUserUpdate(update, companyID: companyID, protector: protector, lockingRow: false, on: readSQL())
                let teamID = plan.merge.employee.teamID
                if let stored = plan.stored, plan.merge.changed.isEmpty { return plan.result(id: stored.id, teamID: teamID) }
                if plan.stored == nil, plan.merge.missingTeam == nil {
                    // A new employee of a known team: one row, inserted with the batch's other new employees.
                    if let id = try await write(newUser: NewUserRow(plan, teamID: teamID, companyID: companyID, actor: actor)) {
                        return plan.result(id: id, teamID: teamID)
                    }
                    continue
                }
                let applied = try await write { context in
                    try await Self.applyUserUpdatePlan(plan, companyID: companyID, actor: actor, in: context)
                }
                if let applied { return applied }
            } catch let error where error.isConstraintFailure {
                // PostgreSQL's answer to a unique value another request took since: work it out again.
            }
        }
        for attempt in 1...5 {
            do {
                let applied = try await write { [protector] context -> UserUpdateResult? in
                    let plan = try await Self.planUserUpdate(update, companyID: companyID, protector: protector, lockingRow: true, on: context.sql)
                    if let stored = plan.stored, plan.merge.changed.isEmpty { return plan.result(id: stored.id, teamID: plan.merge.employee.teamID) }
                    return try await Self.applyUserUpdatePlan(plan, companyID: companyID, actor: actor, in: context)
                }
                if let applied { return applied }
                // Only PostgreSQL gets here: another transaction created the employee after this one looked.
            } catch let error where error.isConstraintFailure && attempt < 5 {}
        }
        throw UserUpdateContention()
    }

    /// Reads the employee `update` identifies and what the merge depends on, merges the request into them, and seals
    /// the columns that change, all against the rows `sql` sees.
    ///
    /// Plain SQL rather than the `User` model: on this hot path FluentKit's reflection over the model's property
    /// wrappers cost more CPU than the queries themselves.
    ///
    /// - Parameter lockingRow: On PostgreSQL, lock the employee's row until the transaction `sql` is in ends.
    static func planUserUpdate(
        _ update: UserUpdate, companyID: Int, protector: DataProtector, lockingRow: Bool, on sql: any SQLDatabase
    ) async throws -> UserUpdatePlan {
        // Each personal number's lookup hash once: a new employee's CNP is the key looked up, a column written, and
        // perhaps a value whose holder is looked for.
        var hashes: [String: String] = [:]
        func lookup(_ value: String) -> String {
            if let hash = hashes[value] { return hash }
            let hash = protector.lookup(value)
            hashes[value] = hash
            return hash
        }
        let keyColumn = User.column(for: update.updateBy.field)
        let keyMatch: SQLQueryString = """
            users.company_id = \(bind: companyID) AND users.\(unsafeRaw: keyColumn) = \(bind: lookup(update.updateByValue))
            """
        if lockingRow, sql.dialect.name == "postgresql" {
            // Until this transaction ends no other can change the employee, so applying cannot lose a race.
            _ = try await sql.raw("SELECT users.id FROM users WHERE \(keyMatch) FOR UPDATE").all()
        }
        // One statement reads all the request depends on: the employee (if any) with their team, the id of the team
        // the request names, and who else holds each unique value the request sets. One snapshot, and one round
        // trip instead of up to five.
        let uniqueValues = update.uniqueValues
        var query: SQLQueryString = "SELECT users.id, \(unsafeRaw: UserColumns.qualified), users.row_version, teams.name AS team_name"
        if case .some(.some(let name)) = update.teamName {
            query += ", (SELECT id FROM teams WHERE company_id = \(bind: companyID) AND name = \(bind: name)) AS requested_team_id"
        }
        for (field, value) in uniqueValues {
            let stored = UserColumns.sealed[field] == nil ? value : lookup(value)
            query += """
                , (SELECT other.id FROM users AS other WHERE other.company_id = \(bind: companyID) \
                AND other.\(unsafeRaw: User.column(for: field)) = \(bind: stored) AND (users.id IS NULL OR other.id <> users.id) LIMIT 1) \
                AS holder_\(unsafeRaw: field.rawValue)
                """
        }
        query += " FROM (SELECT 1 AS one) AS request LEFT JOIN users ON \(keyMatch) LEFT JOIN teams ON teams.id = users.team_id"
        // Prepared on PostgreSQL: its text depends only on the fields the request sends, so a client's requests share
        // a few texts, and planning this join was most of PostgreSQL's work for a request.
        guard let row = try await sql.frequentRows(query).first else { throw StoreError.corruptRow(table: "users") }
        var stored: (employee: Employee, id: Int, version: Int)?
        if try !row.decodeNil(column: "id") {
            stored = (
                try UserColumns.employee(from: row, teamName: try row.decode(column: "team_name", as: String?.self), protector: protector),
                try row.decode(column: "id", as: Int.self), try row.decode(column: "row_version", as: Int.self)
            )
        }
        var holders: Set<UserField> = []
        for (field, _) in uniqueValues where try !row.decodeNil(column: "holder_" + field.rawValue) { holders.insert(field) }
        var requestedTeamID: Int?
        if case .some(.some) = update.teamName { requestedTeamID = try row.decode(column: "requested_team_id", as: Int?.self) }

        let merge = try update.merge(into: stored?.employee, holders: holders, requestedTeamID: requestedTeamID).get()
        let employee = merge.employee
        var columns: [(String, any Encodable & Sendable)] = []
        if let before = stored?.employee {
            if employee.fullName != before.fullName { columns.append(("full_name", employee.fullName)) }
            if employee.isEnabled != before.isEnabled { columns.append(("is_enabled", employee.isEnabled)) }
            for field in UserField.textFields where employee.values[field] != before.values[field] {
                columns += try UserColumns.storage(of: field, employee.values[field], protector: protector, lookup: lookup)
            }
        } else {
            columns = [("full_name", employee.fullName), ("is_enabled", employee.isEnabled)]
            for field in UserField.textFields {
                guard let value = employee.values[field] else { continue }
                columns += try UserColumns.storage(of: field, value, protector: protector, lookup: lookup)
            }
        }
        return UserUpdatePlan(
            stored: stored.map { ($0.id, $0.version) },
            storedDates: stored.map { ($0.employee.values[.employmentDate], $0.employee.values[.disableDate]) }, merge: merge, columns: columns
        )
    }

    /// Writes `plan` and records it in the audit trail, or returns `nil` and writes nothing when the employee is no
    /// longer as planned: a unique index already holds a value being inserted, or the row version moved on.
    static func applyUserUpdatePlan(
        _ plan: UserUpdatePlan, companyID: Int, actor: AuditActor, in context: WriteContext
    ) async throws -> UserUpdateResult? {
        var teamID = plan.merge.employee.teamID
        if let name = plan.merge.missingTeam { teamID = try await findOrCreateTeam(name: name, companyID: companyID, in: context) }
        guard let stored = plan.stored else {
            let id = try await insertUser(NewUserRow(plan, teamID: teamID, companyID: companyID, actor: actor), in: context)
            return id.map { plan.result(id: $0, teamID: teamID) }
        }
        if let before = plan.storedDates, plan.merge.changed.contains(where: { $0 == "employment_date" || $0 == "disable_date" }) {
            let after = (plan.merge.employee.values[.employmentDate], plan.merge.employee.values[.disableDate])
            try await refuseLockedEmployment(from: before, to: after, companyID: companyID, on: context.sql)
        }
        var columns = plan.columns
        if plan.merge.teamChanged { columns.append(("team_id", teamID)) }
        columns.append(("updated_at", Date()))
        let sql = context.sql
        // SQLite's OR IGNORE turns a unique clash into "no row updated"; PostgreSQL raises it, and the caller
        // starts over.
        let verb = sql.dialect.name == "sqlite" ? "UPDATE OR IGNORE" : "UPDATE"
        // Column names are this file's own constants: written out, not escaped, on the writer's path.
        let assignments: [any SQLExpression] =
            columns.map { SQLQueryString("\(unsafeRaw: $0.0) = \(bind: $0.1)") } + [SQLRaw("row_version = row_version + 1")]
        let row = try await sql.raw(
            """
            \(unsafeRaw: verb) users SET \(SQLList(assignments)) \
            WHERE id = \(bind: stored.id) AND row_version = \(bind: stored.version) RETURNING id
            """
        ).first()
        guard let row else { return nil }
        let id = try row.decode(column: "id", as: Int.self)
        context.audit(
            "user.\(plan.merge.action.rawValue)", entity: "user", entityID: id, fields: plan.merge.changed, companyID: companyID, actor: actor
        )
        return plan.result(id: id, teamID: teamID)
    }

    /// Inserts one new employee and records it, or returns `nil` and writes nothing when a unique index already
    /// holds one of its values.
    static func insertUser(_ row: NewUserRow, in context: WriteContext) async throws -> Int? {
        guard let id = try await insertUsers([row], on: context.sql)[0] else { return nil }
        context.record(row.auditRow(id: id))
        return id
    }

    /// Inserts new employees, those with the same columns in one statement each, and returns each one's id, or `nil`
    /// where a unique index already held one of its values (nothing was inserted for it).
    static func insertUsers(_ rows: [NewUserRow], on sql: any SQLDatabase) async throws -> [Int?] {
        var ids = [Int?](repeating: nil, count: rows.count)
        let sameColumns = Dictionary(grouping: rows.indices) { rows[$0].columns.map(\.0).joined(separator: ", ") }
        for (columns, indices) in sameColumns {
            var start = indices.startIndex
            while start < indices.endIndex {
                // At most 200 rows a statement, well under SQLite's and PostgreSQL's limits on bound values.
                let chunk = indices[start..<min(start + 200, indices.endIndex)]
                start = chunk.endIndex
                let values = chunk.map { index -> any SQLExpression in SQLGroupExpression(SQLList(rows[index].columns.map { SQLBind($0.1) })) }
                let inserted = try await sql.raw(
                    """
                    INSERT INTO users (\(unsafeRaw: columns)) VALUES \(SQLList(values)) ON CONFLICT DO NOTHING \
                    RETURNING id, company_id, \(unsafeRaw: NewUserRow.uniqueColumns.joined(separator: ", "))
                    """
                ).all()
                // RETURNING's order is not promised: a row is found by its company and unique values, which no
                // other inserted row shares. Two requests for the same new employee in one statement have the same
                // ones, and only the first was inserted; the other gets nil, and is worked out again.
                for row in inserted {
                    let companyID = try row.decode(column: "company_id", as: Int.self)
                    let unique = try NewUserRow.uniqueColumns.map { try row.decode(column: $0, as: String?.self) }
                    guard let index = chunk.first(where: { ids[$0] == nil && rows[$0].companyID == companyID && rows[$0].unique == unique }) else {
                        throw StoreError.corruptRow(table: "users")
                    }
                    ids[index] = try row.decode(column: "id", as: Int.self)
                }
            }
        }
        return ids
    }

    /// The first key of the PostgreSQL advisory lock ``findOrCreateTeam(name:companyID:in:)`` takes (the second is
    /// the company's id): "iflow teams" as a number, unlikely to be another application's.
    static let teamCreationLock: Int32 = 0x1F10_7EA5

    /// The id of the company's team called `name`, created when missing. Teams are never deleted or renamed, so
    /// within a transaction an id found once holds for the writes that follow (the context's memo).
    static func findOrCreateTeam(name: String, companyID: Int, in context: WriteContext) async throws -> Int {
        if let id = context.teamID(companyID: companyID, name: name) { return id }
        // Called when the team was missing a moment ago, so insert first. A clash (on PostgreSQL, another transaction
        // just created it) inserts nothing, and the team is there to read instead of the request failing.
        let sql = context.sql
        if sql.dialect.name == "postgresql" {
            // One transaction at a time creates a company's teams, until it ends: two group-commit batches creating
            // teams X and Y in opposite orders otherwise wait on each other's new rows until PostgreSQL's deadlock
            // check (1 s) ends one of them (measured: the 32 requests in flight stalled 1 s at the start of a load).
            _ = try await sql.raw(
                "SELECT pg_advisory_xact_lock(\(unsafeRaw: String(Self.teamCreationLock)), CAST(\(bind: companyID) % 2147483647 AS integer))"
            ).all()
        }
        let inserted = try await sql.raw(
            """
            INSERT INTO teams (company_id, name, created_at) VALUES (\(bind: companyID), \(bind: name), \(bind: Date())) \
            ON CONFLICT (company_id, name) DO NOTHING RETURNING id
            """
        ).first()
        var row = inserted
        if row == nil { row = try await sql.raw("SELECT id FROM teams WHERE company_id = \(bind: companyID) AND name = \(bind: name)").first() }
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "teams") }
        context.remember(teamID: id, companyID: companyID, name: name)
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
