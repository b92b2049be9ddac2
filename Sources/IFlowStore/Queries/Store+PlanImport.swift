import FluentPostgresDriver
import Foundation
import IFlowCore
import SQLKit

/// A schedule import under way: its rows are staged in batches as the file is read (``Store/stage(_:in:)``), then
/// written all at once (``Store/applyPlanImport(_:calculator:actor:listing:)``) or dropped
/// (``Store/discardPlanImport(_:)``). So the server holds a batch of the file at a time, whatever its length, and the
/// import still writes every row or none.
public struct PlanImport: Sendable {
    public let id: String
    public let companyID: Int
}

/// One row of an import: the file's line, the employee it names, the plan.
public struct StagedPlan: Sendable {
    public var line: Int
    public var userID: Int
    public var plan: DayPlan

    public init(line: Int, userID: Int, plan: DayPlan) {
        self.line = line
        self.userID = userID
        self.plan = plan
    }
}

/// What an applied import wrote.
public struct PlanImportSummary: Sendable, Equatable {
    public var rows: Int
    public var users: Int
    public var first: LocalDate?
    public var last: LocalDate?
}

/// Why ``Store/applyPlanImport(_:calculator:actor:listing:)`` wrote nothing: rows in a locked month (checked first,
/// as a single write does), else rows that overlap a neighbour day, each by the file's line, in line order.
public struct PlanImportRefusal: Error, Sendable {
    /// The refused rows, `index` being the file's line.
    public var locked: LockedMonthRefusal?
    /// `.written(line)`: the same employee's day before, at that line of the file.
    public var overlaps: [(line: Int, plan: DayPlan, neighbour: PlanOverlapRefusal.Neighbour)] = []
}

extension Store {
    /// Rows per staging `INSERT` on SQLite (11 binds each, far below its bind limit), and per piece of the `COPY` on
    /// PostgreSQL.
    static let stagedRowsPerInsert = 1000
    /// Rows checked and written per step of ``applyPlanImport(_:calculator:actor:listing:)``, and at most this many
    /// employees (fewer when they have more rows; one employee with more rows is a step alone).
    static let importedRowsPerStep = 5_000
    static let importedUsersPerStep = 500
    /// Employees whose imported dates ``forEachImportedEmployees(of:_:)`` hands on at a time: their Labour Code
    /// warnings are computed over the whole file's period, so fewer than a step.
    static let warnedUsersPerBatch = 200
    /// An import's rows older than this belong to one a crash interrupted: no import runs that long.
    static let abandonedImportSeconds = 24 * 3600

    /// Starts an import for the company, removing the staged rows of imports a crash left unfinished.
    ///
    /// The id starts with the time, ten digits of seconds, so those rows are found by a range of the key.
    public func beginPlanImport(companyID: Int) async throws -> PlanImport {
        let now = Int(Date().timeIntervalSince1970)
        let cutoff = String(format: "%010d", now - Self.abandonedImportSeconds)
        try await write { context in
            try await context.sql.raw("DELETE FROM plan_import_rows WHERE import_id < \(bind: cutoff)").run()
        }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
        return PlanImport(id: String(format: "%010d", now) + "-" + random, companyID: companyID)
    }

    /// Adds rows to the import, committed before it returns; nothing reads them but the import.
    ///
    /// On PostgreSQL the rows go in by one `COPY … FROM STDIN` (``PlanImportCopy``): no statement to parse and no
    /// parameter to bind per value; on SQLite by multi-row `INSERT`s of ``stagedRowsPerInsert`` rows.
    public func stage(_ rows: [StagedPlan], in planImport: PlanImport) async throws {
        guard !rows.isEmpty else { return }
        let logger = self.logger
        try await write { context in
            if let connection = (context.sql as? GuardedPostgresDatabase)?.connection {
                try await connection.copyFrom(table: "plan_import_rows", columns: PlanImportCopy.columns, logger: logger) { writer in
                    for start in stride(from: 0, to: rows.count, by: Self.stagedRowsPerInsert) {
                        let end = min(start + Self.stagedRowsPerInsert, rows.count)
                        try await writer.write(PlanImportCopy.text(of: rows[start..<end], in: planImport))
                    }
                }
                return
            }
            for start in stride(from: 0, to: rows.count, by: Self.stagedRowsPerInsert) {
                let end = min(start + Self.stagedRowsPerInsert, rows.count)
                var insert: SQLQueryString = """
                    INSERT INTO plan_import_rows (import_id, line, company_id, user_id, date, type, shifts, break_minutes, overtime, \
                    time_off) VALUES 
                    """
                for index in start..<end {
                    let row = rows[index]
                    let plan = row.plan
                    if index > start { insert += ", " }
                    insert += """
                        (\(bind: planImport.id), \(bind: row.line), \(bind: planImport.companyID), \(bind: row.userID), \
                        \(bind: plan.date.description), \(bind: plan.type.rawValue), \(bind: TimeRangeList.format(plan.shifts)), \
                        \(bind: plan.breakMinutes), \(bind: TimeRangeList.format(plan.overtime)), \(bind: TimeRangeList.format(plan.timeOff)))
                        """
                }
                try await context.sql.raw(insert).run()
            }
        }
    }

    /// The lines, in order and at most `limit`, that name an employee and date an earlier line of the file named.
    public func duplicateLines(in planImport: PlanImport, limit: Int) async throws -> [Int] {
        struct Row: Decodable { var line: Int }
        return try await sql().raw(
            """
            SELECT line FROM (SELECT line, row_number() OVER (PARTITION BY user_id, date ORDER BY line) AS position \
            FROM plan_import_rows WHERE import_id = \(bind: planImport.id)) numbered WHERE position > 1 ORDER BY line LIMIT \(bind: limit)
            """
        ).all(decoding: Row.self).map(\.line)
    }

    /// Writes every staged row of the import or none, in one transaction, with one audit record, and leaves the
    /// staged rows for ``forEachImportedEmployees(of:_:)`` (``discardPlanImport(_:)`` removes them).
    ///
    /// Employees are checked and written in steps of about ``importedRowsPerStep`` rows: plans of different
    /// employees never interact, so each step applies ``setDay``'s rules (locked months, overlaps with the day before
    /// and after, written or stored) to its employees' rows as one write of them all would. On PostgreSQL every
    /// employee of the file is locked first, in id order, as one write of them all would, so a concurrent write of
    /// one of their days waits for the import and cannot deadlock with it.
    ///
    /// - Throws: ``PlanImportRefusal`` listing the first `limit` rows of each kind, and then nothing is written.
    public func applyPlanImport(
        _ planImport: PlanImport, calculator: ScheduleCalculator, actor: AuditActor, listing limit: Int
    ) async throws -> PlanImportSummary {
        let (id, companyID) = (planImport.id, planImport.companyID)
        return try await write { context in
            let sql = context.sql
            struct Count: Decodable {
                var user_id: Int
                var n: Int
            }
            let counts = try await sql.raw(
                "SELECT user_id, COUNT(*) AS n FROM plan_import_rows WHERE import_id = \(bind: id) GROUP BY user_id ORDER BY user_id"
            ).all(decoding: Count.self)
            if sql.dialect.name == "postgresql", !counts.isEmpty {
                try await sql.raw(
                    """
                    SELECT id FROM users WHERE company_id = \(bind: companyID) \
                    AND id IN (SELECT user_id FROM plan_import_rows WHERE import_id = \(bind: id)) ORDER BY id FOR UPDATE
                    """
                ).run()
            }
            var summary = PlanImportSummary(rows: counts.reduce(0) { $0 + $1.n }, users: counts.count)
            var locked: [LockedMonthRefusal.Row] = []
            var overlaps: [(line: Int, plan: DayPlan, neighbour: PlanOverlapRefusal.Neighbour)] = []
            var start = 0
            while start < counts.count {
                var end = start
                var stepRows = 0
                while end < counts.count, end - start < Self.importedUsersPerStep,
                    stepRows == 0 || stepRows + counts[end].n <= Self.importedRowsPerStep
                {
                    stepRows += counts[end].n
                    end += 1
                }
                // The step's employees are consecutive in id order, so its rows are a range of the key (see stagedRows).
                let users = counts[start].user_id...counts[end - 1].user_id
                start = end
                let rows = try await Self.stagedRows(of: id, userIDs: users, on: sql)
                for row in rows {
                    summary.first = min(summary.first ?? row.plan.date, row.plan.date)
                    summary.last = max(summary.last ?? row.plan.date, row.plan.date)
                }
                let plans = rows.map { (userID: $0.userID, plan: $0.plan) }
                do {
                    try await Self.refuseLockedPlans(plans, companyID: companyID, on: sql)
                } catch let refusal as LockedMonthRefusal {
                    locked += refusal.rows.map {
                        LockedMonthRefusal.Row(index: rows[$0.index].line, month: $0.month, nightShiftDate: $0.nightShiftDate)
                    }
                    // The first `limit` by line are all that is listed; what a step adds beyond them is dropped.
                    if locked.count > limit { locked = Array(locked.sorted { $0.index < $1.index }.prefix(limit)) }
                }
                guard locked.isEmpty else { continue }
                do {
                    try await Self.refuseOverlaps(plans, companyID: companyID, calculator: calculator, on: sql)
                } catch let refusal as PlanOverlapRefusal {
                    overlaps += refusal.conflicts.map { conflict in
                        let neighbour: PlanOverlapRefusal.Neighbour =
                            switch conflict.neighbour {
                            case .written(let before): .written(rows[before].line)
                            case .stored(let dates): .stored(dates)
                            }
                        return (rows[conflict.index].line, rows[conflict.index].plan, neighbour)
                    }
                    if overlaps.count > limit { overlaps = Array(overlaps.sorted { $0.line < $1.line }.prefix(limit)) }
                }
                guard overlaps.isEmpty else { continue }
                try await sql.raw(
                    """
                    INSERT INTO day_plans (company_id, user_id, date, type, shifts, break_minutes, overtime, time_off, updated_at) \
                    SELECT company_id, user_id, date, type, shifts, break_minutes, overtime, time_off, \(bind: Date()) \
                    FROM plan_import_rows WHERE import_id = \(bind: id) AND user_id >= \(bind: users.lowerBound) \
                    AND user_id <= \(bind: users.upperBound) \
                    ON CONFLICT (user_id, date) DO UPDATE SET type = excluded.type, shifts = excluded.shifts, \
                    break_minutes = excluded.break_minutes, overtime = excluded.overtime, time_off = excluded.time_off, \
                    updated_at = excluded.updated_at
                    """
                ).run()
            }
            if !locked.isEmpty {
                throw PlanImportRefusal(locked: LockedMonthRefusal(rows: Array(locked.sorted { $0.index < $1.index }.prefix(limit))))
            }
            if !overlaps.isEmpty {
                throw PlanImportRefusal(overlaps: Array(overlaps.sorted { $0.line < $1.line }.prefix(limit)))
            }
            let range = summary.first.map { first in ", \(first) to \(summary.last ?? first)" } ?? ""
            context.audit(
                "schedule.import", entity: "company", entityID: companyID, fields: ["type", "shifts", "break_minutes", "overtime", "time_off"],
                detail: "\(summary.rows) days of \(summary.users) employees" + range, companyID: companyID, actor: actor
            )
            return summary
        }
    }

    /// Hands the imported dates to `body`, ``warnedUsersPerBatch`` employees at a time, in employee order.
    public func forEachImportedEmployees(
        of planImport: PlanImport, _ body: ([Int: Set<LocalDate>]) async throws -> Void
    ) async throws {
        var after = 0
        while true {
            let rows = try await readSQL().raw(
                """
                SELECT DISTINCT user_id FROM plan_import_rows WHERE import_id = \(bind: planImport.id) AND user_id > \(bind: after) \
                ORDER BY user_id LIMIT \(bind: Self.warnedUsersPerBatch)
                """
            ).all()
            // The batch is the range of ids up to its last employee: the dates are read by that range of the key.
            guard let last = try rows.last?.decode(column: "user_id", as: Int.self) else { return }
            var dates: [Int: Set<LocalDate>] = [:]
            for row in try await readSQL().raw(
                """
                SELECT user_id, date FROM plan_import_rows WHERE import_id = \(bind: planImport.id) AND user_id > \(bind: after) \
                AND user_id <= \(bind: last)
                """
            ).all() {
                guard let date = LocalDate(iso: try row.decode(column: "date", as: String.self)) else {
                    throw StoreError.corruptRow(table: "plan_import_rows")
                }
                dates[try row.decode(column: "user_id", as: Int.self), default: []].insert(date)
            }
            try await body(dates)
            after = last
        }
    }

    /// Removes the import's staged rows (after it was applied, or when it is refused).
    public func discardPlanImport(_ planImport: PlanImport) async throws {
        try await write { context in
            try await context.sql.raw("DELETE FROM plan_import_rows WHERE import_id = \(bind: planImport.id)").run()
        }
    }

    /// Stages `plans` (one per employee and date) and applies them: ``setDay``'s rules for many rows at once.
    ///
    /// - Throws: ``PlanImportRefusal`` (lines are 1-based positions in `plans`), and then nothing is written.
    public func importPlans(
        _ plans: [(userID: Int, plan: DayPlan)], companyID: Int, calculator: ScheduleCalculator, actor: AuditActor
    ) async throws {
        let planImport = try await beginPlanImport(companyID: companyID)
        do {
            try await stage(
                plans.enumerated().map { StagedPlan(line: $0.offset + 1, userID: $0.element.userID, plan: $0.element.plan) }, in: planImport)
            _ = try await applyPlanImport(planImport, calculator: calculator, actor: actor, listing: .max)
        } catch {
            try? await discardPlanImport(planImport)
            throw error
        }
        try await discardPlanImport(planImport)
    }

    /// The staged rows of the employees whose ids are in `userIDs`, by employee, date and line.
    ///
    /// A range of the key, never a list of ids: with `user_id IN (...)` PostgreSQL's planner, which has no statistics
    /// of a table filled a moment ago, scanned every staged row of the import for each step (48 ms a step at 100,000
    /// rows, a whole 1,000,000-row file read again for each of its 200 steps); the range reads only the step's rows
    /// (1.3 ms). The steps' and the warnings' batches read the same way.
    private static func stagedRows(of id: String, userIDs: ClosedRange<Int>, on sql: any SQLDatabase) async throws -> [StagedPlan] {
        let rows = try await sql.raw(
            """
            SELECT line, user_id, date, type, shifts, break_minutes, overtime, time_off FROM plan_import_rows \
            WHERE import_id = \(bind: id) AND user_id >= \(bind: userIDs.lowerBound) AND user_id <= \(bind: userIDs.upperBound) \
            ORDER BY user_id, date, line
            """
        ).all()
        return try rows.map { row in
            StagedPlan(
                line: try row.decode(column: "line", as: Int.self), userID: try row.decode(column: "user_id", as: Int.self),
                plan: try dayPlan(from: row, table: "plan_import_rows")
            )
        }
    }
}
