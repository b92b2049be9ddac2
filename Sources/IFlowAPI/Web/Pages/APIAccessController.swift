import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// Settings → API access: the company's keys, generating one (shown once) and revoking one (after confirmation).
/// There is deliberately no way to edit a key.
struct APIAccessController {
    let web: WebEnvironment
    static let maxLabelLength = 100

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("settings/api-access", use: list)
        group.post("settings/api-access", use: generate)
        group.get("settings/api-access/{id}/revoke", use: confirm)
        group.post("settings/api-access/{id}/revoke", use: revoke)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        var values: [String: Any] = [:]
        if WebEnvironment.query(request)["revoked"] == "1" { values["notice"] = WebText.format("key_revoked", administrator.language) }
        return try await page(request, administrator: administrator, values: values)
    }

    @Sendable func generate(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let raw = fields["label"] ?? ""
        let label: String
        switch RequiredLine.read(raw, maxLength: Self.maxLabelLength, missing: "label_required", invalid: "label_invalid") {
        case .success(let text): label = text
        case .failure(let refusal):
            return try await page(
                request, administrator: administrator, status: .unprocessableContent,
                values: ["labelError": WebText.format(refusal.key, administrator.language), "labelValue": String(raw.prefix(Self.maxLabelLength))]
            )
        }
        let issued = try await web.store.createAPIKey(companyID: administrator.company.id, label: label, actor: administrator.actor)
        context.logger.info("API key generated", metadata: ["key": "\(issued.id)", "company": "\(administrator.company.id)"])
        return try await page(request, administrator: administrator, values: ["newKey": true, "newKeyLabel": label, "secret": issued.secret])
    }

    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let key = try await liveKey(context, administrator: administrator)
        return confirmPage(request, key: key, administrator: administrator)
    }

    @Sendable func revoke(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let key = try await liveKey(context, administrator: administrator)
        guard fields["confirm"] == "yes" else {
            return confirmPage(
                request, key: key, administrator: administrator, status: .unprocessableContent,
                error: WebText.format("revoke_confirm_required", administrator.language)
            )
        }
        try await web.store.revokeAPIKey(id: key.id!, companyID: administrator.company.id, actor: administrator.actor)
        context.logger.info("API key revoked", metadata: ["key": "\(key.id!)", "company": "\(administrator.company.id)"])
        return WebEnvironment.redirect(to: "/admin/settings/api-access?revoked=1")
    }

    /// The company's unrevoked key named by the path; another company's key is "not found", exactly like a missing one.
    private func liveKey(_ context: WebRequestContext, administrator: SignedInAdministrator) async throws -> APIKey {
        guard let id = context.parameters.get("id").flatMap(Int.init),
            let key = try await web.store.apiKeys(companyID: administrator.company.id).first(where: { $0.id == id && $0.revokedAt == nil })
        else { throw WebError.notFound }
        return key
    }

    private func page(
        _ request: Request, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, values: [String: Any]
    ) async throws -> Response {
        let language = administrator.language
        let zone = administrator.company.timeZone
        let keys = try await web.store.apiKeys(companyID: administrator.company.id).reversed().map { key -> [String: Any] in
            let revoked = key.revokedAt != nil
            let never = WebText.format("never", language)
            return [
                "id": key.id ?? 0,
                "keyLabel": key.label.isEmpty ? "—" : key.label,
                "prefix": key.prefix,
                "created": WebEnvironment.timestamp(key.createdAt, in: zone) ?? "",
                "lastUsed": WebEnvironment.timestamp(key.lastUsedAt, in: zone) ?? never,
                "revoked": revoked,
                "status": revoked
                    ? WebText.format("status_revoked", language, ["date": WebEnvironment.timestamp(key.revokedAt, in: zone) ?? ""])
                    : WebText.format("status_active", language),
            ]
        }
        var all: [String: Any] = [
            "intro": WebText.format("api_access_intro", language, ["company": administrator.company.name]),
            "keysHeading": WebText.format("keys_heading", language, ["company": administrator.company.name]),
            "keys": keys,
            "hasKeys": !keys.isEmpty,
            "labelValue": "",
        ]
        all.merge(values) { _, new in new }
        return web.page(
            "api-access", title: WebText.format("api_access_title", language), language: language, administrator: administrator,
            request: request, section: .apiAccess, status: status, withScript: values["newKey"] != nil, values: all
        )
    }

    private func confirmPage(
        _ request: Request, key: APIKey, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, error: String? = nil
    ) -> Response {
        let language = administrator.language
        let zone = administrator.company.timeZone
        var values: [String: Any] = [
            "id": key.id ?? 0,
            "keyLabel": key.label.isEmpty ? "—" : key.label,
            "prefix": key.prefix,
            "created": WebEnvironment.timestamp(key.createdAt, in: zone) ?? "",
            "lastUsed": WebEnvironment.timestamp(key.lastUsedAt, in: zone) ?? WebText.format("never", language),
        ]
        if let error { values["confirmError"] = error }
        return web.page(
            "revoke", title: WebText.format("revoke_title", language), language: language, administrator: administrator, request: request,
            section: .apiAccess, status: status, values: values
        )
    }
}
