import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Ids or tags bound in one `IN (…)` list, well under SQLite's 32,766 and PostgreSQL's 65,535 binds.
    static let scanIDsPerStatement = 1_000
    /// Scans per multi-row `INSERT` (13 binds each).
    static let scansPerInsert = 1_000

    /// The company's employees whose badge is one of `rfidTags`, by tag; tags of nobody are absent.
    public func scanEmployees(companyID: Int, rfidTags: [String]) async throws -> [String: ScanEmployee] {
        var employees: [String: ScanEmployee] = [:]
        let tags = Array(Set(rfidTags))
        for start in stride(from: 0, to: tags.count, by: Self.scanIDsPerStatement) {
            let chunk = tags[start..<min(start + Self.scanIDsPerStatement, tags.count)]
            for employee in try await scanEmployees(companyID: companyID, where: "users.rfid_tag IN (\(binds: Array(chunk)))") {
                if let tag = employee.rfidTag { employees[tag] = employee }
            }
        }
        return employees
    }

    /// The company's employee with this id, as a scan sees them; `nil` for an id of nobody or of another company.
    public func scanEmployee(companyID: Int, userID: Int) async throws -> ScanEmployee? {
        try await scanEmployees(companyID: companyID, where: "users.id = \(bind: userID)").first
    }

    private func scanEmployees(companyID: Int, where condition: SQLQueryString) async throws -> [ScanEmployee] {
        let query: SQLQueryString =
            """
            SELECT \(unsafeRaw: Self.scanEmployeeColumns) FROM users LEFT JOIN teams ON teams.id = users.team_id \
            WHERE users.company_id = \(bind: companyID) AND \(condition)
            """
        // Read by column, not through `Decodable`, as `authenticateDevice(token:)`: every offline batch runs it.
        return try await readSQL().raw(query).all().compactMap(Self.scanEmployee(from:))
    }

    /// The columns ``scanEmployee(from:)`` reads, of `users` and its `teams` row joined as `teams`.
    static let scanEmployeeColumns = """
        users.id AS user_id, users.full_name, users.team_id, teams.name AS team_name, users.mark_number, users.rfid_tag, \
        users.is_enabled, users.employment_date, users.disable_date
        """

    /// The employee of a row with ``scanEmployeeColumns``; `nil` when the row has none (a `LEFT JOIN` that found nobody).
    static func scanEmployee(from row: any SQLRow) throws -> ScanEmployee? {
        guard let userID = try row.decode(column: "user_id", as: Int?.self) else { return nil }
        func date(_ column: String) throws -> LocalDate? {
            guard let text = try row.decode(column: column, as: String?.self), !text.isEmpty else { return nil }
            guard let date = LocalDate(iso: text) else { throw StoreError.corruptRow(table: "users") }
            return date
        }
        return ScanEmployee(
            userID: userID, fullName: try row.decode(column: "full_name", as: String.self),
            teamID: try row.decode(column: "team_id", as: Int?.self), teamName: try row.decode(column: "team_name", as: String?.self),
            markNumber: try row.decode(column: "mark_number", as: String?.self), rfidTag: try row.decode(column: "rfid_tag", as: String?.self),
            isDisabled: !(try row.decode(column: "is_enabled", as: Bool.self)), employmentDate: try date("employment_date"),
            disableDate: try date("disable_date")
        )
    }

    /// Records new scans of the company's employees in one write: each row is stored unless it falls within the
    /// duplicate window of the employee's stored scans or of an earlier row (`ScanBatch.outcomes`), so a batch sent
    /// twice stores nothing the second time, and two terminals scanning one badge at once store one scan.
    ///
    /// On PostgreSQL the employees' rows are locked (in id order, so concurrent calls cannot deadlock) before their
    /// scans are read; SQLite's single writer already runs one write at a time. Each employee with stored rows gets
    /// one audit event, `attendance.added` for a manual entry and `attendance.scanned` otherwise.
    ///
    /// A single scan joins the group commit's batch and is recorded with its other single scans
    /// (``GroupCommit/recordScan(_:)``): a terminal's live scans are that, and come many at once at a shift's start.
    ///
    /// - Parameter dayScansFrom: With an instant (a live scan's local midnight), the rows' employees' scans from it
    ///   through the latest row, as `reportScans` reads them, are answered from the same write
    ///   (``RecordedScans/dayScans``): a terminal's reply shows the day's pairs, and one read in the batch costs less
    ///   than one after it for each scan. When the rows are all of that day, the read is made before they are stored
    ///   and judges their duplicates too (its reach covers the window), and the stored rows are added to it.
    public func recordScans(
        _ rows: [NewScan], companyID: Int, limits: AttendanceLimits, actor: AuditActor, dayScansFrom: Int? = nil
    ) async throws -> RecordedScans {
        guard !rows.isEmpty else { return RecordedScans(outcomes: [], ids: []) }
        let recordedAt = Date()
        if rows.count == 1 {
            return try await groupCommit.recordScan(
                PendingScan(row: rows[0], companyID: companyID, limits: limits, actor: actor, recordedAt: recordedAt, dayScansFrom: dayScansFrom))
        }
        return try await write { context in
            try await Self.recordScans(
                rows, companyID: companyID, limits: limits, actors: Array(repeating: actor, count: rows.count), recordedAt: recordedAt,
                dayScansFrom: dayScansFrom, in: context)
        }
    }

    /// What the public `recordScans` does, in `context`: `actors[i]` sent `rows[i]`. With `employeesLocked`, the
    /// caller has locked the rows' employees (``lockUsers(_:companyID:on:)``) in this transaction already.
    static func recordScans(
        _ rows: [NewScan], companyID: Int, limits: AttendanceLimits, actors: [AuditActor], recordedAt: Date, dayScansFrom: Int?,
        employeesLocked: Bool = false, in context: WriteContext
    ) async throws -> RecordedScans {
        let sql = context.sql
        let userIDs = Set(rows.map(\.userID)).sorted()
        let lowest = rows.map(\.instant).min() ?? 0
        let highest = rows.map(\.instant).max() ?? 0
        // A live write's day read also covers the duplicate window of its rows (they are all at or after the day's
        // start, and the window is no wider than the read's reach past them): it is made once, before the rows are
        // stored, and they are added to it afterwards, one statement less per write than reading both.
        let dayFrom = dayScansFrom.flatMap { from in
            lowest >= from && limits.timeBetweenCheckIns <= limits.checkInResetLimit ? from : nil
        }
        if !employeesLocked { try await lockUsers(userIDs, companyID: companyID, on: sql) }
        var existing: [Int: [Scan]] = [:]
        for start in stride(from: 0, to: userIDs.count, by: scanIDsPerStatement) where dayFrom == nil {
            let chunk = Array(userIDs[start..<min(start + scanIDsPerStatement, userIDs.count)])
            let scans = try await sql.raw(
                """
                SELECT scans.id, scans.user_id, scans.instant FROM scans WHERE scans.user_id IN (\(binds: chunk)) \
                AND scans.instant >= \(bind: lowest - limits.timeBetweenCheckIns) AND scans.instant <= \(bind: highest + limits.timeBetweenCheckIns) \
                AND NOT EXISTS (SELECT 1 FROM scan_deletions WHERE scan_deletions.scan_id = scans.id)
                """
            ).all()
            for scan in scans {
                existing[try scan.decode(column: "user_id", as: Int.self), default: []].append(
                    Scan(id: try scan.decode(column: "id", as: Int64.self), instant: try scan.decode(column: "instant", as: Int.self))
                )
            }
        }
        var dayScans: [Int: [Scan]] = [:]
        if let dayFrom {
            // Every read withHistory makes, its widenings too (they end before the window), filtered to the window.
            var read: [Int: [Scan]] = [:]
            dayScans = try await withHistory(
                userIDs: userIDs, from: dayFrom, through: highest, limits: limits, scan: { $0 },
                read: { ids, range in
                    let found = try await bareScans(companyID: companyID, userIDs: ids, range: range, on: sql)
                    read.merge(found) { $0 + $1 }
                    return found
                })
            for (userID, scans) in read {
                let window = scans.filter {
                    !$0.isDeleted && $0.instant >= lowest - limits.timeBetweenCheckIns && $0.instant <= highest + limits.timeBetweenCheckIns
                }
                if !window.isEmpty { existing[userID] = window.sorted { ($0.instant, $0.id) < ($1.instant, $1.id) } }
            }
        }
        var outcomes = [BatchRowOutcome](repeating: .stored, count: rows.count)
        // A row dated in a locked month is refused before duplicates are judged: it is never stored, so it cannot make
        // a later row (just past the month's end) a duplicate.
        let locked = try await lockedScanMonths(rows.map(\.instant), companyID: companyID, on: sql)
        for index in locked.keys { outcomes[index] = .lockedMonth }
        var rowsByUser: [Int: [Int]] = [:]
        for (index, row) in rows.enumerated() where locked[index] == nil { rowsByUser[row.userID, default: []].append(index) }
        for (userID, indices) in rowsByUser {
            let local = ScanBatch.outcomes(of: indices.map { rows[$0].instant }, existing: existing[userID] ?? [], limits: limits)
            for (position, outcome) in local.enumerated() {
                if case .duplicateOfRow(let earlier) = outcome {
                    outcomes[indices[position]] = .duplicateOfRow(indices[earlier])
                } else {
                    outcomes[indices[position]] = outcome
                }
            }
        }
        let stored = rows.indices.filter { outcomes[$0] == .stored }
        let ids = try await insertScans(stored, of: rows, companyID: companyID, actors: actors, recordedAt: recordedAt, on: sql)
        auditScans(stored, of: rows, ids: ids, companyID: companyID, actors: actors, in: context)
        guard let dayScansFrom else { return RecordedScans(outcomes: outcomes, ids: ids) }
        guard dayFrom != nil else {
            let dayScans = try await reportScans(
                companyID: companyID, userIDs: userIDs, from: dayScansFrom, through: highest, limits: limits, on: sql)
            return RecordedScans(outcomes: outcomes, ids: ids, dayScans: dayScans)
        }
        var added = Set<Int>()
        for index in stored {
            guard let id = ids[index] else { continue }
            let row = rows[index]
            dayScans[row.userID, default: []].append(
                Scan(id: id, instant: row.instant, source: row.source, direction: row.direction, deviceID: row.deviceID))
            added.insert(row.userID)
        }
        for userID in added { dayScans[userID]?.sort { ($0.instant, $0.id) < ($1.instant, $1.id) } }
        return RecordedScans(outcomes: outcomes, ids: ids, dayScans: dayScans)
    }

    /// Locks the company's employees `userIDs` (sorted) for the rest of the transaction, in id order so that
    /// concurrent writes cannot deadlock, on PostgreSQL; SQLite's single writer already runs one write at a time. Throws
    /// when one of them is nobody of the company.
    static func lockUsers(_ userIDs: [Int], companyID: Int?, on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: userIDs.count, by: scanIDsPerStatement) {
            let chunk = Array(userIDs[start..<min(start + scanIDsPerStatement, userIDs.count)])
            var lock: SQLQueryString = "SELECT id FROM users WHERE id IN (\(binds: chunk))"
            if let companyID { lock += " AND company_id = \(bind: companyID)" }
            lock += " ORDER BY id"
            if sql.dialect.name == "postgresql" { lock += " FOR UPDATE" }
            guard try await sql.raw(lock).all().count == chunk.count else { throw StoreError.notInCompany(table: "users") }
        }
    }

    /// Inserts `rows[stored]` with multi-row `INSERT`s and answers every row's new id (`nil` where not stored).
    private static func insertScans(
        _ stored: [Int], of rows: [NewScan], companyID: Int, actors: [AuditActor], recordedAt: Date, on sql: any SQLDatabase
    ) async throws -> [Int64?] {
        var ids = [Int64?](repeating: nil, count: rows.count)
        let columns = [
            "company_id", "user_id", "instant", "source", "arrival", "device_id", "api_key_id", "administrator_id", "actor_label", "rfid_tag",
            "direction", "note", "recorded_at",
        ]
        for start in stride(from: 0, to: stored.count, by: scansPerInsert) {
            let chunk = stored[start..<min(start + scansPerInsert, stored.count)]
            let values = chunk.map { index -> any SQLExpression in
                let row = rows[index]
                let actor = actors[index]
                let apiKeyID = actor.kind == .apiKey ? actor.id : nil
                let administratorID = actor.kind == .administrator ? actor.id : nil
                let binds: [any Encodable & Sendable] = [
                    companyID, row.userID, row.instant, row.source.rawValue, row.arrival.rawValue, row.deviceID, apiKeyID, administratorID,
                    actor.label, row.rfidTag, row.direction?.rawValue, row.note, recordedAt,
                ]
                return SQLGroupExpression(SQLList(binds.map { SQLBind($0) }))
            }
            struct Inserted: Decodable {
                var id: Int64
                var user_id: Int
                var instant: Int
            }
            let inserted = try await sql.raw(
                """
                INSERT INTO scans (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(SQLList(values)) RETURNING id, user_id, instant
                """
            ).all(decoding: Inserted.self)
            // Neither database promises RETURNING's order: rows are matched by employee and instant, and ids grow in
            // insertion order for rows that share both.
            var pending: [[Int]: [Int]] = [:]
            for index in chunk.reversed() { pending[[rows[index].userID, rows[index].instant], default: []].append(index) }
            for row in inserted.sorted(by: { $0.id < $1.id }) {
                guard let index = pending[[row.user_id, row.instant]]?.popLast() else { throw StoreError.corruptRow(table: "scans") }
                ids[index] = row.id
            }
            guard pending.values.allSatisfy(\.isEmpty) else { throw StoreError.corruptRow(table: "scans") }
        }
        return ids
    }

    /// One audit event per employee and sender with stored rows: the scan and its time, or how many and the time
    /// they span.
    private static func auditScans(
        _ stored: [Int], of rows: [NewScan], ids: [Int64?], companyID: Int, actors: [AuditActor], in context: WriteContext
    ) {
        var byUser: [Int: [[Int]]] = [:]
        for index in stored {
            var groups = byUser[rows[index].userID, default: []]
            if let group = groups.firstIndex(where: { actors[$0[0]] == actors[index] }) {
                groups[group].append(index)
            } else {
                groups.append([index])
            }
            byUser[rows[index].userID] = groups
        }
        for (userID, indices) in byUser.sorted(by: { $0.key < $1.key }).flatMap({ entry in entry.value.map { (entry.key, $0) } }) {
            guard let first = indices.first else { continue }
            let instants = indices.map { rows[$0].instant }
            func time(_ instant: Int) -> String { Date(timeIntervalSince1970: TimeInterval(instant)).ISO8601Format() }
            let detail: String
            if indices.count == 1 {
                let direction = rows[first].direction.map { " (\($0.rawValue))" } ?? ""
                // A manual entry's note says why it was added, as a deletion's detail says why it was deleted.
                let note = rows[first].note.map { ": \($0)" } ?? ""
                detail = "scan \(ids[first].map(String.init) ?? "") at \(time(rows[first].instant))\(direction)\(note)"
            } else {
                detail = "\(indices.count) scans from \(time(instants.min() ?? 0)) to \(time(instants.max() ?? 0))"
            }
            context.audit(
                rows[first].arrival == .entry ? "attendance.added" : "attendance.scanned", entity: "user", entityID: userID, fields: ["scans"],
                detail: detail, companyID: companyID, actor: actors[first]
            )
        }
    }

    /// Marks a scan deleted, with the reason and who deleted it; the scan itself stays as it was recorded.
    public func deleteScan(id: Int64, companyID: Int, reason: String, actor: AuditActor) async throws -> ScanDeletion {
        let deletedAt = Date()
        return try await write { context in
            guard
                let scan = try await context.sql.raw(
                    "SELECT user_id, instant FROM scans WHERE id = \(bind: id) AND company_id = \(bind: companyID)"
                ).first()
            else { return .notFound }
            let userID = try scan.decode(column: "user_id", as: Int.self)
            let instant = try scan.decode(column: "instant", as: Int.self)
            if let month = try await Self.lockedScanMonths([instant], companyID: companyID, on: context.sql)[0] {
                throw LockedMonthRefusal(rows: [LockedMonthRefusal.Row(index: 0, month: month)])
            }
            // ON CONFLICT: a concurrent deletion of the same scan makes this one find it already deleted.
            let inserted = try await context.sql.raw(
                """
                INSERT INTO scan_deletions (scan_id, company_id, reason, actor_kind, actor_id, actor_label, deleted_at) \
                VALUES (\(bind: id), \(bind: companyID), \(bind: reason), \(bind: actor.kind.rawValue), \(bind: actor.id), \(bind: actor.label), \
                \(bind: deletedAt)) ON CONFLICT (scan_id) DO NOTHING RETURNING scan_id
                """
            ).first()
            guard inserted != nil else { return .alreadyDeleted }
            context.audit(
                "attendance.deleted", entity: "user", entityID: userID, fields: ["scans"], detail: "scan \(id): \(reason)", companyID: companyID,
                actor: actor
            )
            return .deleted(userID: userID)
        }
    }

    /// Every scan of `userIDs` (deleted ones too) with `from <= instant <= through + checkInResetLimit`, and before
    /// `from` the history exact pairing needs (`ScanPairing.historyStart`), sorted by (instant, id) per employee.
    /// Only the company's employees' scans are read.
    public func scans(companyID: Int, userIDs: [Int], from: Int, through: Int, limits: AttendanceLimits) async throws -> [Int: [StoredScan]] {
        let sql = try readSQL()
        return try await Self.withHistory(
            userIDs: userIDs, from: from, through: through, limits: limits, scan: \.scan,
            read: { ids, range in
                try await Self.storedScans(companyID: companyID, userIDs: ids, range: range, on: sql)
            })
    }

    /// The same scans as `scans(companyID:userIDs:from:through:limits:)`, as bare `Scan`s for reports and replies: a
    /// month of a company's scans is read without their terminal's label, actor, note or deletion details, which
    /// pairing never looks at.
    public func reportScans(companyID: Int, userIDs: [Int], from: Int, through: Int, limits: AttendanceLimits) async throws -> [Int: [Scan]] {
        try await Self.reportScans(companyID: companyID, userIDs: userIDs, from: from, through: through, limits: limits, on: readSQL())
    }

    /// ``reportScans(companyID:userIDs:from:through:limits:)`` on `sql`, so a write reads them in its own transaction.
    private static func reportScans(
        companyID: Int, userIDs: [Int], from: Int, through: Int, limits: AttendanceLimits, on sql: any SQLDatabase
    ) async throws -> [Int: [Scan]] {
        try await withHistory(
            userIDs: userIDs, from: from, through: through, limits: limits, scan: { $0 },
            read: { ids, range in try await bareScans(companyID: companyID, userIDs: ids, range: range, on: sql) })
    }

    /// Reads `userIDs`' rows of `from...through + checkInResetLimit` through `read`, with the history before `from`
    /// that exact pairing needs, by employee in (instant, id) order.
    ///
    /// One statement per batch also covers the two reset limits before `from`, which settles the history of most
    /// employees (they leave for longer than the limit every day); the others are read back in widening windows (8
    /// and 32 reset limits, then the rest).
    private static func withHistory<Row>(
        userIDs: [Int], from: Int, through: Int, limits: AttendanceLimits, scan: (Row) -> Scan,
        read: ([Int], SQLQueryString) async throws -> [Int: [Row]]
    ) async throws -> [Int: [Row]] {
        var result: [Int: [Row]] = [:]
        let ids = Array(Set(userIDs)).sorted()
        let reset = max(limits.checkInResetLimit, limits.timeBetweenCheckIns)
        for start in stride(from: 0, to: ids.count, by: scanIDsPerStatement) {
            let chunk = Array(ids[start..<min(start + scanIDsPerStatement, ids.count)])
            var loadedFrom: Int? = from - 2 * reset
            let rows = try await read(
                chunk, "scans.instant >= \(bind: from - 2 * reset) AND scans.instant <= \(bind: through + limits.checkInResetLimit)")
            var history: [Int: [Row]] = [:]
            var current: [Int: [Row]] = [:]
            for (userID, scans) in rows {
                let split = scans.firstIndex { scan($0).instant >= from } ?? scans.endIndex
                if split > 0 { history[userID] = Array(scans[..<split]) }
                if split < scans.endIndex { current[userID] = Array(scans[split...]) }
            }
            var unresolved = chunk
            var widenings = [8, 32].makeIterator()
            while true {
                var stillUnresolved: [Int] = []
                for userID in unresolved {
                    let scans = history[userID] ?? []
                    let kept = scans.compactMap { row -> Int? in
                        let scan = scan(row)
                        return scan.isDeleted ? nil : scan.instant
                    }
                    switch ScanPairing.historyStart(before: from, instants: kept, loadedFrom: loadedFrom, limits: limits) {
                    case .notNeeded: history[userID] = nil
                    case .from(let instant): history[userID] = scans.filter { scan($0).instant >= instant }
                    case .needsEarlier: stillUnresolved.append(userID)
                    }
                }
                unresolved = stillUnresolved
                guard !unresolved.isEmpty, let end = loadedFrom else { break }
                let windowStart = widenings.next().map { from - $0 * reset }
                var range: SQLQueryString = "scans.instant < \(bind: end)"
                if let windowStart { range += " AND scans.instant >= \(bind: windowStart)" }
                let earlier = try await read(unresolved, range)
                for userID in unresolved { history[userID] = (earlier[userID] ?? []) + (history[userID] ?? []) }
                loadedFrom = windowStart
            }
            for userID in chunk {
                let scans = (history[userID] ?? []) + (current[userID] ?? [])
                if !scans.isEmpty { result[userID] = scans }
            }
        }
        return result
    }

    /// The scans of `userIDs` within `range` (a condition on `scans.instant`) with only what pairing reads, by
    /// employee in (instant, id) order, without the terminal's join.
    ///
    /// Each employee's scans come back packed into one text (`string_agg`, which SQLite has had since 3.44): a month of
    /// a company's scans is a few hundred thousand rows, and handing each over as a row of named columns cost the live
    /// report more than SQLite's own work and the hours engine together. SQLite builds each scan's text with `format`
    /// (3.38), in one call, cheaper for it than `||` between the fields; PostgreSQL with `||`, cheaper for it than
    /// `format`. PostgreSQL packs the scans in no particular order and they are sorted here: its `ORDER BY` inside the
    /// aggregate sorts every employee's scans apart, and with `format` that was 28 % of its time for the report's reads
    /// (15.1 against 10.9 ms for 250 employees' month); the sort here is linear on scans already in order.
    private static func bareScans(companyID: Int, userIDs: [Int], range: SQLQueryString, on sql: any SQLDatabase) async throws -> [Int: [Scan]] {
        let packing: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? """
            string_agg(scans.instant || ' ' || scans.id || ' ' || scans.source || ' ' || COALESCE(scans.direction, '-') || ' ' || \
            CASE WHEN scan_deletions.scan_id IS NULL THEN '0' ELSE '1' END || ' ' || COALESCE(CAST(scans.device_id AS TEXT), '-'), ';')
            """
            : """
            string_agg(format('%s %s %s %s %s %s', scans.instant, scans.id, scans.source, COALESCE(scans.direction, '-'), \
            CASE WHEN scan_deletions.scan_id IS NULL THEN 0 ELSE 1 END, COALESCE(CAST(scans.device_id AS TEXT), '-')), ';' \
            ORDER BY scans.instant, scans.id)
            """
        let rows = try await sql.raw(
            """
            SELECT scans.user_id, \(packing) AS packed FROM scans \
            LEFT JOIN scan_deletions ON scan_deletions.scan_id = scans.id \
            WHERE +scans.company_id = \(bind: companyID) AND scans.user_id IN (\(binds: userIDs)) AND \(range) \
            GROUP BY scans.user_id
            """
        ).all()
        var scans: [Int: [Scan]] = [:]
        scans.reserveCapacity(rows.count)
        for row in rows {
            let packed = try row.decode(column: "packed", as: String.self)
            guard var run = PackedScans.parse(packed) else { throw StoreError.corruptRow(table: "scans") }
            run.sort { ($0.instant, $0.id) < ($1.instant, $1.id) }
            scans[try row.decode(column: "user_id", as: Int.self)] = run
        }
        return scans
    }

    /// The scans of `userIDs` within `range` (a condition on `scans.instant`), with their deletion and terminal, by
    /// employee in (instant, id) order.
    ///
    /// `+company_id` keeps the company check off the indexes: with the equality SQLite's planner takes the (company_id,
    /// instant) index and reads the whole company's month for every batch of a report, as `dayPlans` documents.
    private static func storedScans(
        companyID: Int, userIDs: [Int], range: SQLQueryString, on sql: any SQLDatabase
    ) async throws -> [Int: [StoredScan]] {
        struct Row: Decodable {
            var id: Int64
            var user_id: Int
            var instant: Int
            var source: String
            var arrival: String
            var device_id: Int?
            var device_label: String?
            var actor_label: String
            var rfid_tag: String?
            var direction: String?
            var note: String?
            var recorded_at: Date
            var reason: String?
            var deleted_by: String?
            var deleted_at: Date?
        }
        let rows = try await sql.raw(
            """
            SELECT scans.id, scans.user_id, scans.instant, scans.source, scans.arrival, scans.device_id, devices.label AS device_label, \
            scans.actor_label, scans.rfid_tag, scans.direction, scans.note, scans.recorded_at, scan_deletions.reason, \
            scan_deletions.actor_label AS deleted_by, scan_deletions.deleted_at FROM scans \
            LEFT JOIN scan_deletions ON scan_deletions.scan_id = scans.id LEFT JOIN devices ON devices.id = scans.device_id \
            WHERE +scans.company_id = \(bind: companyID) AND scans.user_id IN (\(binds: userIDs)) AND \(range) \
            ORDER BY scans.user_id, scans.instant, scans.id
            """
        ).all(decoding: Row.self)
        var scans: [Int: [StoredScan]] = [:]
        for row in rows {
            guard let source = ScanSource(rawValue: row.source), let arrival = ScanArrival(rawValue: row.arrival) else {
                throw StoreError.corruptRow(table: "scans")
            }
            var direction: ScanDirection?
            if let text = row.direction {
                guard let forced = ScanDirection(rawValue: text) else { throw StoreError.corruptRow(table: "scans") }
                direction = forced
            }
            let scan = Scan(
                id: row.id, instant: row.instant, source: source, direction: direction, isDeleted: row.deleted_at != nil, deviceID: row.device_id
            )
            scans[row.user_id, default: []].append(
                StoredScan(
                    scan: scan, userID: row.user_id, arrival: arrival, deviceLabel: row.device_label,
                    actorLabel: row.actor_label, rfidTag: row.rfid_tag, note: row.note, recordedAt: row.recorded_at, deletionReason: row.reason,
                    deletedBy: row.deleted_by, deletedAt: row.deleted_at
                )
            )
        }
        return scans
    }
}
