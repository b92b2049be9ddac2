import Foundation
import NIOCore
import Testing

@testable import IFlowAPI

@Suite("APIJSONEncoder")
struct APIJSONEncoderTests {
    static func encoded(_ value: some Encodable) throws -> String {
        var buffer = ByteBuffer()
        try APIJSONEncoder.encode(value, into: &buffer)
        return String(buffer: buffer)
    }

    struct Member: Encodable {
        var zebra: String
        var apple: String?
        var middle: [String?]

        enum CodingKeys: String, CodingKey {
            case zebra
            case apple = "apple_key"
            case middle
        }
    }

    @Test("keys in the order encode(to:) writes them; nil is null, also through encodeIfPresent and inside arrays")
    func orderAndNull() throws {
        // MUT
        let text = try Self.encoded([Member(zebra: "z", apple: nil, middle: ["a", nil]), Member(zebra: "", apple: "b", middle: [])])
        // validation
        #expect(text == #"[{"zebra":"z","apple_key":null,"middle":["a",null]},{"zebra":"","apple_key":"b","middle":[]}]"#)
    }

    @Test("strings are escaped as JSON needs and nothing more: UTF-8 and / go through as they are")
    func escaping() throws {
        // MUT
        let text = try Self.encoded(["quote \" backslash \\ slash / newline \n return \r tab \t bell \u{07} unit \u{1F} Ș €"])
        // validation
        #expect(text == #"["quote \" backslash \\ slash / newline \n return \r tab \t bell \u0007 unit \u001f Ș €"]"#)
    }

    struct Counted: Encodable {
        var count: Int
    }

    struct OptionalCount: Encodable {
        var count: Int?
    }

    struct Flag: Encodable {
        var on: Bool
    }

    @Test("every scalar that is not a string is refused, even an unset Int?, in objects, arrays and alone")
    func refusesNumbers() throws {
        // validation
        #expect(throws: EncodingError.self) { try Self.encoded(Counted(count: 1)) }
        #expect(throws: EncodingError.self) { try Self.encoded(OptionalCount(count: nil)) }
        #expect(throws: EncodingError.self) { try Self.encoded(Flag(on: true)) }
        #expect(throws: EncodingError.self) { try Self.encoded([1, 2]) }
        #expect(throws: EncodingError.self) { try Self.encoded(1.5) }
        #expect(throws: EncodingError.self) { try Self.encoded(["a": 1]) }
    }

    struct Nested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: ReplyKey.self)
            var inner = container.nestedContainer(keyedBy: ReplyKey.self, forKey: ReplyKey("inner"))
            try inner.encode("x", forKey: ReplyKey("a"))
        }
    }

    struct Empty: Encodable {}

    @Test("nestedContainer is refused with an error, not a crash; a value that writes nothing is {}")
    func unsupportedAndEmpty() throws {
        // validation
        #expect(throws: EncodingError.self) { try Self.encoded(Nested()) }
        #expect(try Self.encoded(Empty()) == "{}")
        #expect(try Self.encoded(["k": "v"]) == #"{"k":"v"}"#)
    }

    @Test("an error item has field_name null for a transport error, and line only when there is one")
    func errorItems() throws {
        // MUT
        let transport = try Self.encoded(APIErrorItem(fieldName: nil, checkName: "endpoint", message: "The endpoint is not available"))
        let line = try Self.encoded(APIErrorItem(fieldName: "file", checkName: "valid_csv", message: "line 3: x", line: "3"))
        // validation
        #expect(transport == #"{"field_name":null,"check_name":"endpoint","message":"The endpoint is not available"}"#)
        #expect(line == #"{"field_name":"file","check_name":"valid_csv","message":"line 3: x","line":"3"}"#)
    }

    @Test("the fixed 500 envelope APIReply falls back on is the one the encoder writes for a server error")
    func unspecifiedError() throws {
        // setup
        let (check, message) = ErrorEnvelopeMiddleware<AppRequestContext>.describe(.internalServerError)
        let item = APIErrorItem(fieldName: nil, checkName: check, message: message)
        // MUT
        let encoded = try Self.encoded(APIReply.Envelope(apiReply: APIErrorReply(error: [item])))
        // validation
        #expect(encoded == APIReply.unspecifiedError.description)
    }

    @Test("encoding appends to what the buffer holds")
    func appends() throws {
        // setup
        var buffer = ByteBuffer(string: "[")
        // MUT
        try APIJSONEncoder.encode(HealthReply(status: "ok"), into: &buffer)
        buffer.writeString(",")
        try APIJSONEncoder.encode(HealthReply(status: "unavailable"), into: &buffer)
        buffer.writeString("]")
        // validation
        #expect(String(buffer: buffer) == #"[{"status":"ok"},{"status":"unavailable"}]"#)
    }
}
