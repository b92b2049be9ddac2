import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// `month/lock`, `month/unlock` and `month/get_list`: closing a month's figures for payroll, and reopening it.
///
/// A locked month's reports (`user/get_work_schedule`, the timesheet and its downloads) are served from the figures
/// stored when it was locked, and every write that would change its hours is refused (`locked_month`).
struct MonthController {
    let store: Store
    let calculators: CalculatorCache

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "month/lock", handle: lock),
            APIEndpoint(path: "month/unlock", handle: unlock),
            APIEndpoint(path: "month/get_list", handle: list),
        ]
    }

    /// Locks the month, or completes a lock cut short; a month already locked stays as it was.
    @Sendable func lock(_ request: APIRequest) async throws -> LockedMonthReply {
        let query = try MonthQuery.parse(request.requestFields).get()
        let lock = try await MonthLock(store: store, calculators: calculators).lock(
            year: query.year, month: query.month, company: request.company, actor: request.actor
        )
        return LockedMonthReply(lock, year: query.year, month: query.month, language: request.language)
    }

    /// Reopens the month and discards its stored figures; a month that was not locked answers the same.
    @Sendable func unlock(_ request: APIRequest) async throws -> LockedMonthReply {
        let query = try MonthQuery.parse(request.requestFields).get()
        _ = try await store.unlockMonth(year: query.year, month: query.month, companyID: request.company.id, actor: request.actor)
        return LockedMonthReply(nil, year: query.year, month: query.month, language: request.language)
    }

    /// Every lock of the company, a `locking` one (a lock cut short) with its note on finishing it.
    @Sendable func list(_ request: APIRequest) async throws -> LockedMonthListReply {
        let locks = try await store.lockedMonths(companyID: request.company.id)
        return LockedMonthListReply(months: locks.map { LockedMonthReply($0, year: $0.year, month: $0.month, language: request.language) })
    }
}
