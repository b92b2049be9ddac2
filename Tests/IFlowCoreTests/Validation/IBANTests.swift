import IFlowCore
import Testing

@Suite("IBAN")
struct IBANTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let input: String
        let normalized: String

        var testDescription: String { input.debugDescription }
    }

    static let validCases: [ValidCase] = [
        // The standard Romanian example: RO, check 49, bank code AAAA, 16 alphanumerics.
        ValidCase(input: "RO49AAAA1B31007593840000", normalized: "RO49AAAA1B31007593840000"),
        // The registry examples for the United Kingdom and Germany.
        ValidCase(input: "GB82WEST12345698765432", normalized: "GB82WEST12345698765432"),
        ValidCase(input: "DE89370400440532013000", normalized: "DE89370400440532013000"),
        // Registry examples covering the table's shortest (NO, 15) and longest European (MT, 31) lengths.
        ValidCase(input: "FR1420041010050500013M02606", normalized: "FR1420041010050500013M02606"),
        ValidCase(input: "NL91ABNA0417164300", normalized: "NL91ABNA0417164300"),
        ValidCase(input: "BE68539007547034", normalized: "BE68539007547034"),
        ValidCase(input: "AT611904300234573201", normalized: "AT611904300234573201"),
        ValidCase(input: "CH9300762011623852957", normalized: "CH9300762011623852957"),
        ValidCase(input: "PL61109010140000071219812874", normalized: "PL61109010140000071219812874"),
        ValidCase(input: "HU42117730161111101800000000", normalized: "HU42117730161111101800000000"),
        ValidCase(input: "BG80BNBG96611020345678", normalized: "BG80BNBG96611020345678"),
        ValidCase(input: "IT60X0542811101000000123456", normalized: "IT60X0542811101000000123456"),
        ValidCase(input: "ES9121000418450200051332", normalized: "ES9121000418450200051332"),
        ValidCase(input: "MD24AG000225100013104168", normalized: "MD24AG000225100013104168"),
        ValidCase(input: "NO9386011117947", normalized: "NO9386011117947"),
        ValidCase(input: "MT84MALT011000012345MTLCAST001S", normalized: "MT84MALT011000012345MTLCAST001S"),
        // Check digits at both ends of 02...98.
        ValidCase(input: "RO02BTRL0000000000000049", normalized: "RO02BTRL0000000000000049"),
        ValidCase(input: "RO98BTRL0000000000000067", normalized: "RO98BTRL0000000000000067"),
        ValidCase(input: "RO64BTRL0000000000000000", normalized: "RO64BTRL0000000000000000"),
        // Countries missing from the table: any length in 15...34 passes on mod 97 alone.
        ValidCase(input: "LC55HEMM000100010012001200023015", normalized: "LC55HEMM000100010012001200023015"),
        ValidCase(input: "ZZ81ABC1234567890", normalized: "ZZ81ABC1234567890"),
        // Printed and typed forms.
        ValidCase(input: "RO49 AAAA 1B31 0075 9384 0000", normalized: "RO49AAAA1B31007593840000"),
        ValidCase(input: "ro49 aaaa 1b31 0075 9384 0000", normalized: "RO49AAAA1B31007593840000"),
        ValidCase(input: "  gb82 West 1234 5698 7654 32\n", normalized: "GB82WEST12345698765432"),
        ValidCase(input: "DE89\u{00A0}3704\t0044\u{2009}0532\u{3000}0130\u{00A0}00", normalized: "DE89370400440532013000"),
    ]

    @Test("accepts valid IBANs and returns them normalized", arguments: validCases)
    func acceptsValid(_ example: ValidCase) {
        // MUT
        let result = IBAN.validate(example.input)

        // validation
        #expect(result == .valid(example.normalized))
        #expect(result.isValid)
        #expect(result.normalized == example.normalized)
        #expect(result.failure == nil)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let value: String
        let failure: IBAN.Failure
        let why: String

        var testDescription: String { "\(why): \(value.debugDescription)" }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(value: "RO49-AAAA-1B31-0075-9384-0000", failure: .characters, why: "hyphens"),
        InvalidCase(value: "RO49ĂAAA1B31007593840000", failure: .characters, why: "a diacritic"),
        InvalidCase(value: "RO49AAAA1B3100759384000０", failure: .characters, why: "a fullwidth digit"),
        InvalidCase(value: "", failure: .length, why: "empty"),
        InvalidCase(value: "RO49", failure: .length, why: "only country and check digits"),
        InvalidCase(value: "ZZ81ABC123456", failure: .length, why: "14 characters"),
        InvalidCase(value: "ZZ00ABCDEFGHIJKLMNOPQRSTUVWXYZ12345", failure: .length, why: "35 characters"),
        InvalidCase(value: "RO49AAAA1B3100759384000", failure: .length, why: "RO with 23 characters"),
        InvalidCase(value: "RO49AAAA1B310075938400000", failure: .length, why: "RO with 25 characters"),
        InvalidCase(value: "GB82WEST1234569876543", failure: .length, why: "GB with 21 characters"),
        InvalidCase(value: "DE8937040044053201300", failure: .length, why: "DE with 21 characters"),
        InvalidCase(value: "1249AAAA1B31007593840000", failure: .countryCode, why: "digits for the country"),
        InvalidCase(value: "R049AAAA1B31007593840000", failure: .countryCode, why: "zero instead of O"),
        InvalidCase(value: "ROA9AAAA1B31007593840000", failure: .checkDigits, why: "a letter in the check digits"),
        InvalidCase(value: "ROAAAAAA1B31007593840000", failure: .checkDigits, why: "letters for the check digits"),
        // Each of these has the same remainder as a valid IBAN (01 ≡ 98, 99 ≡ 02, 00 ≡ 97 mod 97) but is never issued.
        InvalidCase(value: "RO01BTRL0000000000000067", failure: .checkDigits, why: "check digits 01"),
        InvalidCase(value: "RO99BTRL0000000000000049", failure: .checkDigits, why: "check digits 99"),
        InvalidCase(value: "RO00BTRL0000000000000085", failure: .checkDigits, why: "check digits 00"),
        // Passes mod 97 with a numeric bank code.
        InvalidCase(value: "RO0212341B31007593840000", failure: .format, why: "RO bank code with digits"),
        InvalidCase(value: "RO49AAAA1B31007593840001", failure: .checksum, why: "RO last digit changed"),
        InvalidCase(value: "RO94AAAA1B31007593840000", failure: .checksum, why: "RO check digits swapped"),
        InvalidCase(value: "RO49AAAB1B31007593840000", failure: .checksum, why: "RO bank code changed"),
        InvalidCase(value: "GB82WEST12345698765431", failure: .checksum, why: "GB last digit changed"),
        InvalidCase(value: "GB82WEST12345698765423", failure: .checksum, why: "GB last digits swapped"),
        InvalidCase(value: "DE89370400440532031000", failure: .checksum, why: "DE digits swapped"),
        InvalidCase(value: "DE88370400440532013000", failure: .checksum, why: "DE check digit changed"),
        InvalidCase(value: "ZZ82ABC1234567890", failure: .checksum, why: "unknown country, wrong check digits"),
    ]

    @Test("rejects with the first failing check", arguments: invalidCases)
    func rejectsInvalid(_ example: InvalidCase) {
        // MUT
        let result = IBAN.validate(example.value)

        // validation
        #expect(result == .invalid(example.failure))
        #expect(!result.isValid)
        #expect(result.normalized == nil)
    }

    // Mod 97 catches every digit-for-digit or letter-for-letter substitution (the change is d × 10^k with 0 < |d| < 97,
    // and 97 is prime), but not every digit-for-letter one, which shifts the expanded number by a digit.
    @Test("every same-kind single-character change of the Romanian example is rejected", arguments: 4..<24)
    func rejectsSingleSubstitution(position: Int) {
        // setup
        let valid = Array("RO49AAAA1B31007593840000")
        let replacements = Array(valid[position].isLetter ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789")

        for replacement in replacements where replacement != valid[position] {
            var changed = valid
            changed[position] = replacement

            // MUT
            let result = IBAN.validate(String(changed))

            // validation
            #expect(result == .invalid(.checksum), "\(String(changed))")
        }
    }

    struct NormalizeCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String

        var testDescription: String { input.debugDescription }
    }

    static let normalizeCases: [NormalizeCase] = [
        NormalizeCase(input: "ro49 aaaa 1b31 0075 9384 0000", expected: "RO49AAAA1B31007593840000"),
        NormalizeCase(input: "\tRO49\nAAAA\r\n1B31\u{00A0}0075 ", expected: "RO49AAAA1B310075"),
        NormalizeCase(input: "", expected: ""),
        NormalizeCase(input: "   ", expected: ""),
        // Only ASCII letters are uppercased; anything else is left for validation to reject.
        NormalizeCase(input: "ro49-ă ß", expected: "RO49-ăß"),
    ]

    @Test("normalize removes whitespace and uppercases ASCII letters", arguments: normalizeCases)
    func normalize(_ example: NormalizeCase) {
        #expect(IBAN.normalize(example.input) == example.expected)
    }

    @Test(
        "the length table holds the registry lengths",
        arguments: [
            ("RO", 24), ("DE", 22), ("FR", 27), ("GB", 22), ("IT", 27), ("ES", 24), ("NL", 18), ("BE", 16), ("AT", 20),
            ("BG", 22), ("HU", 28), ("MD", 24), ("PL", 28), ("CH", 21), ("NO", 15), ("MT", 31),
        ]
    )
    func expectedLength(country: String, length: Int) {
        #expect(IBAN.expectedLength(country: country) == length)
    }

    @Test("unknown and lowercase countries have no table length", arguments: ["ZZ", "LC", "ro", ""])
    func noExpectedLength(country: String) {
        #expect(IBAN.expectedLength(country: country) == nil)
    }

    @Test("the failure raw values are the API check names")
    func failureNames() {
        #expect(IBAN.Failure.allCases.map(\.rawValue) == ["characters", "length", "countryCode", "checkDigits", "format", "checksum"])
    }
}
