import Foundation
import IFlowCore
import SQLKit

/// Locked months: closing a month in two steps, serving its stored figures, and the check every write that changes
/// hours makes inside its transaction.
///
/// Locking takes the company's row `FOR UPDATE` on PostgreSQL and every hour-changing write takes it `FOR SHARE`
/// before it reads `locked_months` (SQLite's single writer runs one transaction at a time anyway), so a write either
/// commits before the lock's row does, and the figures computed after see it, or sees the lock and is refused.
extension Store {
    /// Step one of `month/lock`: closes the month to writes, with its audit record, unless it is closed already.
    ///
    /// - Parameters:
    ///   - startsAt: The month's first local midnight (UTC seconds); `endsAt` the one after its last day.
    ///   - calendar: The month's dates as reports show them, stored form.
    ///   - computedAt: The instant open check-ins are paired up to.
    public func beginMonthLock(
        year: Int, month: Int, startsAt: Int, endsAt: Int, timeZone: String, calendar: String, computedAt: Int, companyID: Int,
        actor: AuditActor
    ) async throws -> MonthLockStart {
        let lockedAt = Date()
        return try await write { context in
            let sql = context.sql
            if sql.dialect.name == "postgresql" {
                _ = try await sql.raw("SELECT id FROM companies WHERE id = \(bind: companyID) FOR UPDATE").all()
            }
            if let existing = try await Self.lockedMonths(companyID: companyID, year: year, month: month, on: sql).first {
                return existing.isComplete ? .alreadyLocked(existing) : .started(existing)
            }
            let row = try await sql.raw(
                """
                INSERT INTO locked_months (company_id, year, month, status, starts_at, ends_at, time_zone, calendar, computed_at, locked_at, \
                locked_by) VALUES (\(bind: companyID), \(bind: year), \(bind: month), \(bind: Self.lockingStatus), \(bind: startsAt), \
                \(bind: endsAt), \(bind: timeZone), \(bind: calendar), \(bind: computedAt), \(bind: lockedAt), \(bind: actor.label)) RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "locked_months") }
            let label = LockedMonth.label(year: year, month: month)
            context.audit("month.lock", entity: "company", entityID: companyID, fields: ["month"], detail: label, companyID: companyID, actor: actor)
            return .started(
                LockedMonth(
                    id: id, year: year, month: month, isComplete: false, startsAt: startsAt, endsAt: endsAt, timeZone: timeZone, calendar: calendar,
                    computedAt: computedAt, lockedAt: lockedAt, lockedBy: actor.label
                )
            )
        }
    }

    /// Stores a batch of the lock's figures, over any a cut-short attempt stored, and answers `false` (storing
    /// nothing) when the lock is gone or complete: another server finished it, or it was unlocked.
    public func storeLockedFigures(_ employees: [LockedEmployee], lockID: Int, attendanceType: AttendanceType) async throws -> Bool {
        let protector = self.protector
        // Sealing is slow work: done before the write, not inside it.
        let rows: [[any Encodable & Sendable]] = try employees.map { employee in
            let user = employee.user
            return [
                lockID, attendanceType.rawValue, user.id, user.fullName, try protector.seal(user.cnp), user.cnp.map(protector.lookup),
                try protector.seal(user.idCard), user.idCard.map(protector.lookup), user.markNumber, user.teamName, employee.isEnabled,
                try protector.seal(employee.figures) as String, try protector.seal(employee.totals) as String,
            ]
        }
        return try await write { context in
            guard try await Self.lockIsOpen(lockID, on: context.sql) else { return false }
            // 13 binds a row: far below SQLite's and PostgreSQL's bind limits.
            for start in stride(from: 0, to: rows.count, by: 200) {
                let values = rows[start..<min(start + 200, rows.count)].map { SQLGroupExpression(SQLList($0.map { SQLBind($0) })) }
                try await context.sql.raw(
                    """
                    INSERT INTO locked_month_employees (locked_month_id, attendance_type, user_id, full_name, cnp_sealed, cnp_lookup, \
                    id_card_sealed, id_card_lookup, mark_number, team_name, is_enabled, figures_sealed, totals_sealed) VALUES \(SQLList(values)) \
                    ON CONFLICT (locked_month_id, attendance_type, user_id) DO UPDATE SET full_name = excluded.full_name, \
                    cnp_sealed = excluded.cnp_sealed, cnp_lookup = excluded.cnp_lookup, id_card_sealed = excluded.id_card_sealed, \
                    id_card_lookup = excluded.id_card_lookup, mark_number = excluded.mark_number, team_name = excluded.team_name, \
                    is_enabled = excluded.is_enabled, figures_sealed = excluded.figures_sealed, totals_sealed = excluded.totals_sealed
                    """
                ).run()
            }
            return true
        }
    }

    /// Step two's end: the figures are all stored, and reports of the month are served from them from now on.
    /// `false` when the lock is gone or was completed already.
    public func completeMonthLock(lockID: Int) async throws -> Bool {
        try await write { context in
            guard try await Self.lockIsOpen(lockID, on: context.sql) else { return false }
            try await context.sql.raw("UPDATE locked_months SET status = \(bind: Self.lockedStatus) WHERE id = \(bind: lockID)").run()
            return true
        }
    }

    /// Reopens the month: discards its stored figures, with its audit record. `false` when it was not locked.
    public func unlockMonth(year: Int, month: Int, companyID: Int, actor: AuditActor) async throws -> Bool {
        try await write { context in
            let sql = context.sql
            guard let lock = try await Self.lockedMonths(companyID: companyID, year: year, month: month, on: sql).first else { return false }
            try await sql.raw("DELETE FROM locked_month_employees WHERE locked_month_id = \(bind: lock.id)").run()
            try await sql.raw("DELETE FROM locked_months WHERE id = \(bind: lock.id)").run()
            context.audit(
                "month.unlock", entity: "company", entityID: companyID, fields: ["month"], detail: lock.label, companyID: companyID, actor: actor
            )
            return true
        }
    }

    /// The company's settings its figures depend on, for `iflow month lock`, which has no API key to carry them.
    public func companyContext(id: Int) async throws -> CompanyContext? {
        try await company(id: id)?.context
    }

    /// The company's lock of a month, complete or not.
    public func lockedMonth(companyID: Int, year: Int, month: Int) async throws -> LockedMonth? {
        try await Self.lockedMonths(companyID: companyID, year: year, month: month, on: readSQL()).first
    }

    /// Every locked month of the company, oldest first.
    public func lockedMonths(companyID: Int) async throws -> [LockedMonth] {
        try await Self.lockedMonths(companyID: companyID, year: nil, month: nil, on: readSQL())
    }

    /// The employees a locked month's report lists, as they were at lock time, by id: `filter` applies to their team,
    /// identity and enabled state then.
    public func lockedEmployees(lockID: Int, attendanceType: AttendanceType, filter: ReportFilter) async throws -> [ReportUser] {
        var query: SQLQueryString = """
            SELECT user_id, full_name, cnp_sealed, id_card_sealed, mark_number, team_name FROM locked_month_employees \
            WHERE locked_month_id = \(bind: lockID) AND attendance_type = \(bind: attendanceType.rawValue)
            """
        if !filter.includeDisabled { query += " AND is_enabled = \(bind: true)" }
        if let team = filter.teamName { query += " AND team_name = \(bind: team)" }
        switch filter.user {
        case .none: break
        case .cnp(let value): query += " AND cnp_lookup = \(bind: protector.lookup(value))"
        case .idCard(let value): query += " AND id_card_lookup = \(bind: protector.lookup(value))"
        case .markNumber(let value): query += " AND mark_number = \(bind: value)"
        case .userID(let value): query += " AND user_id = \(bind: value)"
        }
        query += " ORDER BY user_id"
        // By column: decoding 10,000 rows through `Decodable` was 8 % of a locked report's time.
        // The job title is stored with the figures (`StoredFigures`).
        return try await readSQL().columnRows(query).map {
            try ReportUser(row: $0, idColumn: "user_id", jobTitleColumn: nil, protector: protector)
        }
    }

    /// The stored figures of `userIDs` (ids ``lockedEmployees(lockID:attendanceType:filter:)`` listed), opened.
    ///
    /// - Parameter totalsOnly: Each employee's stored totals instead, where the lock stored them apart (from migration
    ///   012 on); the whole figures for rows locked before.
    public func lockedFigures(lockID: Int, attendanceType: AttendanceType, userIDs: [Int], totalsOnly: Bool = false) async throws -> [Int: String] {
        guard !userIDs.isEmpty else { return [:] }
        let column: SQLQueryString = totalsOnly ? "coalesce(totals_sealed, figures_sealed)" : "figures_sealed"
        let rows = try await readSQL().columnRows(
            """
            SELECT user_id, \(column) AS figures_sealed FROM locked_month_employees WHERE locked_month_id = \(bind: lockID) \
            AND attendance_type = \(bind: attendanceType.rawValue) AND user_id IN (\(binds: userIDs))
            """
        )
        var figures: [Int: String] = [:]
        figures.reserveCapacity(rows.count)
        for row in rows {
            let sealed = try row.decode(column: "figures_sealed", as: String.self)
            figures[try row.decode(column: "user_id", as: Int.self)] = try protector.open(sealed) as String
        }
        return figures
    }

    static let lockingStatus = "locking"
    static let lockedStatus = "locked"

    private static func lockedMonths(companyID: Int, year: Int?, month: Int?, on sql: any SQLDatabase) async throws -> [LockedMonth] {
        var query: SQLQueryString = """
            SELECT id, year, month, status, starts_at, ends_at, time_zone, calendar, computed_at, locked_at, locked_by FROM locked_months \
            WHERE company_id = \(bind: companyID)
            """
        if let year, let month { query += " AND year = \(bind: year) AND month = \(bind: month)" }
        query += " ORDER BY year, month"
        struct Row: Decodable {
            var id: Int
            var year: Int
            var month: Int
            var status: String
            var starts_at: Int
            var ends_at: Int
            var time_zone: String
            var calendar: String
            var computed_at: Int
            var locked_at: Date
            var locked_by: String
        }
        return try await sql.raw(query).all(decoding: Row.self).map {
            LockedMonth(
                id: $0.id, year: $0.year, month: $0.month, isComplete: $0.status == lockedStatus, startsAt: $0.starts_at, endsAt: $0.ends_at,
                timeZone: $0.time_zone, calendar: $0.calendar, computedAt: $0.computed_at, lockedAt: $0.locked_at, lockedBy: $0.locked_by
            )
        }
    }

    /// Whether the lock exists and its figures are still being stored, its row locked on PostgreSQL until the write
    /// ends, so two servers completing it take turns and the second finds it complete.
    private static func lockIsOpen(_ lockID: Int, on sql: any SQLDatabase) async throws -> Bool {
        var query: SQLQueryString = "SELECT status FROM locked_months WHERE id = \(bind: lockID)"
        if sql.dialect.name == "postgresql" { query += " FOR UPDATE" }
        return try await sql.raw(query).first()?.decode(column: "status", as: String.self) == lockingStatus
    }

    /// The company's locked months, read inside a write that changes hours, after taking the company's row
    /// `FOR SHARE` on PostgreSQL: a lock in progress waits for the write, or the write waits for it and sees it.
    private static func locksForWrite(companyID: Int, on sql: any SQLDatabase) async throws -> [(year: Int, month: Int, startsAt: Int, endsAt: Int)] {
        if sql.dialect.name == "postgresql" {
            _ = try await sql.raw("SELECT id FROM companies WHERE id = \(bind: companyID) FOR SHARE").all()
        }
        struct Row: Decodable {
            var year: Int
            var month: Int
            var starts_at: Int
            var ends_at: Int
        }
        return try await sql.raw("SELECT year, month, starts_at, ends_at FROM locked_months WHERE company_id = \(bind: companyID)")
            .all(decoding: Row.self).map { ($0.year, $0.month, $0.starts_at, $0.ends_at) }
    }

    /// Throws ``LockedMonthRefusal`` naming each plan dated in a locked month, and each plan of a month's last day
    /// whose night shift, or whose stored plan's, runs into a locked next month (its hours count there).
    static func refuseLockedPlans(_ plans: some Collection<(userID: Int, plan: DayPlan)>, companyID: Int, on sql: any SQLDatabase) async throws {
        let locks = try await locksForWrite(companyID: companyID, on: sql)
        guard !locks.isEmpty else { return }
        let locked = Set(locks.map { LockedMonth.label(year: $0.year, month: $0.month) })
        func label(_ date: LocalDate) -> String { LockedMonth.label(year: date.year, month: date.month) }
        var rows: [LockedMonthRefusal.Row] = []
        var lastDays: [(index: Int, userID: Int, date: LocalDate, next: String)] = []
        for (index, entry) in plans.enumerated() {
            let date = entry.plan.date
            let next = date.adding(days: 1)
            if locked.contains(label(date)) {
                rows.append(LockedMonthRefusal.Row(index: index, month: label(date)))
            } else if next.month != date.month, locked.contains(label(next)) {
                if (entry.plan.shifts + entry.plan.overtime + entry.plan.timeOff).contains(where: \.endsNextDay) {
                    rows.append(LockedMonthRefusal.Row(index: index, month: label(next), nightShiftDate: date.description))
                } else {
                    lastDays.append((index, entry.userID, date, label(next)))
                }
            }
        }
        if !lastDays.isEmpty {
            // The plan being replaced counts in the locked month too when its night shift runs into it.
            let stored = try await sql.raw(
                """
                SELECT user_id, date, shifts, overtime, time_off FROM day_plans WHERE user_id IN (\(binds: Set(lastDays.map(\.userID)).sorted())) \
                AND date IN (\(binds: Set(lastDays.map(\.date.description)).sorted()))
                """
            ).all()
            var crossing: Set<String> = []
            for row in stored {
                let ranges = try ["shifts", "overtime", "time_off"].map { column -> [TimeRange] in
                    guard case .success(let ranges) = TimeRangeList.parse(try row.decode(column: column, as: String.self)) else {
                        throw StoreError.corruptRow(table: "day_plans")
                    }
                    return ranges
                }
                if ranges.joined().contains(where: \.endsNextDay) {
                    crossing.insert("\(try row.decode(column: "user_id", as: Int.self)) \(try row.decode(column: "date", as: String.self))")
                }
            }
            for entry in lastDays where crossing.contains("\(entry.userID) \(entry.date)") {
                rows.append(LockedMonthRefusal.Row(index: entry.index, month: entry.next, nightShiftDate: entry.date.description))
            }
        }
        guard rows.isEmpty else { throw LockedMonthRefusal(rows: rows.sorted { $0.index < $1.index }) }
    }

    /// The locked month each scan instant falls in, by the instant's index; empty when none does.
    static func lockedScanMonths(_ instants: [Int], companyID: Int, on sql: any SQLDatabase) async throws -> [Int: String] {
        let locks = try await locksForWrite(companyID: companyID, on: sql)
        var months: [Int: String] = [:]
        guard !locks.isEmpty else { return months }
        for (index, instant) in instants.enumerated() {
            if let lock = locks.first(where: { $0.startsAt <= instant && instant < $0.endsAt }) {
                months[index] = LockedMonth.label(year: lock.year, month: lock.month)
            }
        }
        return months
    }

    /// Throws ``LockedMonthRefusal`` when new employment dates would add the employee to a locked month's list or
    /// take them off it (dates `YYYY-MM-DD`, `nil` for open-ended), as the month's report selects employees.
    static func refuseLockedEmployment(
        from old: (employment: String?, disable: String?), to new: (employment: String?, disable: String?), companyID: Int, on sql: any SQLDatabase
    ) async throws {
        let locks = try await locksForWrite(companyID: companyID, on: sql)
        for lock in locks {
            guard let first = LocalDate(year: lock.year, month: lock.month, day: 1) else { continue }
            let last = first.adding(days: LocalDate.daysIn(month: lock.month, year: lock.year) - 1).description
            func listed(_ dates: (employment: String?, disable: String?)) -> Bool {
                (dates.employment.map { $0 <= last } ?? true) && (dates.disable.map { $0 >= first.description } ?? true)
            }
            if listed(old) != listed(new) {
                throw LockedMonthRefusal(rows: [LockedMonthRefusal.Row(index: 0, month: LockedMonth.label(year: lock.year, month: lock.month))])
            }
        }
    }

    /// One batch of `iflow rotate-data-key` over the locked figures, as over the employees: sealed values moved to the
    /// current data key, lookups re-hashed under the current lookup key. Answers the last id gone through and how
    /// many values changed; `nil` when no row is left after `after`.
    func rekeyLockedFigures(after: Int, limit: Int) async throws -> (lastID: Int?, changed: Int) {
        let protector = self.protector
        return try await write { context in
            struct Row: Decodable {
                var id: Int
                var cnp_sealed: String?
                var cnp_lookup: String?
                var id_card_sealed: String?
                var id_card_lookup: String?
                var figures_sealed: String
                var totals_sealed: String?
            }
            let rows = try await context.sql.raw(
                """
                SELECT id, cnp_sealed, cnp_lookup, id_card_sealed, id_card_lookup, figures_sealed, totals_sealed FROM locked_month_employees \
                WHERE id > \(bind: after) ORDER BY id LIMIT \(bind: limit)
                """
            ).all(decoding: Row.self)
            var changed = 0
            for row in rows {
                func resealed(_ sealed: String?) throws -> String? {
                    guard let sealed, !protector.isCurrent(sealed) else { return sealed }
                    return try protector.seal(try protector.open(sealed) as String) as String
                }
                let new = Row(
                    id: row.id, cnp_sealed: try resealed(row.cnp_sealed), cnp_lookup: try protector.open(row.cnp_sealed).map(protector.lookup),
                    id_card_sealed: try resealed(row.id_card_sealed), id_card_lookup: try protector.open(row.id_card_sealed).map(protector.lookup),
                    figures_sealed: try resealed(row.figures_sealed) ?? row.figures_sealed, totals_sealed: try resealed(row.totals_sealed)
                )
                let pairs = [
                    (row.cnp_sealed, new.cnp_sealed), (row.cnp_lookup, new.cnp_lookup), (row.id_card_sealed, new.id_card_sealed),
                    (row.id_card_lookup, new.id_card_lookup), (row.figures_sealed, new.figures_sealed), (row.totals_sealed, new.totals_sealed),
                ]
                let changes = pairs.filter { $0.0 != $0.1 }.count
                guard changes > 0 else { continue }
                changed += changes
                try await context.sql.raw(
                    """
                    UPDATE locked_month_employees SET cnp_sealed = \(bind: new.cnp_sealed), cnp_lookup = \(bind: new.cnp_lookup), \
                    id_card_sealed = \(bind: new.id_card_sealed), id_card_lookup = \(bind: new.id_card_lookup), \
                    figures_sealed = \(bind: new.figures_sealed), totals_sealed = \(bind: new.totals_sealed) WHERE id = \(bind: row.id)
                    """
                ).run()
            }
            return (rows.last?.id, changed)
        }
    }
}
