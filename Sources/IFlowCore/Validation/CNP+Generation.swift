extension CNP {
    /// Builds the CNP of a person born in Romania (first digit 1–6), computing its control digit.
    ///
    /// Meant for demo and test data. Traps unless `birthDate` is in 1800...2099, `county` is in ``countyCodes`` and
    /// `serial` is in 1...999.
    /// - Parameters:
    ///   - sex: Chooses the odd (male) or even (female) first digit.
    ///   - birthDate: Gives `AA LL ZZ`; its century chooses 3/4 (1800s), 1/2 (1900s) or 5/6 (2000s).
    ///   - county: `JJ`.
    ///   - serial: `NNN`.
    /// - Returns: 13 ASCII digits that ``validate(_:)`` accepts.
    public static func makeValid(sex: Sex, birthDate: LocalDate, county: Int, serial: Int) -> String {
        precondition((1800...2099).contains(birthDate.year), "A CNP encodes birth years 1800...2099")
        precondition(countyCodes.contains(county), "Unknown CNP county code \(county)")
        precondition((1...999).contains(serial), "A CNP serial is 1...999")
        let maleDigit =
            switch birthDate.year {
            case ..<1900: 3
            case ..<2000: 1
            default: 5
            }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: width - digits.count) + digits
        }
        let firstDigit = maleDigit + (sex == .male ? 0 : 1)
        let body =
            "\(firstDigit)\(pad(birthDate.year % 100, 2))\(pad(birthDate.month, 2))\(pad(birthDate.day, 2))"
            + "\(pad(county, 2))\(pad(serial, 3))"
        return body + String(controlDigit(body.utf8.map { Int($0 - UInt8(ascii: "0")) }))
    }
}
