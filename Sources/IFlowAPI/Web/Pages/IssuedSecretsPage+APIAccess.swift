import IFlowStore

extension IssuedSecretsPage.Kind {
    /// Settings → API access: the company's keys for `/api_v2`.
    static let apiAccess = Self(
        path: "settings/api-access", section: .apiAccess, secretElementID: "new-key",
        texts: .init(
            title: "api_access_title", intro: "api_access_intro", newHeading: "new_key_heading", newHint: nil, newWarning: "new_key_warning",
            issueHeading: "generate_heading", labelHint: "label_hint", issueButton: "generate_button", labelMissing: "label_required",
            listHeading: "keys_heading", secretColumn: "col_key", createdColumn: "col_created", lastUsedColumn: "col_last_used", empty: "no_keys",
            revokedNotice: "key_revoked", revokeTitle: "revoke_title", revokeWarning: "revoke_warning", revokeConfirm: "revoke_confirm",
            revokeButton: "revoke_button"
        ),
        log: ("API key", "generated", "key"),
        list: { store, companyID in try await store.apiKeys(companyID: companyID).compactMap(\.issuedSecret) },
        issue: { store, companyID, label, actor in
            let issued = try await store.createAPIKey(companyID: companyID, label: label, actor: actor)
            return (issued.id, issued.secret)
        },
        revoke: { store, id, companyID, actor in try await store.revokeAPIKey(id: id, companyID: companyID, actor: actor) }
    )
}
