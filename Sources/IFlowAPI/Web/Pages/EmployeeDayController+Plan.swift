import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

extension EmployeeDayController {
    /// The plan form's fields: `schedule/set_day`'s, read by the same request type, so the page accepts exactly what
    /// the API does.
    static let planFields = ["type", "shifts", "break_minutes", "overtime", "time_off"]

    /// Replaces the day's plan or absence code, with the required reason in the audit trail (`schedule.set_day`).
    @Sendable func setPlan(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let target = try await target(context, administrator: administrator)
        let language = administrator.language
        var sent: [String: Any] = ["planOpen": true, "planReasonValue": String((fields["reason"] ?? "").prefix(DayEntryForm.maxTextLength))]
        for name in Self.planFields { sent["plan_" + name] = String((fields[name] ?? "").prefix(200)) }
        func refused(_ messages: [String]) async throws -> Response {
            var values = sent
            values["planErrors"] = messages.map { ["errorText": $0] }
            return try await page(request, target, administrator: administrator, status: .unprocessableContent, values: values)
        }

        var planFields = ["user_by": "user_id", "user_by_value": String(target.employee.userID), "date": target.date.description]
        for name in Self.planFields { planFields[name] = fields[name] ?? "" }
        var messages: [String] = []
        var plan: DayPlan?
        switch SetDayRequest.parse(RequestFields(planFields)) {
        case .success(let day): plan = day.plan
        case .failure(let failure): messages += failure.issues.map { $0.message(in: language) }
        }
        var reason: String?
        switch DayEntryForm.reason(fields) {
        case .success(let text): reason = text
        case .failure(let refusal): messages.append(WebText.format(refusal.key, language))
        }
        guard messages.isEmpty, let plan, let reason else { return try await refused(messages) }
        do {
            try await web.store.setDay(
                plan, userID: target.employee.userID, companyID: administrator.company.id, calculator: target.calculator, reason: reason,
                actor: administrator.actor
            )
        } catch let refusal as PlanOverlapRefusal {
            let dates = refusal.conflicts.flatMap { conflict -> [LocalDate] in
                if case .stored(let dates) = conflict.neighbour { dates } else { [] }
            }
            let detail = dates.map(\.description).joined(separator: ", ")
            return try await refused([ValidationIssue(field: "shifts", check: .noOverlap, parameters: ["detail": detail]).message(in: language)])
        } catch let refusal as LockedMonthRefusal {
            return try await refused(refusal.issues(field: "date").map { $0.message(in: language) })
        }
        context.logger.info("day planned", metadata: ["employee": "\(target.employee.userID)", "company": "\(administrator.company.id)"])
        return WebEnvironment.redirect(to: target.path + "?planned=1")
    }

    /// The plan form's values: what was sent when it was refused, else the day's plan as it stands.
    static func planFormValues(_ plan: DayPlan?, language: Language, sent: [String: Any]) -> [String: Any] {
        let current = (sent["plan_type"] as? String) ?? plan?.type.rawValue ?? DayType.work.rawValue
        var values: [String: Any] = [
            "planTypes": DayType.allCases.map { type -> [String: Any] in
                ["typeValue": type.rawValue, "typeName": type.description(in: language), "selected": type.rawValue == current]
            },
            "planShiftsValue": (sent["plan_shifts"] as? String) ?? plan.map { TimeRangeList.format($0.shifts) } ?? "",
            "planBreakValue": (sent["plan_break_minutes"] as? String) ?? plan.map { $0.breakMinutes > 0 ? String($0.breakMinutes) : "" } ?? "",
            "planOvertimeValue": (sent["plan_overtime"] as? String) ?? plan.map { TimeRangeList.format($0.overtime) } ?? "",
            "planTimeOffValue": (sent["plan_time_off"] as? String) ?? plan.map { TimeRangeList.format($0.timeOff) } ?? "",
        ]
        if let open = sent["planOpen"] { values["planOpen"] = open }
        return values
    }
}
