import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// How many employees of the company `selector` names: one is the employee.
    public func findUser(_ selector: UserSelector, companyID: Int) async throws -> EmployeeMatch {
        var query = User.query(on: try database()).filter(\.$companyID == companyID)
        switch selector {
        case .cnp(let cnp): query = query.filter(\.$cnpLookup == protector.lookup(cnp))
        case .idCard(let idCard): query = query.filter(\.$idCardLookup == protector.lookup(idCard))
        case .markNumber(let mark): query = query.filter(\.$markNumber == mark)
        case .userID(let id): query = query.filter(\.$id == id)
        }
        return UserDirectory.match(try await query.limit(2).all(\.$id).compactMap { $0 })
    }

    /// Replaces whatever the employee's date held with `plan`, atomically, with its audit record.
    ///
    /// Throws ``PlanOverlapRefusal`` and writes nothing when `plan` overlaps the stored plan of the day before or
    /// after, read in the write with the employee locked (`calculator` reads the times on the company's clock).
    /// A `reason` (a web correction's) follows the date in the audit record's detail.
    public func setDay(
        _ plan: DayPlan, userID: Int, companyID: Int, calculator: ScheduleCalculator, reason: String? = nil, actor: AuditActor
    ) async throws {
        try await write { context in
            try await Self.refuseLockedPlans([(userID, plan)], companyID: companyID, on: context.sql)
            try await Self.refuseOverlaps([(userID, plan)], companyID: companyID, calculator: calculator, on: context.sql)
            try await Self.upsertPlans([(userID, plan)], companyID: companyID, on: context.sql)
            context.audit(
                "schedule.set_day", entity: "user", entityID: userID, fields: ["type", "shifts", "break_minutes", "overtime", "time_off"],
                detail: plan.date.description + (reason.map { ": " + $0 } ?? ""), companyID: companyID, actor: actor
            )
        }
    }

    /// Throws ``PlanOverlapRefusal`` when `plans` overlap each other or the stored neighbour days.
    ///
    /// The employees' rows are locked first (on PostgreSQL, in id order, so concurrent writes cannot deadlock; SQLite's
    /// single writer already runs one write at a time), so a concurrent write of a neighbour day waits for this one and
    /// then reads what it wrote.
    static func refuseOverlaps(
        _ plans: [(userID: Int, plan: DayPlan)], companyID: Int, calculator: ScheduleCalculator, on sql: any SQLDatabase
    ) async throws {
        guard let first = plans.map(\.plan.date).min(), let last = plans.map(\.plan.date).max() else { return }
        let userIDs = Set(plans.map(\.userID)).sorted()
        var stored: [Int: [DayPlan]] = [:]
        // Batches well below SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: userIDs.count, by: 1000) {
            let batch = Array(userIDs[start..<min(start + 1000, userIDs.count)])
            var lock: SQLQueryString = "SELECT id FROM users WHERE company_id = \(bind: companyID) AND id IN (\(binds: batch)) ORDER BY id"
            if sql.dialect.name == "postgresql" { lock += " FOR UPDATE" }
            guard try await sql.raw(lock).all().count == batch.count else { throw StoreError.notInCompany(table: "users") }
            let read = try await dayPlans(userIDs: batch, from: first.adding(days: -1), through: last.adding(days: 1), on: sql)
            stored.merge(read) { old, _ in old }
        }
        let conflicts = PlanOverlap.conflicts(of: plans, stored: stored, calculator: calculator)
        guard conflicts.isEmpty else { throw PlanOverlapRefusal(conflicts: conflicts) }
    }

    private static func upsertPlans(_ plans: some Collection<(userID: Int, plan: DayPlan)>, companyID: Int, on sql: any SQLDatabase) async throws {
        guard !plans.isEmpty else { return }
        let now = Date()
        var insert = sql.insert(into: "day_plans")
            .columns("company_id", "user_id", "date", "type", "shifts", "break_minutes", "overtime", "time_off", "updated_at")
        for (userID, plan) in plans {
            insert = insert.values(
                SQLBind(companyID), SQLBind(userID), SQLBind(plan.date.description), SQLBind(plan.type.rawValue),
                SQLBind(TimeRangeList.format(plan.shifts)), SQLBind(plan.breakMinutes), SQLBind(TimeRangeList.format(plan.overtime)),
                SQLBind(TimeRangeList.format(plan.timeOff)), SQLBind(now)
            )
        }
        try await insert.onConflict(with: ["user_id", "date"]) { update in
            update.set(excludedValueOf: "type").set(excludedValueOf: "shifts").set(excludedValueOf: "break_minutes")
                .set(excludedValueOf: "overtime").set(excludedValueOf: "time_off").set(excludedValueOf: "updated_at")
        }.run()
    }

    /// Every employee of the company, indexed by each way a schedule row can name them.
    public func userDirectory(companyID: Int) async throws -> UserDirectory {
        struct Row: Decodable {
            var id: Int
            var cnp_lookup: String?
            var id_card_lookup: String?
            var mark_number: String?
        }
        let rows = try await sql().select().columns("id", "cnp_lookup", "id_card_lookup", "mark_number").from("users")
            .where("company_id", .equal, companyID).all(decoding: Row.self)
        var directory = UserDirectory(protector: protector)
        for row in rows {
            directory.ids.insert(row.id)
            if let cnp = row.cnp_lookup { directory.byCNP[cnp, default: []].append(row.id) }
            if let idCard = row.id_card_lookup { directory.byIDCard[idCard, default: []].append(row.id) }
            if let mark = row.mark_number { directory.byMarkNumber[mark, default: []].append(row.id) }
        }
        return directory
    }

    /// The employees a month's report lists: employed during the month, enabled unless `includeDisabled`, by id.
    public func reportUsers(companyID: Int, month: (year: Int, month: Int), filter: ReportFilter) async throws -> [ReportUser] {
        let first = LocalDate(year: month.year, month: month.month, day: 1)!
        let last = LocalDate(year: month.year, month: month.month, day: LocalDate.daysIn(month: month.month, year: month.year))!
        return try await reportUsers(companyID: companyID, from: first, through: last, filter: filter)
    }

    /// The employees employed on some date from `first` through `last`, enabled unless `includeDisabled`, by id.
    public func reportUsers(companyID: Int, from first: LocalDate, through last: LocalDate, filter: ReportFilter) async throws -> [ReportUser] {
        // Hand-written SQL, like the other queries a report makes per request: SQLKit's builder spends more time
        // quoting identifiers than SQLite spends running these.
        var query: SQLQueryString = """
            SELECT users.id, users.full_name, users.cnp_sealed, users.id_card_sealed, users.mark_number, users.job_title, teams.name AS team_name \
            FROM users LEFT JOIN teams ON teams.id = users.team_id \
            WHERE users.company_id = \(bind: companyID) \
            AND (users.employment_date IS NULL OR users.employment_date <= \(bind: last.description)) \
            AND (users.disable_date IS NULL OR users.disable_date >= \(bind: first.description))
            """
        if !filter.includeDisabled { query += " AND users.is_enabled = \(bind: true)" }
        if let team = filter.teamName { query += " AND teams.name = \(bind: team)" }
        switch filter.user {
        case .none: break
        case .cnp(let value): query += " AND users.cnp_lookup = \(bind: protector.lookup(value))"
        case .idCard(let value): query += " AND users.id_card_lookup = \(bind: protector.lookup(value))"
        case .markNumber(let value): query += " AND users.mark_number = \(bind: value)"
        case .userID(let value): query += " AND users.id = \(bind: value)"
        }
        query += " ORDER BY users.id"
        // Read by column, and prepared on PostgreSQL, whose rows are then read with postgres-nio's own decoders: through
        // `Decodable` and postgres-kit's generic conversions, reading 10,000 employees cost the whole-company report
        // about a tenth of its CPU time (measured on PostgreSQL), more than opening their sealed numbers.
        return try await readSQL().frequentRows(query).map {
            try ReportUser(row: $0, idColumn: "id", jobTitleColumn: "job_title", protector: protector)
        }
    }

    /// The plans of the employees `userIDs` between two dates, grouped by employee, each group in date order.
    ///
    /// The ids come from ``reportUsers(companyID:month:filter:)``, so they are the company's own. The query names them
    /// one by one and leaves `company_id` out on purpose: with an equality on `company_id`, SQLite's planner prefers the
    /// (company_id, date) index and reads the whole company's month for every batch (0.3 s per batch of 250 employees
    /// at 10,000 employees); `user_id IN (...)` makes it use the (user_id, date) index and read only the rows returned.
    ///
    /// On PostgreSQL the database packs each employee's plans into one row (``packedDayPlans(userIDs:from:through:on:)``):
    /// its driver decodes a row's columns through generic conversions that cost more than splitting one text, and a
    /// month's report reads some 230,000 plans. SQLite's rows are read as they are, which costs it less.
    public func dayPlans(userIDs: [Int], from: LocalDate, through: LocalDate) async throws -> [Int: [DayPlan]] {
        try await Self.dayPlans(userIDs: userIDs, from: from, through: through, on: readSQL())
    }

    /// ``dayPlans(userIDs:from:through:)`` on `sql`, so a write reads them in its own transaction: packed on
    /// PostgreSQL, row by row on SQLite, as there.
    static func dayPlans(userIDs: [Int], from: LocalDate, through: LocalDate, on sql: any SQLDatabase) async throws -> [Int: [DayPlan]] {
        if sql.dialect.name == "postgresql" { return try await packedDayPlans(userIDs: userIDs, from: from, through: through, on: sql) }
        return try await unpackedDayPlans(userIDs: userIDs, from: from, through: through, on: sql)
    }

    /// ``dayPlans(userIDs:from:through:on:)`` read a row per plan, whatever the database.
    static func unpackedDayPlans(userIDs: [Int], from: LocalDate, through: LocalDate, on sql: any SQLDatabase) async throws -> [Int: [DayPlan]] {
        var plans: [Int: [DayPlan]] = [:]
        guard !userIDs.isEmpty else { return plans }
        let rows = try await sql.raw(
            """
            SELECT user_id, date, type, shifts, break_minutes, overtime, time_off FROM day_plans \
            WHERE user_id IN (\(binds: userIDs)) AND date >= \(bind: from.description) AND date <= \(bind: through.description) \
            ORDER BY user_id, date
            """
        ).all()
        for row in rows {
            plans[try row.decode(column: "user_id", as: Int.self), default: []].append(try dayPlan(from: row, table: "day_plans"))
        }
        return plans
    }

    /// A plan from a row with `day_plans`' columns (`date`, `type`, `shifts`, `break_minutes`, `overtime`, `time_off`).
    static func dayPlan(from row: some SQLRow, table: String) throws -> DayPlan {
        guard let date = LocalDate(iso: try row.decode(column: "date", as: String.self)),
            let type = DayType(rawValue: try row.decode(column: "type", as: String.self)),
            case .success(let shifts) = TimeRangeList.parse(try row.decode(column: "shifts", as: String.self)),
            case .success(let overtime) = TimeRangeList.parse(try row.decode(column: "overtime", as: String.self)),
            case .success(let timeOff) = TimeRangeList.parse(try row.decode(column: "time_off", as: String.self))
        else { throw StoreError.corruptRow(table: table) }
        return DayPlan(
            date: date, type: type, shifts: shifts, breakMinutes: try row.decode(column: "break_minutes", as: Int.self),
            overtime: overtime, timeOff: timeOff
        )
    }
}
