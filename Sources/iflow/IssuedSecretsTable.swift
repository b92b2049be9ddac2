import ArgumentParser
import Foundation
import IFlowStore

/// What `iflow key` and `iflow device` share: the company check before issuing a secret, and the `list` table, which
/// never shows a secret, only its first characters.
enum IssuedSecretsTable {
    /// Throws the command line's error when there is no company `id` to issue a secret for.
    static func requireCompany(_ id: Int, in store: Store) async throws {
        guard try await store.company(id: id) != nil else { throw ValidationError("no company with id \(id)") }
    }

    /// Prints one tab-separated line per secret under a header; `lastUseColumn` names when it last worked.
    static func print(_ secrets: [IssuedSecretRecord], lastUseColumn: String) {
        Swift.print(["id", "company", "label", "prefix", "created", lastUseColumn, "revoked"].joined(separator: "\t"))
        for secret in secrets {
            let fields = [
                String(secret.id), String(secret.companyID), secret.label, secret.prefix + "…", timestamp(secret.createdAt),
                timestamp(secret.lastUsedAt), timestamp(secret.revokedAt),
            ]
            Swift.print(fields.joined(separator: "\t"))
        }
    }

    private static func timestamp(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
    }
}
