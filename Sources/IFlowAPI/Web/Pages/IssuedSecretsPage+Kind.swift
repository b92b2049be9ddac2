import IFlowStore

extension IssuedSecretsPage {
    /// What differs between two kinds of issued secrets: their address, their words and the store calls behind them.
    struct Kind: Sendable {
        /// Under `/admin/`, e.g. `settings/api-access`.
        let path: String
        let section: WebEnvironment.Section
        /// The `id` of the element that shows a new secret, which its copy button names.
        let secretElementID: String
        let texts: Texts
        /// How the log names the secret, the verb for issuing it and the metadata field of its id.
        let log: (noun: String, issued: String, field: String)
        let list: @Sendable (Store, _ companyID: Int) async throws -> [IssuedSecretRecord]
        let issue: @Sendable (Store, _ companyID: Int, _ label: String, AuditActor) async throws -> (id: Int, secret: String)
        /// False when the secret was already revoked.
        let revoke: @Sendable (Store, _ id: Int, _ companyID: Int, AuditActor) async throws -> Bool
    }

    /// The `WebText` keys of a kind's words; `intro` and `listHeading` may name the `{company}`.
    struct Texts: Sendable {
        let title: String
        let intro: String
        let newHeading: String
        /// A paragraph under a new secret, when the kind needs one.
        let newHint: String?
        let newWarning: String
        let issueHeading: String
        let labelHint: String
        let issueButton: String
        let labelMissing: String
        let listHeading: String
        let secretColumn: String
        let createdColumn: String
        let lastUsedColumn: String
        let empty: String
        let revokedNotice: String
        let revokeTitle: String
        let revokeWarning: String
        let revokeConfirm: String
        let revokeButton: String

        /// The keys the templates read, by the name they read them under (`words.title`, …).
        var keys: [String: String] {
            var keys = [
                "title": title, "intro": intro, "newHeading": newHeading, "newWarning": newWarning, "issueHeading": issueHeading,
                "labelHint": labelHint, "issueButton": issueButton, "listHeading": listHeading, "secretColumn": secretColumn,
                "createdColumn": createdColumn, "lastUsedColumn": lastUsedColumn, "empty": empty, "revokeTitle": revokeTitle,
                "revokeWarning": revokeWarning, "revokeConfirm": revokeConfirm, "revokeButton": revokeButton,
            ]
            keys["newHint"] = newHint
            return keys
        }
    }
}
