import Foundation
import IFlowCore
import IFlowForms
import NIOCore

/// Fuzzes what the server does with a request body before any database access: decoding by Content-Type, then the
/// checks of every endpoint's request (`UserUpdate`, `SetDayRequest`, the queries, the terminals' scans and offline
/// rows, `csv_data` as indexed fields or a JSON array), and the CSV reader of `schedule/import`.
///
/// An input is a `Content-Type` line, `\n`, then the body (an input without `\n` is a body with no Content-Type), so
/// seeds are readable files and the fuzzer mutates the header's media type and boundary too. A crash, a sanitizer
/// report or a broken invariant (a decoded request over its limits) is a finding.
enum FormFieldsFuzz {
    /// Smaller than the server's limits so that the fuzzer reaches them with inputs of a few KiB.
    static let limits: FormFields.Limits = {
        var limits = FormFields.Limits()
        limits.maxFields = 20
        limits.maxFieldBytes = 512
        return limits
    }()

    static func run(_ input: UnsafeRawBufferPointer) {
        let newline = input.firstIndex(of: UInt8(ascii: "\n"))
        let contentType = newline.map { String(decoding: input[..<$0], as: UTF8.self) }
        var body = ByteBuffer()
        body.writeBytes(newline.map { UnsafeRawBufferPointer(rebasing: input[($0 + 1)...]) } ?? input)

        guard let fields = try? FormFields.decode(body: body, contentType: contentType, limits: limits) else { return }
        precondition(fields.values.count + fields.files.count <= limits.maxFields, "more fields than the limit")
        precondition(fields.values.values.allSatisfy { $0.utf8.count <= limits.maxFieldBytes }, "a field over the limit")

        let requestFields = RequestFields(fields.values)
        _ = UserUpdate.parse(requestFields)
        _ = UserListQuery.parse(requestFields)
        _ = SetDayRequest.parse(requestFields)
        _ = WorkScheduleQuery.parse(requestFields)
        _ = HolidaysQuery.parse(requestFields)
        _ = AuditQuery.parse(requestFields)
        _ = AutoAttendanceRequest.parse(requestFields)
        if case .success(let batch) = StoreAttendancesRequest.parse(requestFields) {
            precondition(batch.rows.count <= StoreAttendancesRequest.maxRows, "more rows than the limit")
            precondition(batch.rows.allSatisfy { ($0.reading == nil) != $0.issues.isEmpty }, "a row both read and refused")
        }
        if let file = fields.files["file"], case .bytes(let content) = file.content {
            let bytes = Array(content.readableBytesView)
            let records = CSVReader(maxRecords: 50, maxFieldsPerRecord: 8).read(bytes)
            if case .success(let records) = records {
                precondition(records.count <= 50 && records.allSatisfy { $0.fields.count <= 8 }, "CSV over its limits")
            }
            // The file read in pieces (of a length the input sets) gives the same records, or the same failure.
            let pieceLength = 1 + Int(bytes.first ?? 0) % 7
            var stream = CSVReader.Stream(maxRecords: 50, maxFieldsPerRecord: 8)
            var streamed: [CSVReader.Record] = []
            let inPieces: Result<[CSVReader.Record], CSVReader.Failure> = Result { () throws(CSVReader.Failure) in
                for start in stride(from: 0, to: bytes.count, by: pieceLength) {
                    try stream.feed(bytes[start..<min(start + pieceLength, bytes.count)], into: &streamed)
                }
                try stream.finish(into: &streamed)
                return streamed
            }
            precondition(inPieces == records, "the CSV read in pieces differs from the CSV read whole")
        }
    }
}

#if FUZZING
/// The entry libFuzzer calls for each input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FormFieldsFuzz.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's driver, for a program that has its own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without libFuzzer: runs every file named on the command line once, e.g. to replay the corpus or a crash.
@main
struct ReplayMain {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FileManager.default.contents(atPath: path) else { throw ReplayError(path: path) }
            bytes.withUnsafeBytes { FormFieldsFuzz.run($0) }
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
    }
}

struct ReplayError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot read \(path)" }
}
#endif
