import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// A settings page of secrets the company hands out (API keys, badge terminals' tokens): the list, issuing one (its
/// secret shown once, with a copy button) and revoking one after a ticked confirmation. A secret is never edited: revoke
/// it and issue another. Each kind of secret is one `Kind`.
struct IssuedSecretsPage {
    let web: WebEnvironment
    let kind: Kind
    static let maxLabelLength = 100

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get(RouterPath(kind.path), use: list)
        group.post(RouterPath(kind.path), use: issue)
        group.get(RouterPath(kind.path + "/{id}/revoke"), use: confirm)
        group.post(RouterPath(kind.path + "/{id}/revoke"), use: revoke)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        var values: [String: Any] = [:]
        if WebEnvironment.query(request)["revoked"] == "1" { values["notice"] = WebText.format(kind.texts.revokedNotice, administrator.language) }
        return try await page(request, administrator: administrator, values: values)
    }

    @Sendable func issue(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let raw = fields["label"] ?? ""
        let label: String
        switch RequiredLine.read(raw, maxLength: Self.maxLabelLength, missing: kind.texts.labelMissing, invalid: "label_invalid") {
        case .success(let text): label = text
        case .failure(let refusal):
            return try await page(
                request, administrator: administrator, status: .unprocessableContent,
                values: ["labelError": WebText.format(refusal.key, administrator.language), "labelValue": String(raw.prefix(Self.maxLabelLength))]
            )
        }
        let issued = try await kind.issue(web.store, administrator.company.id, label, administrator.actor)
        context.logger.info(
            "\(kind.log.noun) \(kind.log.issued)", metadata: [kind.log.field: "\(issued.id)", "company": "\(administrator.company.id)"])
        return try await page(request, administrator: administrator, values: ["issued": true, "issuedLabel": label, "secret": issued.secret])
    }

    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let secret = try await liveSecret(context, administrator: administrator)
        return confirmPage(request, secret: secret, administrator: administrator)
    }

    @Sendable func revoke(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let secret = try await liveSecret(context, administrator: administrator)
        guard fields["confirm"] == "yes" else {
            return confirmPage(
                request, secret: secret, administrator: administrator, status: .unprocessableContent,
                error: WebText.format("revoke_confirm_required", administrator.language)
            )
        }
        // A revoke racing another one finds the secret already revoked: the list says so either way.
        _ = try await kind.revoke(web.store, secret.id, administrator.company.id, administrator.actor)
        context.logger.info("\(kind.log.noun) revoked", metadata: [kind.log.field: "\(secret.id)", "company": "\(administrator.company.id)"])
        return WebEnvironment.redirect(to: "/admin/\(kind.path)?revoked=1")
    }

    /// The company's unrevoked secret named by the path; another company's is "not found", exactly like a missing one.
    private func liveSecret(_ context: WebRequestContext, administrator: SignedInAdministrator) async throws -> IssuedSecretRecord {
        guard let id = context.parameters.get("id").flatMap(Int.init),
            let secret = try await kind.list(web.store, administrator.company.id).first(where: { $0.id == id && $0.revokedAt == nil })
        else { throw WebError.notFound }
        return secret
    }

    /// The words of this kind's pages, in the administrator's language, for the templates' `words`.
    private func words(_ administrator: SignedInAdministrator) -> [String: Any] {
        let company = ["company": administrator.company.name]
        var words = kind.texts.keys.mapValues { WebText.format($0, administrator.language, company) }
        words["secretID"] = kind.secretElementID
        words["path"] = kind.path
        return words
    }

    private func facts(_ secret: IssuedSecretRecord, language: Language, zone: TimeZone) -> [String: Any] {
        [
            "id": secret.id,
            "label": secret.label.isEmpty ? "—" : secret.label,
            "prefix": secret.prefix,
            "created": WebEnvironment.timestamp(secret.createdAt, in: zone) ?? "",
            "lastUsed": WebEnvironment.timestamp(secret.lastUsedAt, in: zone) ?? WebText.format("never", language),
        ]
    }

    private func page(
        _ request: Request, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, values: [String: Any]
    ) async throws -> Response {
        let language = administrator.language
        let zone = administrator.company.timeZone
        let secrets = try await kind.list(web.store, administrator.company.id).reversed().map { secret -> [String: Any] in
            var row = facts(secret, language: language, zone: zone)
            let revoked = secret.revokedAt != nil
            row["revoked"] = revoked
            row["status"] =
                revoked
                ? WebText.format("status_revoked", language, ["date": WebEnvironment.timestamp(secret.revokedAt, in: zone) ?? ""])
                : WebText.format("status_active", language)
            return row
        }
        var all: [String: Any] = ["words": words(administrator), "secrets": secrets, "hasSecrets": !secrets.isEmpty, "labelValue": ""]
        all.merge(values) { _, new in new }
        return web.page(
            "issued-secrets", title: WebText.format(kind.texts.title, language), language: language, administrator: administrator,
            request: request, section: kind.section, status: status, withScript: values["issued"] != nil, values: all
        )
    }

    private func confirmPage(
        _ request: Request, secret: IssuedSecretRecord, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok,
        error: String? = nil
    ) -> Response {
        var values = facts(secret, language: administrator.language, zone: administrator.company.timeZone)
        values["words"] = words(administrator)
        if let error { values["confirmError"] = error }
        return web.page(
            "issued-secret-revoke", title: WebText.format(kind.texts.revokeTitle, administrator.language), language: administrator.language,
            administrator: administrator, request: request, section: kind.section, status: status, values: values
        )
    }
}
