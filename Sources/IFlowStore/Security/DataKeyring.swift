import Crypto
import Foundation

/// The keys that protect personal numbers at rest: one lookup key (HMAC, so equal values can be found through an
/// index) and data keys (AES-GCM), the first of which seals new values; older ones only open what they sealed.
///
/// Text form, one key a line: `lookup:BASE64` then `data:BASE64` lines, newest first. The same text (lines may be
/// separated by spaces) can come from `IFLOW_DATA_KEY` instead of a file.
public struct DataKeyring: Sendable {
    /// Raw key bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    let lookupKey: Data
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

    init(lookupKey: Data, dataKeys: [Data]) {
        precondition(!dataKeys.isEmpty, "a keyring needs a data key")
        self.lookupKey = lookupKey
        self.dataKeys = dataKeys
    }

    /// Fresh random keys: for tests and in-memory databases, whose data does not outlive the process.
    public static func generate() -> DataKeyring {
        DataKeyring(lookupKey: randomKey(), dataKeys: [randomKey()])
    }

    /// The same lookup key with a new data key in front, the old ones kept for reading.
    public func addingDataKey() -> DataKeyring {
        DataKeyring(lookupKey: lookupKey, dataKeys: [Self.randomKey()] + dataKeys)
    }

    /// Only the newest data key.
    public func droppingOldDataKeys() -> DataKeyring {
        DataKeyring(lookupKey: lookupKey, dataKeys: [dataKeys[0]])
    }

    static func randomKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    public init(text: String) throws {
        var lookup: Data?
        var data: [Data] = []
        for item in text.split(whereSeparator: { $0.isWhitespace }) {
            let parts = item.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let bytes = Data(base64Encoded: String(parts[1])), bytes.count == 32 else {
                throw Failure.malformed("each entry is lookup:BASE64 or data:BASE64 of 32 bytes")
            }
            switch parts[0] {
            case "lookup" where lookup == nil: lookup = bytes
            case "data": data.append(bytes)
            default: throw Failure.malformed("one lookup key, then data keys")
            }
        }
        guard let lookup, !data.isEmpty else { throw Failure.malformed("a lookup key and at least one data key are needed") }
        self.init(lookupKey: lookup, dataKeys: data)
    }

    public var text: String {
        func encode(_ key: Data) -> String { key.base64EncodedString() }
        return (["lookup:" + encode(lookupKey)] + dataKeys.map { "data:" + encode($0) }).joined(separator: "\n") + "\n"
    }

    /// Reads the keyring from `IFLOW_DATA_KEY` when set, else from `file`, which is created (mode 0600) with new keys
    /// when it does not exist yet and `create` allows it.
    public static func load(environment: [String: String], file: String, create: Bool = true) throws -> DataKeyring {
        if let inline = environment["IFLOW_DATA_KEY"], !inline.isEmpty {
            return try DataKeyring(text: inline)
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: file) {
            guard create else { throw Failure.malformed("no data key file at \(file) and IFLOW_DATA_KEY is not set") }
            // Two servers starting at once must end up with the same keys: only the first file is kept.
            try generate().write(to: file, replacing: false)
        }
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
