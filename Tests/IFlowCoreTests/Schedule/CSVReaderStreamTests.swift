import IFlowCore
import Testing

/// `CSVReader.Stream` reads a file in pieces (an upload spooled to disk, read a megabyte at a time); wherever the
/// pieces split the file, even inside a `""`, a CRLF or a byte-order mark, it must read what the whole file reads.
@Suite("CSV read in pieces")
struct CSVReaderStreamTests {
    /// `bytes` fed in pieces cut at `cuts`.
    static func streamed(_ bytes: [UInt8], cuts: [Int], reader: CSVReader) -> Result<[CSVReader.Record], CSVReader.Failure> {
        var stream = CSVReader.Stream(maxRecords: reader.maxRecords, maxFieldsPerRecord: reader.maxFieldsPerRecord)
        var records: [CSVReader.Record] = []
        do {
            var start = 0
            for cut in cuts.sorted() + [bytes.count] where cut >= start {
                try stream.feed(bytes[start..<cut], into: &records)
                start = cut
            }
            try stream.finish(into: &records)
            return .success(records)
        } catch {
            return .failure(error)
        }
    }

    @Test(
        "every place to cut a tricky file reads the same records",
        arguments: [
            "\u{FEFF}a;b\r\n\"x;\"\"y\"\"\";2\r\n\r\n\"multi\nline\";3\r",
            "a,b\n\"unterminated,1\n", "a,b\r\nx\ry,\"q\"\"\"\n", "\u{FEFF}", "\"\"", "a\n\n\n", "a,b\n1,2",
        ])
    func everyCut(text: String) {
        // setup
        let bytes = Array(text.utf8)
        let reader = CSVReader()
        let whole = reader.read(bytes)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                // MUT + validation
                #expect(Self.streamed(bytes, cuts: [first, second], reader: reader) == whole, "cut at \(first) and \(second)")
            }
        }
    }

    @Test("random files cut at random places read the same records, failures included", arguments: [1 as UInt64, 2, 3, 4])
    func randomFiles(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let alphabet: [String] = ["a", "7", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "ș", "\u{FEFF}"]
        for _ in 0..<300 {
            // setup: a file of pieces that make CSV hard, sometimes with invalid UTF-8
            var bytes = Array((0..<Int.random(in: 0..<60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined().utf8)
            if Int.random(in: 0..<10, using: &generator) == 0 { bytes.insert(0xFF, at: Int.random(in: 0...bytes.count, using: &generator)) }
            let cuts = (0..<Int.random(in: 0..<6, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            let reader = CSVReader(maxRecords: Int.random(in: 1...8, using: &generator), maxFieldsPerRecord: Int.random(in: 1...6, using: &generator))
            // MUT + validation
            #expect(Self.streamed(bytes, cuts: cuts, reader: reader) == reader.read(bytes), "seed \(seed): \(bytes) cut at \(cuts)")
        }
    }

    @Test("the header line decides the delimiter even when it arrives a byte at a time")
    func headerInPieces() throws {
        // setup
        let bytes = Array("date;user_by\n2026-06-01;user_id\n".utf8)
        // MUT
        let records = try Self.streamed(bytes, cuts: Array(1..<bytes.count), reader: CSVReader()).get()
        // validation
        #expect(records.map(\.line) == [1, 2])
        #expect(records.map(\.fields) == [["date", "user_by"], ["2026-06-01", "user_id"]])
    }
}

/// What the reader reads, written out by hand: the pieces tests above compare the stream with itself fed whole.
@Suite("CSV reader")
struct CSVReaderTests {
    static func read(_ text: String, reader: CSVReader = CSVReader()) -> String {
        switch reader.read(Array(text.utf8)) {
        case .success(let records): records.map { "\($0.line):\($0.fields)" }.joined(separator: " ")
        case .failure(let failure): "\(failure)"
        }
    }

    @Test(
        "quotes, line ends, the byte-order mark, the delimiter, blank lines and the limits",
        arguments: [
            ("\u{FEFF}a;b\r\n\"x;\"\"y\"\"\";2\r\n\r\n\"multi\nline\";3\r", #"1:["a", "b"] 2:["x;\"y\"", "2"] 4:["multi\nline", "3\r"]"#),
            ("a,b\n\"unterminated,1\n", "unterminatedQuote(line: 2)"),
            ("a,b\r\nx\ry,\"q\"\"\"\n", #"1:["a", "b"] 2:["x\ry", "q\""]"#),
            ("a;b,c\n1;2,3\n", #"1:["a;b", "c"] 2:["1;2", "3"]"#),
            ("a,b\nx\"y,\"z\"w\n", #"1:["a", "b"] 2:["x\"y", "zw"]"#),
            ("\u{FEFF}", ""),
            ("\n\n", ""),
            ("a\n\"\"\n", #"1:["a"]"#),
            ("a,b\n\u{FF}", #"1:["a", "b"] 2:["ÿ"]"#),
        ])
    func records(text: String, expected: String) {
        #expect(Self.read(text) == expected)
    }

    @Test("a record over the field limit, a file over the record limit, bytes that are not UTF-8")
    func limits() {
        #expect(Self.read("a,b,c\n", reader: CSVReader(maxFieldsPerRecord: 2)) == "tooManyFields(line: 1, limit: 2)")
        #expect(Self.read("a\nb\nc\n", reader: CSVReader(maxRecords: 2)) == "tooManyRecords(limit: 2)")
        var bytes = Array("a\nb".utf8)
        bytes.append(0xFF)
        #expect(CSVReader().read(bytes) == .failure(.invalidUTF8(line: 2)))
    }
}
