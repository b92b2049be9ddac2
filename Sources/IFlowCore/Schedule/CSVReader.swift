/// A small RFC 4180 reader: quoted fields (with `""` for a quote, and commas or line breaks inside), CRLF or LF line
/// ends, a UTF-8 byte-order mark skipped. The delimiter is `,` or, when the header line has `;` and no `,` (what a
/// Romanian Excel writes), `;`.
///
/// ``Stream`` reads a file in pieces of any size (an upload spooled to disk, read a megabyte at a time) and yields
/// exactly the records ``read(_:)`` yields for the whole file; `read` is the stream fed once.
public struct CSVReader: Sendable {
    public struct Record: Sendable, Equatable {
        /// 1-based line on which the record starts, as an editor shows it.
        public var line: Int
        public var fields: [String]
    }

    public enum Failure: Error, Equatable, Sendable {
        case unterminatedQuote(line: Int)
        case invalidUTF8(line: Int)
        case tooManyRecords(limit: Int)
        /// A record has more fields than `maxFieldsPerRecord`.
        case tooManyFields(line: Int, limit: Int)
    }

    public var maxRecords: Int
    /// Bounds what one line can cost: a line of nothing but delimiters would otherwise become millions of fields.
    public var maxFieldsPerRecord: Int

    public init(maxRecords: Int = 1_000_000, maxFieldsPerRecord: Int = 64) {
        self.maxRecords = maxRecords
        self.maxFieldsPerRecord = maxFieldsPerRecord
    }

    public func read(_ bytes: some Collection<UInt8>) -> Result<[Record], Failure> {
        var stream = Stream(maxRecords: maxRecords, maxFieldsPerRecord: maxFieldsPerRecord)
        var records: [Record] = []
        do {
            try stream.feed(bytes, into: &records)
            try stream.finish(into: &records)
            return .success(records)
        } catch {
            return .failure(error)
        }
    }

    /// The reader's state between pieces of a file: feed every piece in order, then `finish`.
    ///
    /// It holds one field and one record, plus the header line until its end decides the delimiter (at most
    /// `maxHeaderBytes`: a header longer than that is judged by its first megabyte), so what it costs does not grow
    /// with the file. After a failure it must not be fed again.
    public struct Stream: Sendable {
        public let maxRecords: Int
        public let maxFieldsPerRecord: Int
        static let maxHeaderBytes = 1 << 20

        private var delimiter: UInt8?
        private var head: [UInt8] = []
        private var fields: [String] = []
        private var field: [UInt8] = []
        private var line = 1
        private var recordLine = 1
        private var inQuotes = false
        private var fieldWasQuoted = false
        /// A `"` inside quotes whose meaning the next byte decides: `""` is a quote, anything else ends the quotes.
        private var pendingQuote = false
        /// A `\r` outside quotes: dropped before `\n`, kept otherwise.
        private var pendingCR = false
        private var recordCount = 0

        public init(maxRecords: Int = 1_000_000, maxFieldsPerRecord: Int = 64) {
            self.maxRecords = maxRecords
            self.maxFieldsPerRecord = maxFieldsPerRecord
        }

        /// Reads `bytes`, the file's next piece, appending each record it completes to `records`.
        public mutating func feed(_ bytes: some Collection<UInt8>, into records: inout [Record]) throws(Failure) {
            guard let delimiter else {
                head.append(contentsOf: bytes)
                guard head.contains(UInt8(ascii: "\n")) || head.count >= Self.maxHeaderBytes else { return }
                try startBody(into: &records)
                return
            }
            let done: Failure?? = bytes.withContiguousStorageIfAvailable { buffer in
                var failure: Failure?
                for byte in buffer {
                    do throws(Failure) { try consume(byte, delimiter: delimiter, into: &records) } catch {
                        failure = error
                        break
                    }
                }
                return failure
            }
            if let done {
                if let failure = done { throw failure }
            } else {
                for byte in bytes { try consume(byte, delimiter: delimiter, into: &records) }
            }
        }

        /// Ends the file: completes its last record, or fails on a quote left open.
        public mutating func finish(into records: inout [Record]) throws(Failure) {
            if delimiter == nil { try startBody(into: &records) }
            if pendingQuote {
                pendingQuote = false
                inQuotes = false
            }
            if pendingCR {
                pendingCR = false
                field.append(UInt8(ascii: "\r"))
            }
            if inQuotes { throw .unterminatedQuote(line: recordLine) }
            if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
                try finishField()
                try finishRecord(into: &records)
            }
        }

        /// Decides the delimiter from the header line in `head` (after a byte-order mark), then reads `head`.
        private mutating func startBody(into records: inout [Record]) throws(Failure) {
            var bytes = head[...]
            head = []
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let header = bytes.prefix { $0 != UInt8(ascii: "\n") }
            let chosen = !header.contains(UInt8(ascii: ",")) && header.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
            delimiter = chosen
            for byte in bytes { try consume(byte, delimiter: chosen, into: &records) }
        }

        private mutating func consume(_ byte: UInt8, delimiter: UInt8, into records: inout [Record]) throws(Failure) {
            if pendingQuote {
                pendingQuote = false
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    return
                }
                inQuotes = false
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    pendingQuote = true
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                return
            }
            if pendingCR {
                pendingCR = false
                if byte != UInt8(ascii: "\n") { field.append(UInt8(ascii: "\r")) }
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                } else {
                    field.append(byte)
                }
            case delimiter:
                try finishField()
            case UInt8(ascii: "\r"):
                pendingCR = true
            case UInt8(ascii: "\n"):
                try finishField()
                try finishRecord(into: &records)
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }

        private mutating func finishField() throws(Failure) {
            guard fields.count < maxFieldsPerRecord else { throw .tooManyFields(line: recordLine, limit: maxFieldsPerRecord) }
            guard let text = String(validating: field, as: UTF8.self) else { throw .invalidUTF8(line: line) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        /// A record of one empty field is a blank line, skipped.
        private mutating func finishRecord(into records: inout [Record]) throws(Failure) {
            if !(fields.count == 1 && fields[0].isEmpty) {
                guard recordCount < maxRecords else { throw .tooManyRecords(limit: maxRecords) }
                recordCount += 1
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
    }
}
