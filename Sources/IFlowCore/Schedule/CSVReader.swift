/// A small RFC 4180 reader: quoted fields (with `""` for a quote, and commas or line breaks inside), CRLF or LF line
/// ends, a UTF-8 byte-order mark skipped. The delimiter is `,` or, when the header line has `;` and no `,` (what a
/// Romanian Excel writes), `;`.
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
        var data = Array(bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let headerEnd = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        let header = data[..<headerEnd]
        let delimiter = !header.contains(UInt8(ascii: ",")) && header.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")

        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var inQuotes = false
        var fieldWasQuoted = false

        func finishField() -> Failure? {
            guard fields.count < maxFieldsPerRecord else { return .tooManyFields(line: recordLine, limit: maxFieldsPerRecord) }
            guard let text = String(validating: field, as: UTF8.self) else { return .invalidUTF8(line: line) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            return nil
        }

        while index < data.count {
            let byte = data[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < data.count, data[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
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
                if let failure = finishField() { return .failure(failure) }
            case UInt8(ascii: "\r") where index < data.count && data[index] == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n"):
                if let failure = finishField() { return .failure(failure) }
                if !(fields.count == 1 && fields[0].isEmpty) {
                    guard records.count < maxRecords else { return .failure(.tooManyRecords(limit: maxRecords)) }
                    records.append(Record(line: recordLine, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if inQuotes { return .failure(.unterminatedQuote(line: recordLine)) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            if let failure = finishField() { return .failure(failure) }
            if !(fields.count == 1 && fields[0].isEmpty) {
                guard records.count < maxRecords else { return .failure(.tooManyRecords(limit: maxRecords)) }
                records.append(Record(line: recordLine, fields: fields))
            }
        }
        return .success(records)
    }
}
