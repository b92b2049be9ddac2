import IFlowCore
import Testing

@Suite("CNP")
struct CNPTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let cnp: String
        let sex: CNP.Sex?
        let birthDate: String
        let holder: CNP.Holder
        let county: Int
        let serial: Int

        var testDescription: String { cnp }
    }

    // Control digit = (sum of digit × weight over the first 12 digits) mod 11, 10 written as 1.
    // Weights:        2  7  9  1  4  6  3  5  8  2  7  9
    static let validCases: [ValidCase] = [
        // The widely published test CNP. 1 8 0 0 1 0 1 2 2 1 1 4:
        // 2 + 56 + 0 + 0 + 4 + 0 + 3 + 10 + 16 + 2 + 7 + 36 = 136 = 12 × 11 + 4 → 4.
        ValidCase(cnp: "1800101221144", sex: .male, birthDate: "1980-01-01", holder: .romanian, county: 22, serial: 114),
        // python-stdnum's documented example. 1 6 3 0 6 1 5 1 2 3 4 5:
        // 2 + 42 + 27 + 0 + 24 + 6 + 15 + 5 + 16 + 6 + 28 + 45 = 216 = 19 × 11 + 7 → 7.
        ValidCase(cnp: "1630615123457", sex: .male, birthDate: "1963-06-15", holder: .romanian, county: 12, serial: 345),
        // Woman, 1992-07-15, Bucharest (40), serial 001. 2 9 2 0 7 1 5 4 0 0 0 1:
        // 4 + 63 + 18 + 0 + 28 + 6 + 15 + 20 + 0 + 0 + 0 + 9 = 163 = 14 × 11 + 9 → 9.
        ValidCase(cnp: "2920715400019", sex: .female, birthDate: "1992-07-15", holder: .romanian, county: 40, serial: 1),
        // Man, 2004-02-29 (leap day), Cluj (12), serial 345. 5 0 4 0 2 2 9 1 2 3 4 5:
        // 10 + 0 + 36 + 0 + 8 + 12 + 27 + 5 + 16 + 6 + 28 + 45 = 193 = 17 × 11 + 6 → 6.
        ValidCase(cnp: "5040229123456", sex: .male, birthDate: "2004-02-29", holder: .romanian, county: 12, serial: 345),
        // Woman, 2000-01-01, the post-2024 code 70, serial 051: remainder 10 is written 1. 6 0 0 0 1 0 1 7 0 0 5 1:
        // 12 + 0 + 0 + 0 + 4 + 0 + 3 + 35 + 0 + 0 + 35 + 9 = 98 = 8 × 11 + 10 → 1.
        ValidCase(cnp: "6000101700511", sex: .female, birthDate: "2000-01-01", holder: .romanian, county: 70, serial: 51),
        // Man, 1875-12-31, Călărași (51), serial 999. 3 7 5 1 2 3 1 5 1 9 9 9:
        // 6 + 49 + 45 + 1 + 8 + 18 + 3 + 25 + 8 + 18 + 63 + 81 = 325 = 29 × 11 + 6 → 6.
        ValidCase(cnp: "3751231519996", sex: .male, birthDate: "1875-12-31", holder: .romanian, county: 51, serial: 999),
        // Woman, 1975-11-23, former Bucharest sector 8 (48), serial 200. 2 7 5 1 1 2 3 4 8 2 0 0:
        // 4 + 49 + 45 + 1 + 4 + 12 + 9 + 20 + 64 + 4 + 0 + 0 = 212 = 19 × 11 + 3 → 3.
        ValidCase(cnp: "2751123482003", sex: .female, birthDate: "1975-11-23", holder: .romanian, county: 48, serial: 200),
        // Resident woman, (19)85-03-10, Giurgiu (52), serial 020. 8 8 5 0 3 1 0 5 2 0 2 0:
        // 16 + 56 + 45 + 0 + 12 + 6 + 0 + 25 + 16 + 0 + 14 + 0 = 190 = 17 × 11 + 3 → 3.
        ValidCase(cnp: "8850310520203", sex: .female, birthDate: "1985-03-10", holder: .foreignResident, county: 52, serial: 20),
        // Resident man, 00-02-29: 1900 is not a leap year, so the date is 2000-02-29; former sector 7 (47), serial 100.
        // 7 0 0 0 2 2 9 4 7 1 0 0: 14 + 0 + 0 + 0 + 8 + 12 + 27 + 20 + 56 + 2 + 0 + 0 = 139 = 12 × 11 + 7 → 7.
        ValidCase(cnp: "7000229471007", sex: .male, birthDate: "2000-02-29", holder: .foreignResident, county: 47, serial: 100),
        // Resident man, (19)03-05-12, Bucharest (40), serial 123. 7 0 3 0 5 1 2 4 0 1 2 3:
        // 14 + 0 + 27 + 0 + 20 + 6 + 6 + 20 + 0 + 2 + 14 + 27 = 136 = 12 × 11 + 4 → 4.
        ValidCase(cnp: "7030512401234", sex: .male, birthDate: "1903-05-12", holder: .foreignResident, county: 40, serial: 123),
        // Foreigner (no sex), (19)95-06-15, consular code 80, serial 005. 9 9 5 0 6 1 5 8 0 0 0 5:
        // 18 + 63 + 45 + 0 + 24 + 6 + 15 + 40 + 0 + 0 + 0 + 45 = 256 = 23 × 11 + 3 → 3.
        ValidCase(cnp: "9950615800053", sex: nil, birthDate: "1995-06-15", holder: .foreigner, county: 80, serial: 5),
    ]

    @Test("accepts hand-checked codes and decodes them", arguments: validCases)
    func acceptsValid(_ example: ValidCase) throws {
        // MUT
        let result = CNP.validate(example.cnp)

        // validation
        let details = try #require(result.details, "\(result)")
        #expect(result.isValid)
        #expect(result.failure == nil)
        #expect(details.sex == example.sex)
        #expect(details.birthDate == LocalDate(iso: example.birthDate))
        #expect(details.holder == example.holder)
        #expect(details.isCenturyEncoded == (example.holder == .romanian))
        #expect(details.county == example.county)
        #expect(details.serial == example.serial)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let value: String
        let failure: CNP.Failure
        let why: String

        var testDescription: String { "\(why): \(value.debugDescription)" }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(value: "", failure: .length, why: "empty"),
        InvalidCase(value: "180010122114", failure: .length, why: "12 digits"),
        InvalidCase(value: "18001012211440", failure: .length, why: "14 digits"),
        InvalidCase(value: " 1800101221144", failure: .length, why: "untrimmed"),
        InvalidCase(value: "18001012211A4", failure: .digits, why: "a letter"),
        InvalidCase(value: "1800101-22114", failure: .digits, why: "a hyphen"),
        InvalidCase(value: "180010122114 ", failure: .digits, why: "a trailing space within 13 characters"),
        InvalidCase(value: "１800101221144", failure: .digits, why: "a fullwidth digit"),
        InvalidCase(value: "18001012211٤٤", failure: .digits, why: "Arabic-Indic digits"),
        InvalidCase(value: "180010122114ă", failure: .digits, why: "a diacritic"),
        InvalidCase(value: "0800101221144", failure: .sex, why: "first digit 0"),
        InvalidCase(value: "1900230221144", failure: .birthDate, why: "30 February"),
        InvalidCase(value: "1000229221144", failure: .birthDate, why: "29 February 1900"),
        InvalidCase(value: "1990229221144", failure: .birthDate, why: "29 February 1999"),
        InvalidCase(value: "3000229221144", failure: .birthDate, why: "29 February 1800"),
        InvalidCase(value: "1800431221144", failure: .birthDate, why: "31 April"),
        InvalidCase(value: "1800001221144", failure: .birthDate, why: "month 00"),
        InvalidCase(value: "1801301221144", failure: .birthDate, why: "month 13"),
        InvalidCase(value: "1800100221144", failure: .birthDate, why: "day 00"),
        InvalidCase(value: "1800132221144", failure: .birthDate, why: "day 32"),
        InvalidCase(value: "7010229221144", failure: .birthDate, why: "resident, 29 February of 1901 and 2001"),
        InvalidCase(value: "1800101991144", failure: .county, why: "county 99"),
        InvalidCase(value: "1800101001144", failure: .county, why: "county 00"),
        InvalidCase(value: "1800101491144", failure: .county, why: "county 49"),
        InvalidCase(value: "1800101501144", failure: .county, why: "county 50"),
        InvalidCase(value: "1800101531144", failure: .county, why: "county 53"),
        InvalidCase(value: "1800101691144", failure: .county, why: "county 69"),
        InvalidCase(value: "1800101711144", failure: .county, why: "county 71"),
        InvalidCase(value: "1800101791144", failure: .county, why: "county 79"),
        InvalidCase(value: "1800101841144", failure: .county, why: "county 84"),
        InvalidCase(value: "1800101220004", failure: .serial, why: "serial 000"),
        InvalidCase(value: "1800101221145", failure: .checksum, why: "control digit 5 instead of 4"),
        InvalidCase(value: "1800101221154", failure: .checksum, why: "serial changed, control kept"),
        InvalidCase(value: "8001010221144", failure: .checksum, why: "digits rotated"),
        InvalidCase(value: "1630615123475", failure: .checksum, why: "last two digits swapped"),
    ]

    @Test("rejects with the first failing check", arguments: invalidCases)
    func rejectsInvalid(_ example: InvalidCase) {
        // MUT
        let result = CNP.validate(example.value)

        // validation
        #expect(result == .invalid(example.failure))
        #expect(!result.isValid)
        #expect(result.details == nil)
    }

    @Test("every wrong control digit of 1800101221144 is a checksum failure", arguments: [0, 1, 2, 3, 5, 6, 7, 8, 9])
    func rejectsWrongControlDigit(_ control: Int) {
        #expect(CNP.validate("180010122114\(control)") == .invalid(.checksum))
    }

    @Test("checks run in order: length, digits, sex, birth date, county, serial, checksum")
    func reportsFirstFailure() {
        // Each value also fails every later check.
        #expect(CNP.validate("0000000000000A") == .invalid(.length))
        #expect(CNP.validate("000000000000A") == .invalid(.digits))
        #expect(CNP.validate("0001300990000") == .invalid(.sex))
        #expect(CNP.validate("1001300990000") == .invalid(.birthDate))
        #expect(CNP.validate("1000101990000") == .invalid(.county))
        #expect(CNP.validate("1000101400000") == .invalid(.serial))
    }

    @Test("the failure raw values are the API check names")
    func failureNames() {
        #expect(CNP.Failure.allCases.map(\.rawValue) == ["length", "digits", "sex", "birthDate", "county", "serial", "checksum"])
    }

    @Test("county codes are 01-48, 51, 52, 70 and 80-83")
    func countyCodes() {
        // validation
        #expect(CNP.countyCodes == Array(1...48) + [51, 52, 70, 80, 81, 82, 83])
        #expect(CNP.countyCodes == CNP.countyCodes.sorted())
    }

    struct GeneratedCase: Sendable, CustomTestStringConvertible {
        let sex: CNP.Sex
        let birthDate: String
        let county: Int
        let serial: Int
        let expected: String

        var testDescription: String { expected }
    }

    // The Romanian-born examples from `validCases`, whose arithmetic is written out there.
    static let generatedCases: [GeneratedCase] = [
        GeneratedCase(sex: .male, birthDate: "1980-01-01", county: 22, serial: 114, expected: "1800101221144"),
        GeneratedCase(sex: .male, birthDate: "1963-06-15", county: 12, serial: 345, expected: "1630615123457"),
        GeneratedCase(sex: .female, birthDate: "1992-07-15", county: 40, serial: 1, expected: "2920715400019"),
        GeneratedCase(sex: .male, birthDate: "2004-02-29", county: 12, serial: 345, expected: "5040229123456"),
        GeneratedCase(sex: .female, birthDate: "2000-01-01", county: 70, serial: 51, expected: "6000101700511"),
        GeneratedCase(sex: .male, birthDate: "1875-12-31", county: 51, serial: 999, expected: "3751231519996"),
        GeneratedCase(sex: .female, birthDate: "1975-11-23", county: 48, serial: 200, expected: "2751123482003"),
    ]

    @Test("makeValid reproduces the hand-checked codes", arguments: generatedCases)
    func makeValidMatchesHandChecked(_ example: GeneratedCase) throws {
        // setup
        let birthDate = try #require(LocalDate(iso: example.birthDate))

        // MUT
        let cnp = CNP.makeValid(sex: example.sex, birthDate: birthDate, county: example.county, serial: example.serial)

        // validation
        #expect(cnp == example.expected)
    }

    @Test("makeValid round-trips through validate for every county", arguments: CNP.countyCodes)
    func makeValidRoundTrips(county: Int) throws {
        // setup
        let first = try #require(LocalDate(year: 1800, month: 1, day: 1))
        let last = try #require(LocalDate(year: 2099, month: 12, day: 31))
        let serials = [1, 9, 10, 99, 100, 500, 999]

        for (index, dayNumber) in stride(from: first.dayNumber, through: last.dayNumber, by: 97).enumerated() {
            let birthDate = LocalDate(dayNumber: dayNumber)
            let sex: CNP.Sex = index.isMultiple(of: 2) ? .male : .female
            let serial = serials[index % serials.count]

            // MUT
            let cnp = CNP.makeValid(sex: sex, birthDate: birthDate, county: county, serial: serial)

            // validation
            let details = try #require(CNP.validate(cnp).details, "\(cnp)")
            #expect(details.sex == sex)
            #expect(details.birthDate == birthDate)
            #expect(details.holder == .romanian)
            #expect(details.county == county)
            #expect(details.serial == serial)
            let control = try #require(cnp.last?.wholeNumberValue)
            let wrongControl = String(cnp.dropLast()) + String((control + 1) % 10)
            #expect(CNP.validate(wrongControl) == .invalid(.checksum), "\(wrongControl)")
        }
    }

    @Test("makeValid covers the century boundaries and first digits")
    func makeValidFirstDigits() throws {
        // setup
        let cases: [(CNP.Sex, String, Character)] = [
            (.male, "1800-01-01", "3"), (.female, "1899-12-31", "4"), (.male, "1900-01-01", "1"),
            (.female, "1999-12-31", "2"), (.male, "2000-01-01", "5"), (.female, "2099-12-31", "6"),
        ]

        for (sex, iso, firstDigit) in cases {
            let birthDate = try #require(LocalDate(iso: iso))

            // MUT
            let cnp = CNP.makeValid(sex: sex, birthDate: birthDate, county: 1, serial: 1)

            // validation
            #expect(cnp.first == firstDigit, "\(iso)")
            #expect(CNP.validate(cnp).details?.birthDate == birthDate)
        }
    }

    struct CenturyCase: Sendable, CustomTestStringConvertible {
        let cnp: String
        let today: String
        let expected: String

        var testDescription: String { "\(cnp) as of \(today)" }
    }

    static let centuryCases: [CenturyCase] = [
        // Resident with AA = 03: 2003 once that day has come, otherwise 1903.
        CenturyCase(cnp: "7030512401234", today: "2025-01-01", expected: "2003-05-12"),
        CenturyCase(cnp: "7030512401234", today: "2003-05-12", expected: "2003-05-12"),
        CenturyCase(cnp: "7030512401234", today: "2003-05-11", expected: "1903-05-12"),
        // Resident with AA = 85: 2085 is still in the future.
        CenturyCase(cnp: "8850310520203", today: "2025-01-01", expected: "1985-03-10"),
        // Foreigner with AA = 95.
        CenturyCase(cnp: "9950615800053", today: "2025-01-01", expected: "1995-06-15"),
        // 00-02-29 exists only in 2000; before it, nothing qualifies and the stored date is kept.
        CenturyCase(cnp: "7000229471007", today: "2025-01-01", expected: "2000-02-29"),
        CenturyCase(cnp: "7000229471007", today: "1999-01-01", expected: "2000-02-29"),
        // An encoded century is never changed.
        CenturyCase(cnp: "5040229123456", today: "2004-01-01", expected: "2004-02-29"),
        CenturyCase(cnp: "1800101221144", today: "2090-01-01", expected: "1980-01-01"),
    ]

    @Test("likelyBirthDate resolves an unencoded century against today", arguments: centuryCases)
    func likelyBirthDate(_ example: CenturyCase) throws {
        // setup
        let details = try #require(CNP.validate(example.cnp).details)
        let today = try #require(LocalDate(iso: example.today))

        // MUT
        let birthDate = details.likelyBirthDate(asOf: today)

        // validation
        #expect(birthDate == LocalDate(iso: example.expected))
    }
}
