import Foundation
import IFlowCore
import IFlowStore

/// A month of a company's schedules: which employees it lists, and their computed months a batch at a time, from the
/// plan or, for `live_attendance`, from the scans; for a locked month, the figures stored when it was locked.
struct MonthSchedule: Sendable {
    let store: Store
    let calculator: ScheduleCalculator
    let companyID: Int
    let year: Int
    let month: Int
    /// The employees the month lists (`Store.reportUsers`, or as they were at lock time), by id.
    let users: [ReportUser]
    /// Planned hours, or the hours present.
    let attendanceType: AttendanceType
    /// The company's pairing limits, for `live_attendance`.
    let limits: AttendanceLimits
    /// UTC seconds: an open check-in counts up to this instant, and one older than the reset limit then counts nothing.
    let now: Int
    /// The month's dates, their classes and holidays: the calculator's, or the lock's.
    let calendar: MonthCalendar
    /// The complete lock whose stored figures the month is served from; `nil` when they are computed.
    let lock: LockedMonth?

    /// The month as reports show it: served from its lock's stored figures when it is locked (its calendar, and the
    /// instant of the lock as `now`, even while the lock is completing), computed otherwise.
    ///
    /// - Parameters:
    ///   - attendanceType: `work_schedule` (planned) or `live_attendance`; the latter also reads the scans.
    ///   - limits: the company's pairing limits (`CompanyContext.attendance.limits`), used for `live_attendance`.
    ///   - now: the instant open check-ins are paired up to; the clock's now unless a test fixes it.
    static func load(
        store: Store, calculator: ScheduleCalculator, companyID: Int, year: Int, month: Int, filter: ReportFilter,
        attendanceType: AttendanceType = .workSchedule, limits: AttendanceLimits = .iFlowDefaults, now: Date = Date()
    ) async throws
        -> MonthSchedule
    {
        guard let lock = try await store.lockedMonth(companyID: companyID, year: year, month: month) else {
            return try await computed(
                store: store, calculator: calculator, companyID: companyID, year: year, month: month, filter: filter, attendanceType: attendanceType,
                limits: limits, now: Int(now.timeIntervalSince1970.rounded(.down))
            )
        }
        let calendar = try MonthCalendar(stored: lock.calendar)
        let zoned = calculator.timeZone.identifier == lock.timeZone ? calculator : lockedCalculator(lock, fallback: calculator)
        guard lock.isComplete else {
            return try await computed(
                store: store, calculator: zoned, companyID: companyID, year: year, month: month, filter: filter, attendanceType: attendanceType,
                limits: limits, now: lock.computedAt, calendar: calendar
            )
        }
        let users = try await store.lockedEmployees(lockID: lock.id, attendanceType: attendanceType, filter: filter)
        return MonthSchedule(
            store: store, calculator: zoned, companyID: companyID, year: year, month: month, users: users, attendanceType: attendanceType,
            limits: limits, now: lock.computedAt, calendar: calendar, lock: lock
        )
    }

    /// The month computed from the plans and scans, whether it is locked or not: what locking stores.
    static func computed(
        store: Store, calculator: ScheduleCalculator, companyID: Int, year: Int, month: Int, filter: ReportFilter, attendanceType: AttendanceType,
        limits: AttendanceLimits, now: Int, calendar: MonthCalendar? = nil
    ) async throws -> MonthSchedule {
        let users = try await store.reportUsers(companyID: companyID, month: (year, month), filter: filter)
        return MonthSchedule(
            store: store, calculator: calculator, companyID: companyID, year: year, month: month, users: users, attendanceType: attendanceType,
            limits: limits, now: now, calendar: calendar ?? MonthCalendar(year: year, month: month, calculator: calculator), lock: nil
        )
    }

    /// A calculator on the zone the month was locked in, so a live month's intervals read as they did then.
    private static func lockedCalculator(_ lock: LockedMonth, fallback: ScheduleCalculator) -> ScheduleCalculator {
        guard let zone = TimeZone(identifier: lock.timeZone) else { return fallback }
        return ScheduleCalculator(timeZone: zone, holidays: fallback.holidays)
    }

    /// The same month for `users[range]` only.
    func restricted(to range: Range<Int>) -> MonthSchedule {
        MonthSchedule(
            store: store, calculator: calculator, companyID: companyID, year: year, month: month, users: Array(users[range]),
            attendanceType: attendanceType, limits: limits, now: now, calendar: calendar, lock: lock
        )
    }

    var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    var lastDay: LocalDate { firstDay.adding(days: LocalDate.daysIn(month: month, year: year) - 1) }

    /// Reads the plans (and for `live_attendance` the scans) of `size` employees per query and hands each batch's
    /// computed months to `body`, in id order; for a locked month, the batch's stored figures.
    ///
    /// The next batch is read while `body` handles the current one: the reading runs mostly on SQLite's thread and
    /// the computing on ours, so on two cores the two overlap. At most two batches are in memory; a failing `body`
    /// cancels the read in flight.
    ///
    /// - Parameter totalsOnly: `body` reads only the months' totals (a report without days): a locked month's stored
    ///   totals are then read instead of its whole figures (for a lock from before they were stored apart, its plans
    ///   and days are skipped rather than decoded).
    func forEachBatch(size: Int, totalsOnly: Bool = false, _ body: ([EmployeeMonth]) async throws -> Void) async throws {
        let batches = stride(from: 0, to: users.count, by: size).map { users[$0..<min($0 + size, users.count)] }
        if let lock {
            try await forEachStoredBatch(batches, lock: lock, totalsOnly: totalsOnly, body)
            return
        }
        let from = firstDay.adding(days: -1)
        let through = lastDay
        // Every instant of the month's local dates in any zone (UTC offsets lie within -12 h and +14 h); the store adds
        // the history before and the reset limit after that pairing needs.
        let secondsPerDay = ClockTime.minutesPerDay * 60
        let scansFrom = firstDay.dayNumber * secondsPerDay - 14 * 3_600
        let scansThrough = (lastDay.dayNumber + 1) * secondsPerDay + 12 * 3_600
        let (store, companyID, limits, live) = (self.store, self.companyID, self.limits, attendanceType == .liveAttendance)
        func read(_ index: Int) -> Task<(plans: [Int: [DayPlan]], scans: [Int: [Scan]]), any Error>? {
            guard index < batches.count else { return nil }
            let ids = batches[index].map(\.id)
            return Task {
                async let plans = store.dayPlans(userIDs: ids, from: from, through: through)
                let scans =
                    live
                    ? try await store.reportScans(companyID: companyID, userIDs: ids, from: scansFrom, through: scansThrough, limits: limits) : [:]
                return (try await plans, scans)
            }
        }
        var next = read(0)
        defer { next?.cancel() }
        for (index, batch) in batches.enumerated() {
            guard let current = next else { break }
            next = read(index + 1)
            let read = try await current.value
            try await body(
                batch.map { user in
                    let presence = live ? presence(of: read.scans[user.id] ?? []) : nil
                    return EmployeeMonth(
                        user: user, plans: read.plans[user.id] ?? [], presence: presence, month: (year, month), calculator: calculator)
                }
            )
        }
    }

    /// ``forEachBatch(size:_:)`` for a locked month: each batch's figures as they were stored, read ahead like plans.
    private func forEachStoredBatch(
        _ batches: [ArraySlice<ReportUser>], lock: LockedMonth, totalsOnly: Bool, _ body: ([EmployeeMonth]) async throws -> Void
    )
        async throws
    {
        let (store, attendanceType) = (self.store, self.attendanceType)
        // The next batch is read and decoded while `body` writes this one: decoding a month with its days costs about
        // what writing it does, so the two share the cores as the computed report's reads and hours do.
        func read(_ index: Int) -> Task<[EmployeeMonth], any Error>? {
            guard index < batches.count else { return nil }
            let batch = batches[index]
            return Task {
                let figures = try await store.lockedFigures(
                    lockID: lock.id, attendanceType: attendanceType, userIDs: batch.map(\.id), totalsOnly: totalsOnly)
                return try batch.map { user in
                    guard let stored = figures[user.id] else { throw StoreError.corruptRow(table: "locked_month_employees") }
                    return try StoredFigures.decode(stored, user: user, totalsOnly: totalsOnly)
                }
            }
        }
        var next = read(0)
        defer { next?.cancel() }
        for index in batches.indices {
            guard let current = next else { break }
            next = read(index + 1)
            try await body(try await current.value)
        }
    }

    /// The time an employee was present, from their scans paired under the company's limits up to `now`.
    private func presence(of scans: [Scan]) -> [WorkedInterval] {
        guard !scans.isEmpty else { return [] }
        return ScanPairing.intervals(of: scans, limits: limits, now: now)
    }
}
