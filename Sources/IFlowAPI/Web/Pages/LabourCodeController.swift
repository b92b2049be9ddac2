import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// Settings → Labour Code: every rule the timesheet and `compliance/get_warnings` check, switched off and on for the
/// company (turning one off asks for confirmation), and which teams work in shifts (art. 135(2)). Writes are audited.
struct LabourCodeController {
    let web: WebEnvironment

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("settings/labour-code", use: show)
        group.post("settings/labour-code", use: saveRules)
        group.post("settings/labour-code/shift-work", use: saveShiftWork)
    }

    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let query = WebEnvironment.query(request)
        var values: [String: Any] = [:]
        if query["saved"] == "1" { values["notice"] = WebText.format("labour_saved", language) }
        if let team = query["team"], query["shift_work_saved"] == "1" {
            values["notice"] = WebText.format("shift_work_saved", language, ["team": team])
        }
        let disabled = try await web.store.disabledComplianceRules(companyID: administrator.company.id)
        return try await page(request, administrator: administrator, disabled: disabled, values: values)
    }

    /// The form lists a checkbox per rule, ticked for the rules to check; a rule newly left unticked needs the confirmation.
    @Sendable func saveRules(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let companyID = administrator.company.id
        let current = try await web.store.disabledComplianceRules(companyID: companyID)
        let chosen = Set(ComplianceRule.allCases.filter { fields["rule_" + $0.rawValue] != "on" })
        if !chosen.isSubset(of: current), fields["confirm"] != "yes" {
            return try await page(
                request, administrator: administrator, disabled: chosen, status: .unprocessableContent,
                values: ["confirmError": WebText.format("labour_off_confirm_required", administrator.language)]
            )
        }
        if chosen != current {
            try await web.store.setDisabledComplianceRules(chosen, companyID: companyID, actor: administrator.actor)
            context.logger.info("Labour Code rules saved", metadata: ["company": "\(companyID)", "off": "\(ComplianceRule.format(chosen))"])
        }
        return WebEnvironment.redirect(to: "/admin/settings/labour-code?saved=1")
    }

    /// One team's shift work on or off; a team the company does not have is "not found".
    @Sendable func saveShiftWork(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        guard let team = fields["team"], let shiftWork = fields["shift_work"].flatMap({ ["1": true, "0": false][$0] }),
            try await web.store.setTeamShiftWork(shiftWork, teamName: team, companyID: administrator.company.id, actor: administrator.actor)
        else { throw WebError.notFound }
        return WebEnvironment.redirect(to: WebEnvironment.url("/admin/settings/labour-code", [("shift_work_saved", "1"), ("team", team)]))
    }

    private func page(
        _ request: Request, administrator: SignedInAdministrator, disabled: Set<ComplianceRule>, status: HTTPResponse.Status = .ok,
        values: [String: Any]
    ) async throws -> Response {
        let language = administrator.language
        let rules = ComplianceRule.allCases.map { rule -> [String: Any] in
            let on = !disabled.contains(rule)
            return [
                "rule": rule.rawValue, "article": rule.article, "description": WebText.format("rule_" + rule.rawValue, language), "on": on,
                "state": WebText.format(on ? "rule_on" : "rule_off", language),
            ]
        }
        let teams = try await web.store.teamShiftWork(companyID: administrator.company.id).map { team -> [String: Any] in
            [
                "teamName": team.name, "shiftWork": team.shiftWork, "nextValue": team.shiftWork ? "0" : "1",
                "state": WebText.format(team.shiftWork ? "shift_work_on" : "shift_work_off", language),
                "action": WebText.format(team.shiftWork ? "shift_work_turn_off" : "shift_work_turn_on", language),
            ]
        }
        var all: [String: Any] = [
            "intro": WebText.format("labour_code_intro", language, ["company": administrator.company.name]),
            "rules": rules,
            "teams": teams,
            "hasTeams": !teams.isEmpty,
        ]
        all.merge(values) { _, new in new }
        return web.page(
            "labour-code", title: WebText.format("labour_code_title", language), language: language, administrator: administrator,
            request: request, section: .labourCode, status: status, values: all
        )
    }
}
