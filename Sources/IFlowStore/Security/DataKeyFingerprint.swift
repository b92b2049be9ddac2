import Crypto
import Foundation

/// What a database records of the keys its personal numbers are sealed and hashed with: one fingerprint of the current
/// lookup key and one of the current data key.
///
/// A fingerprint is HMAC-SHA256 under the key of a fixed label. HMAC is a pseudorandom function, so without the key
/// its output says nothing about the key, and it cannot be turned back into one; it only lets a process holding a key
/// check that it is the same. The label starts with a NUL byte, which no personal number may hold (they are single-line
/// text), so a fingerprint never equals the lookup hash of a stored value.
public struct DataKeyFingerprint: Sendable, Equatable, CustomStringConvertible {
    public let lookup: String
    public let data: String

    static let label = Data("\u{0}iflow-server data key fingerprint v1".utf8)

    static func of(_ key: Data) -> String {
        HMAC<SHA256>.authenticationCode(for: label, using: SymmetricKey(data: key)).lowerHex
    }

    /// The first characters of each, enough to tell two keyrings apart in a message.
    public var description: String {
        "lookup \(lookup.prefix(8))…, data \(data.prefix(8))…"
    }
}
