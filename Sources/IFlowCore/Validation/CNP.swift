/// The Romanian personal numeric code (cod numeric personal): 13 ASCII digits `S AA LL ZZ JJ NNN C`.
///
/// - `S`: sex and century. 1/2 men/women born 1900–1999, 3/4 born 1800–1899, 5/6 born 2000–2099,
///   7/8 men/women who are foreign residents, 9 other foreigners (no sex encoded).
/// - `AA LL ZZ`: the birth date; it must be a real date.
/// - `JJ`: the county (or Bucharest sector) code; see ``countyCodes``.
/// - `NNN`: a serial, 001–999.
/// - `C`: the control digit: the first 12 digits weighted by 2 7 9 1 4 6 3 5 8 2 7 9, summed, modulo 11; 10 is written 1.
///
/// The century of 7, 8 and 9 is not encoded. ``Details/birthDate`` then takes 1900 + AA, or 2000 + AA when only that
/// date exists (29 February of year 00); ``Details/likelyBirthDate(asOf:)`` picks the latest century not after a given day.
public enum CNP {
    /// The sex encoded by the first digit.
    public enum Sex: String, Hashable, Sendable, CaseIterable {
        case male
        case female
    }

    /// Who the code was issued to, from the first digit.
    public enum Holder: String, Hashable, Sendable, CaseIterable {
        /// First digit 1–6: a person born in Romania or a Romanian citizen; the century is encoded.
        case romanian
        /// First digit 7 or 8: a foreigner resident in Romania; the century is not encoded.
        case foreignResident
        /// First digit 9: a foreigner (the number doubles as a tax number); neither sex nor century is encoded.
        case foreigner
    }

    /// Why a string is not a CNP, in the order the checks run; the raw value names the check in API error replies.
    public enum Failure: String, Error, Hashable, Sendable, CaseIterable {
        /// Not exactly 13 characters.
        case length
        /// A character other than an ASCII digit.
        case digits
        /// The first digit is 0.
        case sex
        /// `AA LL ZZ` is not a real date in any century the first digit allows.
        case birthDate
        /// `JJ` is not in ``CNP/countyCodes``.
        case county
        /// `NNN` is 000.
        case serial
        /// The control digit does not match the other twelve.
        case checksum
    }

    /// What a valid CNP says about its holder.
    public struct Details: Hashable, Sendable {
        /// `nil` when the first digit is 9, which does not encode the sex.
        public let sex: Sex?
        /// The birth date; for foreigners the century is a guess (see ``CNP`` and ``likelyBirthDate(asOf:)``).
        public let birthDate: LocalDate
        /// Romanian, foreign resident or foreigner, from the first digit.
        public let holder: Holder
        /// `JJ` as a number, e.g. 40 for Bucharest.
        public let county: Int
        /// `NNN` as a number, 1...999.
        public let serial: Int

        /// Whether the first digit fixes the century of ``birthDate``.
        public var isCenturyEncoded: Bool { holder == .romanian }

        /// The birth date with an unencoded century resolved to the latest one whose date is not after `today`.
        ///
        /// A resident whose `AA` is 03 was born in 2003 rather than 1903 once 2003 has begun. Falls back to ``birthDate``
        /// when no candidate is on or before `today`.
        /// - Parameter today: The day the age is judged on.
        public func likelyBirthDate(asOf today: LocalDate) -> LocalDate {
            guard !isCenturyEncoded else { return birthDate }
            let yearInCentury = birthDate.year % 100
            return [2000, 1900].lazy
                .compactMap { LocalDate(year: $0 + yearInCentury, month: birthDate.month, day: birthDate.day) }
                .first { $0 <= today } ?? birthDate
        }
    }

    /// The accepted `JJ` codes, ascending.
    ///
    /// - 01–39: the counties in alphabetical order (23 is Ilfov).
    /// - 40: Bucharest; 41–46: its sectors 1–6.
    /// - 47, 48: Bucharest sectors 7 and 8, abolished when the city was reorganised into six sectors in 1979 but still
    ///   found on old codes.
    /// - 51 Călărași, 52 Giurgiu: the counties created in 1981.
    /// - 70: the single code the integrated civil-status system (SIIEASC) assigns to every code generated since
    ///   8 May 2024, whatever the place of birth (Ministry of Internal Affairs announcement).
    /// - 80–83: registrations at Romanian diplomatic missions and consulates abroad (per the population-records
    ///   directorate, DEPABD).
    public static let countyCodes: [Int] = Array(1...48) + [51, 52, 70, 80, 81, 82, 83]

    /// Checks `value` as a CNP; it must already be trimmed (see ``TextField/trimmed(_:)``).
    ///
    /// - Parameter value: The candidate code.
    /// - Returns: The details, or the first check in ``Failure`` order that fails.
    public static func validate(_ value: String) -> CNPValidation {
        let characters = Array(value.prefix(14))
        guard characters.count == 13 else { return .invalid(.length) }
        var digits: [Int] = []
        digits.reserveCapacity(13)
        for character in characters {
            guard let ascii = character.asciiValue, ascii >= UInt8(ascii: "0"), ascii <= UInt8(ascii: "9") else {
                return .invalid(.digits)
            }
            digits.append(Int(ascii - UInt8(ascii: "0")))
        }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }

        let first = digits[0]
        guard first != 0 else { return .invalid(.sex) }
        let holder: Holder = first <= 6 ? .romanian : first <= 8 ? .foreignResident : .foreigner
        let sex: Sex? = first == 9 ? nil : first % 2 == 1 ? .male : .female
        let centuries: [Int] =
            switch first {
            case 1, 2: [1900]
            case 3, 4: [1800]
            case 5, 6: [2000]
            default: [1900, 2000]
            }
        let (yearInCentury, month, day) = (number(1..<3), number(3..<5), number(5..<7))
        let birthDate = centuries.lazy.compactMap { LocalDate(year: $0 + yearInCentury, month: month, day: day) }.first
        guard let birthDate else { return .invalid(.birthDate) }

        let county = number(7..<9)
        guard countyCodes.contains(county) else { return .invalid(.county) }
        let serial = number(9..<12)
        guard serial != 0 else { return .invalid(.serial) }
        guard controlDigit(digits.prefix(12)) == digits[12] else { return .invalid(.checksum) }

        return .valid(Details(sex: sex, birthDate: birthDate, holder: holder, county: county, serial: serial))
    }

    /// The weighted sum of the first 12 digits modulo 11, a remainder of 10 being written as 1.
    static func controlDigit(_ digits: some Sequence<Int>) -> Int {
        let weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
        let remainder = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return remainder == 10 ? 1 : remainder
    }
}
