import Crypto
import Foundation

/// The keys that protect personal numbers at rest: lookup keys (HMAC, so equal values can be found through an index)
/// and data keys (AES-GCM). The first of each is the current one: it hashes and seals new values. Older ones are kept
/// only while `iflow rotate-data-key` moves the rows off them.
///
/// Text form, one key a line: `lookup:BASE64` and `data:BASE64` lines, each kind newest first. The same text (lines
/// may be separated by spaces) can come from `IFLOW_DATA_KEY` instead of a file.
public struct DataKeyring: Sendable, Equatable {
    /// Raw key bytes (`SymmetricKey` is not `Sendable`; one is made per use). Newest first; never empty.
    let lookupKeys: [Data]
    /// Newest first; never empty.
    let dataKeys: [Data]

    public enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case insecureFile(String)

        public var description: String {
            switch self {
            case .malformed(let detail): "data key: \(detail)"
            case .insecureFile(let path): "data key file \(path) must be readable by its owner only (chmod 600)"
            }
        }
    }

    init(lookupKeys: [Data], dataKeys: [Data]) {
        precondition(!lookupKeys.isEmpty && !dataKeys.isEmpty, "a keyring needs a lookup key and a data key")
        self.lookupKeys = lookupKeys
        self.dataKeys = dataKeys
    }

    /// Fresh random keys: for a new database, and for in-memory ones, whose data does not outlive the process.
    public static func generate() -> DataKeyring {
        DataKeyring(lookupKeys: [randomKey()], dataKeys: [randomKey()])
    }

    /// A new lookup key and a new data key in front, the old ones kept so that a rotation can read what they wrote.
    public func addingKeys() -> DataKeyring {
        DataKeyring(lookupKeys: [Self.randomKey()] + lookupKeys, dataKeys: [Self.randomKey()] + dataKeys)
    }

    /// Only the current keys.
    public func droppingOldKeys() -> DataKeyring {
        DataKeyring(lookupKeys: [lookupKeys[0]], dataKeys: [dataKeys[0]])
    }

    /// Whether older keys are kept beside the current ones.
    public var hasOldKeys: Bool { lookupKeys.count > 1 || dataKeys.count > 1 }

    /// The fingerprint of the current keys, which a database records.
    public var fingerprint: DataKeyFingerprint {
        DataKeyFingerprint(lookup: DataKeyFingerprint.of(lookupKeys[0]), data: DataKeyFingerprint.of(dataKeys[0]))
    }

    /// Whether this keyring holds the keys of `fingerprint`, current or older.
    func holds(_ fingerprint: DataKeyFingerprint) -> Bool {
        lookupKeys.contains { DataKeyFingerprint.of($0) == fingerprint.lookup } && dataKeys.contains { DataKeyFingerprint.of($0) == fingerprint.data }
    }

    static func randomKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    public init(text: String) throws {
        var lookup: [Data] = []
        var data: [Data] = []
        for item in text.split(whereSeparator: { $0.isWhitespace }) {
            let parts = item.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let bytes = Data(base64Encoded: String(parts[1])), bytes.count == 32 else {
                throw Failure.malformed("each entry is lookup:BASE64 or data:BASE64 of 32 bytes")
            }
            switch parts[0] {
            case "lookup": lookup.append(bytes)
            case "data": data.append(bytes)
            default: throw Failure.malformed("each entry is lookup:BASE64 or data:BASE64 of 32 bytes")
            }
        }
        guard !lookup.isEmpty, !data.isEmpty else { throw Failure.malformed("a lookup key and at least one data key are needed") }
        self.init(lookupKeys: lookup, dataKeys: data)
    }

    public var text: String {
        func encode(_ key: Data) -> String { key.base64EncodedString() }
        return (lookupKeys.map { "lookup:" + encode($0) } + dataKeys.map { "data:" + encode($0) }).joined(separator: "\n") + "\n"
    }

    /// Reads the keyring from `IFLOW_DATA_KEY` when set, else from `file`; `nil` when neither exists. It never creates
    /// a file: only a database without sealed data may get new keys, which the caller checks first.
    public static func load(environment: [String: String], file: String) throws -> DataKeyring? {
        if let inline = environment["IFLOW_DATA_KEY"], !inline.isEmpty {
            return try DataKeyring(text: inline)
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: file) else { return nil }
        let attributes = try manager.attributesOfItem(atPath: file)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 { throw Failure.insecureFile(file) }
        return try DataKeyring(text: String(contentsOfFile: file, encoding: .utf8))
    }

    /// Writes the keyring atomically: a 0600 temporary file renamed over `file`, or, when `replacing` is false, linked
    /// to `file` only if no file is there yet (an existing one is left as it is).
    public func write(to file: String, replacing: Bool = true) throws {
        let temporary = file + ".tmp-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure.malformed("cannot write \(temporary)")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        if replacing {
            guard rename(temporary, file) == 0 else { throw Failure.malformed("cannot replace \(file)") }
        } else {
            guard link(temporary, file) == 0 || errno == EEXIST else { throw Failure.malformed("cannot create \(file)") }
        }
    }
}
