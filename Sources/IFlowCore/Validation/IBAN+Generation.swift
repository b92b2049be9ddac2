extension IBAN {
    /// An IBAN for `country` and `bban` with its check digits computed (ISO 13616: 98 − mod 97 of BBAN + country + 00).
    ///
    /// - Parameters:
    ///   - country: two upper-case letters, e.g. `RO`.
    ///   - bban: upper-case letters and digits, e.g. `BTRL` and 16 digits for Romania.
    public static func makeValid(country: String, bban: String) -> String {
        // `mod97` moves the first four characters to the end itself.
        let check = 98 - mod97(Array((country + "00" + bban).utf8))
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }
}
