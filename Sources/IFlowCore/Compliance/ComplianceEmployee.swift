/// What the rules need to know about an employee beyond the plans: the birth date (minors) and shift work.
public struct ComplianceEmployee: Hashable, Sendable {
    /// From `birth_date`, or else the CNP's; `nil` when neither is known (the minors' rules are then skipped).
    public var birthDate: LocalDate?
    /// Shift work (art. 136): the daily rest may then be 8 hours between shifts instead of 12 (art. 135(2)).
    public var shiftWork: Bool

    public init(birthDate: LocalDate? = nil, shiftWork: Bool = false) {
        self.birthDate = birthDate
        self.shiftWork = shiftWork
    }

    /// The birth date from `birth_date` when set, else from a valid CNP (century resolved as of `today`).
    public static func birthDate(birthDateField: LocalDate?, cnp: String?, today: LocalDate) -> LocalDate? {
        if let birthDateField { return birthDateField }
        guard let cnp, case .valid(let details) = CNP.validate(cnp) else { return nil }
        return details.likelyBirthDate(asOf: today)
    }

    /// The first day the employee is 18 (a 29 February birthday comes of age on 1 March); `nil` without a birth date.
    public var eighteenthBirthday: LocalDate? {
        guard let birthDate else { return nil }
        return LocalDate(year: birthDate.year + 18, month: birthDate.month, day: birthDate.day)
            ?? LocalDate(year: birthDate.year + 18, month: 3, day: 1)
    }

    /// Whether the employee is under 18 on `date` (art. 112(2), 124, 128, 134(2) speak of "tinerii în vârstă de până la 18 ani").
    public func isMinor(on date: LocalDate) -> Bool {
        guard let eighteenthBirthday else { return false }
        return date < eighteenthBirthday
    }
}
