import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// The timesheet's *Lock month* and *Unlock month* buttons: an administrator of the company closes the month's
/// figures for payroll, or reopens it, after ticking the confirmation; both are audited with their email.
struct MonthLockController {
    let web: WebEnvironment

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.post("timesheet/lock", use: lock)
        group.post("timesheet/unlock", use: unlock)
    }

    @Sendable func lock(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        guard let month = Self.confirmedMonth(fields) else { return Self.back(to: fields, notice: "lock_unconfirmed") }
        _ = try await MonthLock(store: web.store, calculators: web.calculators).lock(
            year: month.year, month: month.month, company: administrator.company, actor: administrator.actor
        )
        context.logger.info("month locked", metadata: ["month": "\(LockedMonth.label(year: month.year, month: month.month))"])
        return Self.back(to: fields, notice: "locked")
    }

    @Sendable func unlock(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        guard let month = Self.confirmedMonth(fields) else { return Self.back(to: fields, notice: "lock_unconfirmed") }
        _ = try await web.store.unlockMonth(year: month.year, month: month.month, companyID: administrator.company.id, actor: administrator.actor)
        context.logger.info("month unlocked", metadata: ["month": "\(LockedMonth.label(year: month.year, month: month.month))"])
        return Self.back(to: fields, notice: "unlocked")
    }

    /// The month of the form, when it reads and its confirmation box is ticked.
    private static func confirmedMonth(_ fields: FormFields) -> MonthQuery? {
        guard fields["confirm"] == "1", case .success(let month) = MonthQuery.parse(fields.requestFields) else { return nil }
        return month
    }

    /// Back to the timesheet of the form's month, saying what happened.
    private static func back(to fields: FormFields, notice: String) -> Response {
        guard let year = fields["year"].flatMap(Int.init), let month = fields["month"].flatMap(Int.init), (1...12).contains(month) else {
            return WebEnvironment.redirect(to: "/admin/timesheet?lock_notice=\(notice)")
        }
        return WebEnvironment.redirect(to: "/admin/timesheet?month=\(LockedMonth.label(year: year, month: month))&lock_notice=\(notice)")
    }

    /// The timesheet's lock block: the month's lock state, its button and the notice of the last lock or unlock.
    static func values(
        _ lock: LockedMonth?, year: Int, month: Int, notice: String?, language: Language, zone: TimeZone
    ) -> [String: Any] {
        // A lock cut short (`locking`) is finished by locking again or undone by unlocking: both buttons are offered.
        var values: [String: Any] = [
            "lockYear": String(year), "lockMonth": String(month), "monthLocked": lock != nil, "monthLocking": lock.map { !$0.isComplete } ?? false,
        ]
        if let lock {
            let formatter = DateFormatter()
            formatter.timeZone = zone
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            let note = lock.isComplete ? "month_locked_note" : "month_locking_note"
            values["lockNote"] = WebText.format(note, language, ["at": formatter.string(from: lock.lockedAt), "by": lock.lockedBy])
        }
        if let notice, ["locked", "unlocked", "lock_unconfirmed"].contains(notice) {
            values["lockNotice"] = WebText.format("lock_notice_" + notice, language)
        }
        return values
    }
}
