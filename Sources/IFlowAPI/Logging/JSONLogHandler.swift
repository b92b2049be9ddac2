import Foundation
import Logging
import NIOCore

/// One JSON object per line, for log shippers (`iflow serve --log-format json`): `timestamp` (UTC, milliseconds),
/// `level`, `label`, `source`, `message` and the same `metadata` as the text lines, as strings.
///
/// It writes what it is given: personal numbers are kept out of the log where the lines are made
/// (`RequestLogMiddleware` logs only a masked path; errors are logged by their type only). An error attached to an
/// event is written by its type only, for the same reason. Each line goes out in one `write`, unbuffered, so lines
/// from several threads never interleave and a pipe or the journal gets them at once.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - write: Receives each line, newline included; standard error by default, like the text lines.
    public init(
        label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let given = event.metadata { merged.merge(given) { _, new in new } }
        if let error = event.error { merged["error"] = "\(String(reflecting: type(of: error)))" }
        let line = Line(
            timestamp: Date().formatted(Self.timestampStyle), level: event.level.rawValue, label: label, source: event.source,
            message: event.message.description, metadata: MetadataValue(.dictionary(merged))
        )
        // The API's JSON writer: one escaping rule for replies and logs. A line holds strings only, which it never refuses.
        var buffer = ByteBuffer()
        guard (try? APIJSONEncoder.encode(line, into: &buffer)) != nil else { return }
        buffer.writeInteger(UInt8(ascii: "\n"))
        write(String(buffer: buffer))
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// A line's members, in the order they are written.
    private struct Line: Encodable {
        var timestamp: String
        var level: String
        var label: String
        var source: String
        var message: String
        var metadata: MetadataValue
    }

    /// A metadata value as JSON: strings and string conversions as strings, arrays and dictionaries (keys sorted) as such.
    private struct MetadataValue: Encodable {
        let value: Logger.Metadata.Value

        init(_ value: Logger.Metadata.Value) {
            self.value = value
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .stringConvertible(let convertible):
                var container = encoder.singleValueContainer()
                try container.encode(convertible.description)
            case .array(let values):
                var container = encoder.unkeyedContainer()
                for element in values { try container.encode(MetadataValue(element)) }
            case .dictionary(let entries):
                var container = encoder.container(keyedBy: ReplyKey.self)
                for (key, entry) in entries.sorted(by: { $0.key < $1.key }) { try container.encode(MetadataValue(entry), forKey: ReplyKey(key)) }
            }
        }
    }
}
