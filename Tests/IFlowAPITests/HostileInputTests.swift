import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import NIOCore
import Testing

@testable import IFlowAPI
@testable import IFlowForms

/// Inputs that once cost the server its memory or its process, found by fuzzing and by schemathesis.
@Suite("Hostile input")
struct HostileInputTests {
    static let boundary = "hostile-boundary"

    /// A multipart body of `fields`, then one file part named `file` when `csv` is given.
    static func multipart(_ fields: [(String, String)], csv: String? = nil) -> ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let csv {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            buffer.writeString(csv)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    static let multipartType: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    @Test("a CSV line of 200000 delimiters is refused as too_large on its line, not expanded into 200000 columns")
    func wideCSVLine() async throws {
        try await withApp { client, f in
            // setup
            let csv = "user_by,user_by_value,date" + String(repeating: ",", count: 200_000) + "\n"
            // MUT
            let reply = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: Self.multipartType,
                body: Self.multipart([("api_key", f.key), ("api_language", "en_US")], csv: csv)
            )
            // validation
            #expect(reply.checks == ["file:too_large"])
            #expect(reply.errors.first?.message == "line 1: file is too large: at most 64 columns")
        }
    }

    @Test("an import where every row fails lists the first 1000 failures")
    func manyFailingRows() async throws {
        try await withApp { client, f in
            // setup: 3000 rows naming an employee who does not exist
            var csv = "user_by,user_by_value,date\n"
            for day in 0..<3000 { csv += "user_id,999999,\(2026 + day / 365)-01-01\n" }
            // MUT
            let reply = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: Self.multipartType,
                body: Self.multipart([("api_key", f.key), ("api_language", "en_US")], csv: csv)
            )
            // validation
            #expect(reply.errors.count == 1000)
            #expect(reply.checks == ["user_by_value:exists"])
        }
    }

    @Test("schedule/import takes a large body only as multipart; 2 MiB of urlencoded or JSON is 413")
    func uploadLimitOnlyForMultipart() async throws {
        try await withApp { client, f in
            // setup
            let big = String(repeating: "a", count: 2 << 20)
            // MUT
            let urlencoded = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "api_language=en_US&x=" + big)
            )
            let json = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"x\":\"\(big)\"}")
            )
            let multipart = try await client.send(
                "/api_v2/schedule/import", method: .post, headers: Self.multipartType,
                body: Self.multipart([("api_key", f.key), ("api_language", "en_US")], csv: "user_by,user_by_value,date\n#" + big + "\n")
            )
            // validation
            #expect(urlencoded.status == .contentTooLarge)
            #expect(urlencoded.errors.first?.check == "too_large")
            #expect(json.status == .contentTooLarge)
            #expect(multipart.status == .ok)
            #expect(multipart.errors.first?.check != "too_large")
        }
    }

    @Test(
        "multipart bodies that are malformed are a valid_body error, never a crash",
        arguments: [
            // A header name byte over 0x7F made MultipartKit 4.7.1 index out of range and abort the process.
            "--hostile-boundary\r\nContent-Dispositio\u{00FF}: form-data; name=\"a\"\r\n\r\nb\r\n--hostile-boundary--\r\n",
            "--hostile-boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb",
            "--hostile-boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n",
            "--hostile-boundary\r\n: no name\r\n\r\nb\r\n--hostile-boundary--\r\n",
            "--hostile-boundary\r\nX-Other: 1\r\n\r\nb\r\n--hostile-boundary--\r\n",
            "--hostile-boundary junk\r\n\r\n--hostile-boundary--",
            "no delimiter at all",
            "",
        ])
    func malformedMultipart(body: String) async throws {
        try await withApp { client, _ in
            // MUT
            let reply = try await client.send("/api_v2/user/get_list", method: .post, headers: Self.multipartType, body: ByteBuffer(string: body))
            // validation
            #expect(reply.status == .ok)
            #expect(reply.checks == ["body:valid_body"])
        }
    }

    @Test("a boundary with characters RFC 2046 does not allow is refused")
    func invalidBoundary() async throws {
        // validation
        #expect(FormFields.boundary(in: "multipart/form-data; boundary=abc") == "abc")
        #expect(FormFields.boundary(in: "multipart/form-data; boundary=\"a b'()+_,-./:=?\"") == "a b'()+_,-./:=?")
        for refused in ["a\rb", "a\nb", "ends with space ", "quote\"inside", String(repeating: "x", count: 71), "ș"] {
            #expect(FormFields.boundary(in: "multipart/form-data; boundary=\"\(refused)\"") == nil, "\(refused)")
        }
    }

    @Test("multipart: more than 200 parts, or a field over 64 KiB, is refused while scanning")
    func multipartLimits() async throws {
        try await withApp { client, f in
            // setup
            let many = (0..<300).map { ("f\($0)", "1") }
            let long = [("api_key", f.key), ("api_language", "en_US"), ("full_name", String(repeating: "a", count: 70_000))]
            // MUT
            let manyReply = try await client.send("/api_v2/user/get_list", method: .post, headers: Self.multipartType, body: Self.multipart(many))
            let longReply = try await client.send("/api_v2/user/update", method: .post, headers: Self.multipartType, body: Self.multipart(long))
            // validation
            #expect(manyReply.checks == ["body:valid_body"])
            #expect(manyReply.errors.first?.message.contains("more than 200 fields") == true)
            #expect(longReply.checks == ["body:valid_body"])
        }
    }

    @Test("the multipart scanner reads what curl and browsers send: padding after a delimiter, a preamble, an epilogue")
    func multipartVariants() throws {
        // setup
        let body =
            "preamble\r\n--b  \r\ncontent-disposition: form-data; name=\"a\"\r\n\r\nline 1\r\nline 2\r\n--b\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\n\r\n--b--\r\nepilogue"
        // MUT
        let fields = try FormFields.decode(body: ByteBuffer(string: body), contentType: "multipart/form-data; boundary=b")
        // validation
        #expect(fields.values == ["a": "line 1\r\nline 2"])
        #expect(fields.files["file"]?.filename == "x.csv")
        #expect(fields.files["file"]?.size == 0)
    }

    @Test(
        "a Content-Type is read case-insensitively, without its parameters and HTTP padding; anything else is unsupported",
        arguments: [
            ("application/json", true), ("Application/JSON; charset=UTF-8", true), (" \tmultipart/form-data ; boundary=x", true),
            ("APPLICATION/X-WWW-FORM-URLENCODED", true), ("", true), ("text/csv", false), ("application/jsonx", false),
            ("application/json\u{A0}", false), ("multipart/form-data-x; boundary=b", false),
        ])
    func contentTypes(contentType: String, supported: Bool) {
        // MUT + validation
        #expect(FormFields.isSupported(contentType: contentType) == supported)
    }

    @Test(
        "user_by_value with a control character is single_line, on every backend (PostgreSQL refuses NUL in text)",
        arguments: ["id_card", "mark_number"])
    func selectorControlCharacters(userBy: String) async throws {
        try await withApp { client, f in
            // MUT
            let setDay = try await client.post(
                "/api_v2/schedule/set_day",
                ["api_key": f.key, "api_language": "en_US", "user_by": userBy, "user_by_value": "M\u{0}1", "date": "2026-03-02"]
            )
            let report = try await client.post(
                "/api_v2/user/get_work_schedule",
                [
                    "api_key": f.key, "api_language": "en_US", "user_by": userBy, "user_by_value": "A\u{1}", "year": "2026", "month": "3",
                    "totals": "regular",
                ]
            )
            // validation
            #expect(setDay.status == .ok)
            #expect(setDay.checks == ["user_by_value:single_line"])
            #expect(report.checks == ["user_by_value:single_line"])
        }
    }

    @Test("every seed of fuzz/corpus decodes or is refused as a valid_body error")
    func fuzzCorpus() throws {
        // setup
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fuzz/corpus")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(seeds.count >= 10)
        for seed in seeds {
            let data = try Data(contentsOf: directory.appendingPathComponent(seed))
            let newline = data.firstIndex(of: UInt8(ascii: "\n"))
            let contentType = newline.map { String(decoding: data[..<$0], as: UTF8.self) }
            let body = ByteBuffer(bytes: newline.map { data[($0 + 1)...] } ?? data[...])
            // MUT
            let fields = try? FormFields.decode(body: body, contentType: contentType)
            // validation
            if ["urlencoded-user-update", "no-content-type", "json-scalars", "multipart-fields", "multipart-csv-file"].contains(seed) {
                #expect(fields != nil, "\(seed) should decode")
            }
        }
    }
}

/// The multipart body read as it arrives (an upload, its file spooled) must decode exactly as the whole body does,
/// wherever the pieces split it, and refuse what the whole body's decoding refuses.
@Suite("Multipart read as it arrives")
struct StreamedMultipartTests {
    /// What a decoding gave, comparable: the fields and each file's name and bytes, or the failure's detail.
    static func outcome(_ decode: () async throws -> FormFields) async -> String {
        do {
            let fields = try await decode()
            var files: [String] = []
            for (name, file) in fields.files.sorted(by: { $0.key < $1.key }) {
                var bytes: [UInt8] = []
                try await file.forEachPiece(size: 3) { bytes += $0.readableBytesView }
                files.append("\(name)=\(file.filename ?? "-"):\(bytes)")
            }
            return "fields \(fields.values.sorted { $0.key < $1.key }) files \(files)"
        } catch let error as FormFields.DecodingError {
            return "refused \(error.detail)"
        } catch {
            return "error \(error)"
        }
    }

    static func pieces(_ bytes: [UInt8], cuts: [Int]) -> AsyncStream<ByteBuffer> {
        var pieces: [ByteBuffer] = []
        var start = 0
        for cut in cuts.sorted() + [bytes.count] where cut >= start {
            pieces.append(ByteBuffer(bytes: bytes[start..<cut]))
            start = cut
        }
        return AsyncStream { continuation in
            for piece in pieces { continuation.yield(piece) }
            continuation.finish()
        }
    }

    @Test("random bodies, cut at random places, some truncated or corrupted, decode as the whole body decodes", arguments: [1 as UInt64, 2, 3])
    func randomBodies(seed: UInt64) async {
        var generator = SplitMix64(seed: seed)
        var limits = FormFields.Limits()
        // room for three or four parts' headers (the budget is the body's), fields up to 100 bytes
        limits.maxFields = 4
        limits.maxFieldBytes = 240
        let contentType = "multipart/form-data; boundary=b--b"
        var outcomes: [String: Int] = [:]
        for _ in 0..<600 {
            // setup: a preamble or none, 0 to 5 parts (fields and files) with bodies that hold CR, LF and near-delimiters
            var text = Bool.random(using: &generator) ? "" : "preamble\r\n"
            let noise = ["x", "\r\n", "\r\n--b-", "--b--b", "\r", "-", "ș", "\r\n--b--", String(repeating: "y", count: 90)]
            for index in 0..<Int.random(in: 0...5, using: &generator) {
                // at most one file: the streamed decoding refuses a second (tested below)
                let isFile = index == 1 && Bool.random(using: &generator)
                text += (text.isEmpty ? "" : "\r\n") + "--b--b" + (Bool.random(using: &generator) ? " " : "") + "\r\n"
                text += "Content-Disposition: form-data; name=\"f\(index % 3)\"" + (isFile ? "; filename=\"p\(index).csv\"" : "") + "\r\n\r\n"
                text += (0..<Int.random(in: 0...6, using: &generator)).map { _ in noise.randomElement(using: &generator)! }.joined()
            }
            text += "\r\n--b--b--" + (Bool.random(using: &generator) ? "\r\nepilogue" : "")
            var bytes = Array(text.utf8)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            case 1 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            default: break
            }
            let cuts = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            // MUT
            let whole = await Self.outcome { try FormFields.decode(body: ByteBuffer(bytes: bytes), contentType: contentType, limits: limits) }
            let streamed = await Self.outcome {
                try await FormFields.decodeMultipart(
                    streaming: Self.pieces(bytes, cuts: cuts), contentType: contentType, maxBytes: 1 << 20, limits: limits)
            }
            // validation
            #expect(streamed == whole, "seed \(seed): \(String(decoding: bytes, as: UTF8.self).debugDescription) cut at \(cuts)")
            let kind =
                !whole.hasPrefix("fields")
                ? String(whole.prefix(7))
                : !whole.hasSuffix("files []") ? "files" : whole.contains("f1") && whole.contains("f0") ? "several" : "fields"
            outcomes[kind, default: 0] += 1
        }
        // the cases reach every outcome: bodies with files, bodies of fields only, bodies refused
        #expect(
            outcomes["files", default: 0] >= 20 && outcomes["fields", default: 0] >= 20 && outcomes["several", default: 0] >= 20
                && outcomes["refused", default: 0] >= 20, "\(outcomes)")
    }

    @Test("read as it arrives, a body holds one file: a second file part is refused, whatever its name")
    func oneFile() async throws {
        // setup
        let part = { (name: String) in "--b\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"x.csv\"\r\n\r\nabc\r\n" }
        let body = Array((part("file") + part("other") + "--b--").utf8)
        // MUT
        let whole = try FormFields.decode(body: ByteBuffer(bytes: body), contentType: "multipart/form-data; boundary=b")
        let streamed = await Self.outcome {
            try await FormFields.decodeMultipart(
                streaming: Self.pieces(body, cuts: [7]), contentType: "multipart/form-data; boundary=b", maxBytes: 1 << 20)
        }
        // validation
        #expect(whole.files.count == 2)
        #expect(streamed == "refused more than one file")
    }

    @Test("32,000 header lines are refused once over the header limit, fed whole or a byte at a time")
    func headerFlood() async {
        // setup: a part with 32,000 `a:` lines, 128 KiB, over the 64 KiB the headers of a body may take
        let body = Array(("--b\r\n" + String(repeating: "a: 1\r\n", count: 32_000) + "\r\nx\r\n--b--").utf8)
        let contentType = "multipart/form-data; boundary=b"
        // MUT
        let whole = await Self.outcome { try FormFields.decode(body: ByteBuffer(bytes: body), contentType: contentType) }
        let bytewise = await Self.outcome {
            try await FormFields.decodeMultipart(
                streaming: Self.pieces(body, cuts: Array(stride(from: 1, to: 80_000, by: 1))), contentType: contentType, maxBytes: 1 << 20)
        }
        // validation
        #expect(whole == "refused multipart headers too large")
        #expect(bytewise == whole)
    }

    @Test("a body longer than the upload limit is refused as it arrives")
    func tooLarge() async {
        // setup
        let body = Array(
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n\(String(repeating: "x", count: 5000))\r\n--b--".utf8)
        // MUT + validation
        await #expect(throws: FormFields.BodyTooLarge.self) {
            try await FormFields.decodeMultipart(
                streaming: Self.pieces(body, cuts: [1000, 2000, 3000]), contentType: "multipart/form-data; boundary=b", maxBytes: 4096)
        }
    }
}
