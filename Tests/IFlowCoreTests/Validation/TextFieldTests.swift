import IFlowCore
import Testing

@Suite("TextField")
struct TextFieldTests {
    struct TrimCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        let why: String

        var testDescription: String { why }
    }

    static let trimCases: [TrimCase] = [
        TrimCase(input: "Ion Popescu", expected: "Ion Popescu", why: "nothing to trim"),
        TrimCase(input: "  Ion Popescu  ", expected: "Ion Popescu", why: "spaces"),
        TrimCase(input: "\t\nIon Popescu\r\n", expected: "Ion Popescu", why: "tabs and newlines"),
        TrimCase(input: "\u{00A0}Ion\u{3000}", expected: "Ion", why: "no-break and ideographic spaces"),
        TrimCase(input: "\u{2028}Ion\u{2029}\u{85}", expected: "Ion", why: "Unicode line separators and NEL"),
        TrimCase(input: "Ion  Popescu", expected: "Ion  Popescu", why: "inner spaces kept"),
        TrimCase(input: " Ștefan Țurcanu ", expected: "Ștefan Țurcanu", why: "diacritics kept"),
        TrimCase(input: "   ", expected: "", why: "only whitespace"),
        TrimCase(input: "", expected: "", why: "empty"),
        TrimCase(input: "\u{200B}Ion", expected: "\u{200B}Ion", why: "zero-width space is not whitespace"),
    ]

    @Test("trimmed removes leading and trailing Unicode whitespace", arguments: trimCases)
    func trimmed(_ example: TrimCase) {
        #expect(TextField.trimmed(example.input) == example.expected)
    }

    @Test(
        "control characters and line breaks are detected",
        arguments: [
            "\u{0}", "a\u{1}b", "\t", "line\nbreak", "carriage\rreturn", "\u{1B}[31m", "\u{1F}", "\u{7F}", "\u{80}",
            "\u{85}", "\u{9F}", "a\u{2028}b", "a\u{2029}b",
        ]
    )
    func detectsControlCharacters(_ value: String) {
        #expect(TextField.containsControlCharacters(value))
    }

    @Test(
        "ordinary text has no control characters",
        arguments: ["", "Ion Popescu", "Șoseaua Ștefan cel Mare nr. 3, bl. A", "+40 721 000 000", "\u{00A0}", "a\u{200D}b", "👩‍👩‍👧"]
    )
    func acceptsOrdinaryText(_ value: String) {
        #expect(!TextField.containsControlCharacters(value))
    }

    struct ValidateCase: Sendable, CustomTestStringConvertible {
        let input: String
        let maxLength: Int
        let expected: TextFieldValidation
        let why: String

        var testDescription: String { why }
    }

    static let validateCases: [ValidateCase] = [
        ValidateCase(input: " Ion Popescu ", maxLength: 11, expected: .valid("Ion Popescu"), why: "trimmed to exactly the limit"),
        ValidateCase(input: "Ion Popescu", maxLength: 10, expected: .invalid(.tooLong), why: "one over the limit"),
        ValidateCase(input: "", maxLength: 10, expected: .valid(""), why: "empty is up to the field"),
        ValidateCase(input: "Ion\nPopescu", maxLength: 100, expected: .invalid(.controlCharacters), why: "inner newline"),
        ValidateCase(input: "Ion\tPopescu", maxLength: 100, expected: .invalid(.controlCharacters), why: "inner tab"),
        ValidateCase(input: "Ion Popescu\n", maxLength: 100, expected: .valid("Ion Popescu"), why: "trailing newline trimmed"),
        ValidateCase(input: "Ion\u{0}", maxLength: 100, expected: .invalid(.controlCharacters), why: "NUL"),
        // Control characters are reported before length.
        ValidateCase(input: "Ion\u{7F}Popescu", maxLength: 3, expected: .invalid(.controlCharacters), why: "both failures"),
        // "Știință" precomposed is 7 characters; decomposed (S + U+0326 ...) it is 7 characters as well.
        ValidateCase(input: "Știință", maxLength: 7, expected: .valid("Știință"), why: "precomposed diacritics count once"),
        ValidateCase(
            input: "S\u{326}tii\u{306}nt\u{326}a\u{306}", maxLength: 7, expected: .valid("S\u{326}tii\u{306}nt\u{326}a\u{306}"),
            why: "combining diacritics count once"
        ),
        ValidateCase(input: "Știință", maxLength: 6, expected: .invalid(.tooLong), why: "diacritics still count"),
    ]

    @Test("validate trims, then checks control characters and length", arguments: validateCases)
    func validate(_ example: ValidateCase) {
        // MUT
        let result = TextField.validate(example.input, maxLength: example.maxLength)

        // validation
        #expect(result == example.expected)
        #expect(result.isValid == (result.text != nil))
        #expect(result.isValid == (result.failure == nil))
    }

    @Test(
        "field limits",
        arguments: [
            (FieldLimits.fullName, 150), (FieldLimits.teamName, 100), (FieldLimits.cnp, 13), (FieldLimits.idCard, 20),
            (FieldLimits.idCardIssuedBy, 100), (FieldLimits.rfidTag, 64), (FieldLimits.bankAccount, 34), (FieldLimits.jobTitle, 100),
            (FieldLimits.markNumber, 32), (FieldLimits.contractNumber, 50), (FieldLimits.section, 100), (FieldLimits.address, 255),
            (FieldLimits.city, 100), (FieldLimits.county, 100), (FieldLimits.phoneOne, 32), (FieldLimits.phoneTwo, 32),
        ]
    )
    func fieldLimits(limit: Int, expected: Int) {
        #expect(limit == expected)
    }

    @Test("identifier limits fit their formats")
    func identifierLimits() {
        #expect("1800101221144".count == FieldLimits.cnp)
        #expect(IBAN.lengthRange.upperBound == FieldLimits.bankAccount)
    }

    @Test("a full name of 150 Romanian letters fits, 151 does not")
    func fullNameLimit() {
        // setup
        let name = String(repeating: "ă", count: FieldLimits.fullName)

        // MUT / validation
        #expect(TextField.validate(name, maxLength: FieldLimits.fullName) == .valid(name))
        #expect(TextField.validate(name + "ș", maxLength: FieldLimits.fullName) == .invalid(.tooLong))
    }

    @Test("the failure raw values are the API check names")
    func failureNames() {
        #expect(TextField.Failure.allCases.map(\.rawValue) == ["controlCharacters", "tooLong"])
    }
}
