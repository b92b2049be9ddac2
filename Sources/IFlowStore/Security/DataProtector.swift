import Crypto
import Foundation

/// Seals and opens personal numbers (CNP, id card, IBAN) and computes their lookup hashes.
///
/// A sealed value is `KEYID.BASE64` where `KEYID` names the data key (first 4 bytes of its SHA-256, hex) and the
/// payload is AES-GCM's nonce, ciphertext and tag. A lookup is HMAC-SHA256 under the lookup key, hex: equal values
/// give equal lookups, so finding an employee by their CNP stays an indexed equality and uniqueness stays a database
/// constraint.
public struct DataProtector: Sendable {
    private let lookupKey: Data
    private let sealingKey: Data
    /// The id that prefixes every value sealed with the current data key.
    let sealingKeyID: String
    private let openingKeys: [String: Data]
    /// The current keys' fingerprint, which the database must record (see ``DataKeyFingerprint``).
    public let fingerprint: DataKeyFingerprint
    /// Whether the keyring holds given keys, current or older: a rotation reads what the older ones wrote.
    let holds: @Sendable (DataKeyFingerprint) -> Bool

    public enum Failure: Error {
        /// The value was sealed with a key this keyring does not have.
        case unknownKey
        case corrupt
    }

    public init(keyring: DataKeyring) {
        lookupKey = keyring.lookupKeys[0]
        let identified = keyring.dataKeys.map { (Self.identifier(of: $0), $0) }
        (sealingKeyID, sealingKey) = identified[0]
        openingKeys = Dictionary(identified, uniquingKeysWith: { first, _ in first })
        fingerprint = keyring.fingerprint
        holds = { [keyring] in keyring.holds($0) }
    }

    static func identifier(of key: Data) -> String {
        SHA256.hash(data: key).prefix(4).lowerHex
    }

    /// The value's lookup hash under the current lookup key: 64 hex characters.
    public func lookup(_ value: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: lookupKey)).lowerHex
    }

    public func seal(_ value: String) throws -> String {
        let box = try AES.GCM.seal(Data(value.utf8), using: SymmetricKey(data: sealingKey))
        guard let combined = box.combined else { throw Failure.corrupt }
        return sealingKeyID + "." + combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        let parts = sealed.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let payload = Data(base64Encoded: String(parts[1])) else { throw Failure.corrupt }
        guard let key = openingKeys[String(parts[0])] else { throw Failure.unknownKey }
        let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: payload), using: SymmetricKey(data: key))
        guard let text = String(data: opened, encoding: .utf8) else { throw Failure.corrupt }
        return text
    }

    /// Whether `sealed` was sealed with the current data key (so rotation can skip it).
    public func isCurrent(_ sealed: String) -> Bool {
        sealed.hasPrefix(sealingKeyID + ".")
    }

    func seal(_ value: String?) throws -> String? { try value.map { try seal($0) } }
    func open(_ sealed: String?) throws -> String? { try sealed.map { try open($0) } }
}
