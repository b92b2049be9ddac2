import Foundation
import IFlowCore
import IFlowStore

/// Locks a month in two steps, so the long computation holds no lock: the first closes the month to every write that
/// changes hours (`Store.beginMonthLock`), the second computes both attendance types' figures from the data that can
/// no longer change and stores them a batch at a time, then marks the lock complete. A lock cut short between the two
/// is completed by the next `lock` of the month, by this server or another.
public struct MonthLock: Sendable {
    let store: Store
    let calculators: CalculatorCache
    /// Employees computed and stored per write.
    var batchSize = 250

    /// Locks the month, or completes its lock, and answers the lock as it now stands (complete unless another server
    /// unlocked it meanwhile, or is completing it); `nil` when it was unlocked meanwhile.
    public func lock(year: Int, month: Int, company: CompanyContext, actor: AuditActor, now: Date = Date()) async throws -> LockedMonth? {
        // Every employee's month is computed and encoded twice: give that memory back once the lock is stored.
        defer { FreedMemory.release() }
        let calculator = calculators.calculator(for: company.timeZone)
        let calendar = MonthCalendar(year: year, month: month, calculator: calculator)
        guard let first = calendar.days.first?.date, let last = calendar.days.last?.date else { return nil }
        let start = try await store.beginMonthLock(
            year: year, month: month, startsAt: Self.midnight(first, calculator), endsAt: Self.midnight(last.adding(days: 1), calculator),
            timeZone: company.timeZone.identifier, calendar: try calendar.stored(), computedAt: Int(now.timeIntervalSince1970.rounded(.down)),
            companyID: company.id, actor: actor
        )
        guard case .started(let lock) = start else { return try await store.lockedMonth(companyID: company.id, year: year, month: month) }
        let stored = try MonthCalendar(stored: lock.calendar)
        var everyone = ReportFilter()
        everyone.includeDisabled = true
        let enabled = Set(try await store.reportUsers(companyID: company.id, month: (year, month), filter: ReportFilter()).map(\.id))
        for attendanceType in AttendanceType.allCases {
            let schedule = try await MonthSchedule.computed(
                store: store, calculator: calculator, companyID: company.id, year: year, month: month, filter: everyone,
                attendanceType: attendanceType, limits: company.attendance.limits, now: lock.computedAt, calendar: stored
            )
            var open = true
            try await schedule.forEachBatch(size: batchSize) { months in
                guard open else { return }
                let employees = try months.map {
                    LockedEmployee(
                        user: $0.user, isEnabled: enabled.contains($0.user.id), figures: try StoredFigures.encode($0),
                        totals: try StoredFigures.encodeTotals($0))
                }
                open = try await store.storeLockedFigures(employees, lockID: lock.id, attendanceType: attendanceType)
            }
            guard open else { return try await store.lockedMonth(companyID: company.id, year: year, month: month) }
        }
        _ = try await store.completeMonthLock(lockID: lock.id)
        return try await store.lockedMonth(companyID: company.id, year: year, month: month)
    }

    /// The UTC instant of `date`'s local midnight, or of its first local minute where the clocks skip midnight.
    private static func midnight(_ date: LocalDate, _ calculator: ScheduleCalculator) -> Int {
        for second in stride(from: 0, to: 86_400, by: 60) {
            if let instant = calculator.instant(on: date, secondOfDay: second) { return instant }
        }
        return date.dayNumber * 86_400
    }
}

extension MonthLock {
    /// For `iflow month lock`, which runs without a server's calculators.
    public init(store: Store) {
        self.init(store: store, calculators: CalculatorCache())
    }
}
