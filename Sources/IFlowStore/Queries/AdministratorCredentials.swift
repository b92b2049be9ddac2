import Foundation
import HummingbirdBcrypt

/// The rules for administrators' e-mail addresses and passwords.
public enum AdministratorCredentials {
    public static let minimumPasswordLength = 12
    /// bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused.
    public static let maximumPasswordBytes = 72
    /// log2 of bcrypt's rounds: about a quarter of a second per hash on a current server core.
    public static let defaultCost: UInt8 = 12

    /// Trimmed and lower-cased, or `nil` when it is not `local@domain` on one line within 254 characters.
    public static func normalizedEmail(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard email.count <= 254, !email.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" }) else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return nil }
        return email
    }

    public static func check(password: String) throws(AdministratorError) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort(minimum: minimumPasswordLength) }
        guard password.utf8.count <= maximumPasswordBytes else { throw .passwordTooLong(maximumBytes: maximumPasswordBytes) }
    }
}
