/// International bank account numbers (ISO 13616): two letters of country, two check digits, then an alphanumeric BBAN.
///
/// A known country (see ``expectedLength(country:)``) must have its registered length; an unknown one any length in
/// 15...34. Romanian IBANs must also carry the 4-letter bank code (`RO kk BBBB` + 16 alphanumerics).
public enum IBAN {
    /// Why a string is not an IBAN, in the order the checks run; the raw value names the check in API error replies.
    public enum Failure: String, Error, Hashable, Sendable, CaseIterable {
        /// After normalization, a character other than an ASCII letter or digit.
        case characters
        /// Outside 15...34 characters, or not the registered length of a known country.
        case length
        /// The first two characters are not letters.
        case countryCode
        /// The third and fourth characters are not digits in 02...98.
        case checkDigits
        /// The BBAN does not follow its country's structure (checked for RO: a 4-letter bank code).
        case format
        /// The ISO 7064 mod-97 remainder is not 1.
        case checksum
    }

    /// The whole range of lengths the IBAN registry allows.
    public static let lengthRange = 15...34

    /// Removes all whitespace and uppercases ASCII letters; other characters are kept so that validation rejects them.
    ///
    /// - Parameter value: An IBAN as typed or printed, e.g. `ro49 aaaa 1b31 0075 9384 0000`.
    public static func normalize(_ value: String) -> String {
        var result = ""
        for character in value where !character.isWhitespace {
            if let ascii = character.asciiValue, ascii >= UInt8(ascii: "a"), ascii <= UInt8(ascii: "z") {
                result.append(Character(Unicode.Scalar(ascii - 32)))
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Normalizes `value` (see ``normalize(_:)``) and checks it as an IBAN.
    ///
    /// - Parameter value: The candidate IBAN, spaces and lowercase allowed.
    /// - Returns: The normalized IBAN to store, or the first check in ``Failure`` order that fails.
    public static func validate(_ value: String) -> IBANValidation {
        let iban = normalize(value)
        let bytes = Array(iban.utf8)
        guard bytes.allSatisfy({ isLetter($0) || isDigit($0) }) else { return .invalid(.characters) }
        guard lengthRange.contains(bytes.count) else { return .invalid(.length) }
        guard isLetter(bytes[0]), isLetter(bytes[1]) else { return .invalid(.countryCode) }
        guard isDigit(bytes[2]), isDigit(bytes[3]) else { return .invalid(.checkDigits) }
        // 00, 01 and 99 give the same remainders as 97, 98 and 02, so ISO 13616 never issues them.
        let checkDigits = Int(bytes[2] - UInt8(ascii: "0")) * 10 + Int(bytes[3] - UInt8(ascii: "0"))
        guard (2...98).contains(checkDigits) else { return .invalid(.checkDigits) }
        let country = String(iban.prefix(2))
        if let expected = expectedLength(country: country), bytes.count != expected { return .invalid(.length) }
        if country == "RO", !bytes[4..<8].allSatisfy(isLetter) { return .invalid(.format) }
        guard mod97(bytes) == 1 else { return .invalid(.checksum) }
        return .valid(iban)
    }

    /// The registered IBAN length for an uppercase ISO 3166 country code, or `nil` for a country not in the table.
    public static func expectedLength(country: String) -> Int? { countryLengths[country] }

    /// The remainder modulo 97 of the IBAN rearranged (first four characters moved to the end) with letters as 10...35,
    /// folded in one character at a time so no big integer is needed.
    static func mod97(_ bytes: [UInt8]) -> Int {
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            remainder =
                isDigit(byte)
                ? (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
                : (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
        }
        return remainder
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
