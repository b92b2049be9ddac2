import IFlowCore
import Testing

@Suite("IdCard")
struct IdCardTests {
    @Test(
        "normalize trims and uppercases",
        arguments: [
            ("RX123456", "RX123456"), (" rx123456 ", "RX123456"), ("\tKv 654321\n", "KV 654321"), ("c01x00t23", "C01X00T23"),
            ("", ""), ("  ", ""),
        ]
    )
    func normalize(input: String, expected: String) {
        #expect(IdCard.normalize(input) == expected)
    }

    @Test(
        "validate accepts Romanian and foreign document numbers without a format check",
        arguments: [
            ("RX123456", "RX123456"), ("rx123456", "RX123456"), ("ab 123456", "AB 123456"), ("C01X00T47", "C01X00T47"),
            ("123456789", "123456789"), ("X1234567-Z", "X1234567-Z"), ("ăâîșț12", "ĂÂÎȘȚ12"), ("abcdefghij0123456789", "ABCDEFGHIJ0123456789"),
        ]
    )
    func acceptsAnyFormat(input: String, expected: String) {
        #expect(IdCard.validate(input) == .valid(expected))
    }

    @Test("validate enforces the length limit after trimming")
    func lengthLimit() {
        // setup
        let atLimit = String(repeating: "9", count: FieldLimits.idCard)

        // MUT / validation
        #expect(IdCard.validate("  \(atLimit)  ") == .valid(atLimit))
        #expect(IdCard.validate(atLimit + "9") == .invalid(.tooLong))
    }

    @Test("validate rejects control characters", arguments: ["RX\t123456", "RX\n123456", "RX123456\u{0}"])
    func rejectsControlCharacters(_ value: String) {
        #expect(IdCard.validate(value) == .invalid(.controlCharacters))
    }
}
