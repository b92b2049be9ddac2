import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// The employees `userIDs` of the company, by id; ids of other companies are left out.
    public func complianceUsers(companyID: Int, userIDs: [Int]) async throws -> [ComplianceUser] {
        struct Row: Decodable {
            var id: Int
            var full_name: String
            var mark_number: String?
            var team_name: String?
            var birth_date: String?
            var cnp_sealed: String?
            var shift_work: Bool
            var team_shift_work: Bool?
        }
        var users: [ComplianceUser] = []
        var start = 0
        // Batches well below SQLite's and PostgreSQL's bind limits.
        while start < userIDs.count {
            let batch = userIDs[start..<min(start + 1000, userIDs.count)]
            start += batch.count
            let rows = try await readSQL().raw(
                """
                SELECT users.id, users.full_name, users.mark_number, teams.name AS team_name, users.birth_date, users.cnp_sealed, \
                users.shift_work, teams.shift_work AS team_shift_work FROM users LEFT JOIN teams ON teams.id = users.team_id \
                WHERE users.company_id = \(bind: companyID) AND users.id IN (\(binds: Array(batch))) ORDER BY users.id
                """
            ).all(decoding: Row.self)
            for row in rows {
                users.append(
                    ComplianceUser(
                        id: row.id, fullName: row.full_name, markNumber: row.mark_number, teamName: row.team_name,
                        birthDate: row.birth_date.flatMap { LocalDate(iso: $0) }, cnp: try protector.open(row.cnp_sealed),
                        shiftWork: row.shift_work || row.team_shift_work == true
                    )
                )
            }
        }
        return users.sorted { $0.id < $1.id }
    }

    /// The rules the company turned off.
    public func disabledComplianceRules(companyID: Int) async throws -> Set<ComplianceRule> {
        struct Row: Decodable { var compliance_disabled_rules: String }
        let row = try await readSQL().raw("SELECT compliance_disabled_rules FROM companies WHERE id = \(bind: companyID)").first(decoding: Row.self)
        return ComplianceRule.parseList(row?.compliance_disabled_rules ?? "").rules
    }

    /// Turns rules off (and every other rule on) for the company.
    public func setDisabledComplianceRules(_ rules: Set<ComplianceRule>, companyID: Int, actor: AuditActor) async throws {
        let text = ComplianceRule.format(rules)
        try await write { context in
            try await context.sql.raw("UPDATE companies SET compliance_disabled_rules = \(bind: text) WHERE id = \(bind: companyID)").run()
            context.audit(
                "company.compliance_rules", entity: "company", entityID: companyID, fields: ["compliance_disabled_rules"], detail: text,
                companyID: companyID, actor: actor
            )
        }
    }

    /// The company's teams by name, each with whether it works in shifts (art. 135(2)).
    public func teamShiftWork(companyID: Int) async throws -> [(name: String, shiftWork: Bool)] {
        struct Row: Decodable {
            var name: String
            var shift_work: Bool
        }
        let rows = try await readSQL().raw("SELECT name, shift_work FROM teams WHERE company_id = \(bind: companyID)").all(decoding: Row.self)
        return rows.map { ($0.name, $0.shift_work) }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// Sets shift work (art. 135(2)) for a team of the company; `false` when the company has no team of that name.
    public func setTeamShiftWork(_ shiftWork: Bool, teamName: String, companyID: Int, actor: AuditActor) async throws -> Bool {
        try await write { context in
            let row = try await context.sql.raw(
                "SELECT id FROM teams WHERE company_id = \(bind: companyID) AND name = \(bind: teamName)"
            ).first()
            guard let id = try row?.decode(column: "id", as: Int.self) else { return false }
            try await context.sql.raw("UPDATE teams SET shift_work = \(bind: shiftWork) WHERE id = \(bind: id)").run()
            context.audit(
                "team.shift_work", entity: "company", entityID: companyID, fields: ["shift_work"], detail: "\(teamName): \(shiftWork ? 1 : 0)",
                companyID: companyID, actor: actor
            )
            return true
        }
    }

    /// Sets shift work (art. 135(2)) for one employee of the company; `false` when the company has no such employee.
    public func setUserShiftWork(_ shiftWork: Bool, userID: Int, companyID: Int, actor: AuditActor) async throws -> Bool {
        try await write { context in
            let row = try await context.sql.raw("SELECT id FROM users WHERE company_id = \(bind: companyID) AND id = \(bind: userID)").first()
            guard row != nil else { return false }
            try await context.sql.raw("UPDATE users SET shift_work = \(bind: shiftWork) WHERE id = \(bind: userID)").run()
            context.audit(
                "user.shift_work", entity: "user", entityID: userID, fields: ["shift_work"], detail: shiftWork ? "1" : "0", companyID: companyID,
                actor: actor
            )
            return true
        }
    }
}

extension Store {
    /// The plans `dayPlans(userIDs:from:through:)` reads, the database packing each employee's into one row
    /// (`PackedDayPlans`), as `bareScans` packs scans: the Labour Code checks read months of plans for every employee,
    /// and one row per employee spares the driver a row of named columns per plan.
    public func packedDayPlans(userIDs: [Int], from: LocalDate, through: LocalDate) async throws -> [Int: [DayPlan]] {
        try await Self.packedDayPlans(userIDs: userIDs, from: from, through: through, on: readSQL())
    }

    /// ``packedDayPlans(userIDs:from:through:)`` on `sql`, so a write reads them in its own transaction.
    static func packedDayPlans(userIDs: [Int], from: LocalDate, through: LocalDate, on sql: any SQLDatabase) async throws -> [Int: [DayPlan]] {
        var plans: [Int: [DayPlan]] = [:]
        guard !userIDs.isEmpty else { return plans }
        let rows = try await sql.raw(
            """
            SELECT user_id, string_agg(format('%s|%s|%s|%s|%s|%s', date, type, break_minutes, shifts, overtime, time_off), ';' ORDER BY date) \
            AS packed FROM day_plans \
            WHERE user_id IN (\(binds: userIDs)) AND date >= \(bind: from.description) AND date <= \(bind: through.description) \
            GROUP BY user_id
            """
        ).all()
        plans.reserveCapacity(rows.count)
        for row in rows {
            guard let run = PackedDayPlans.parse(try row.decode(column: "packed", as: String.self)) else {
                throw StoreError.corruptRow(table: "day_plans")
            }
            plans[try row.decode(column: "user_id", as: Int.self)] = run
        }
        return plans
    }
}
