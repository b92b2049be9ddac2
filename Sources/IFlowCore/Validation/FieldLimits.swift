/// Maximum lengths of the employee fields, in `Character`s (a letter with a diacritic counts once).
///
/// Identifier fields are sized to their format: a CNP is 13 digits and an IBAN at most 34 characters.
public struct FieldLimits: Sendable {
    /// `full_name`.
    public static let fullName = 150
    /// `team_name`.
    public static let teamName = 100
    /// `cnp`.
    public static let cnp = 13
    /// `id_card`: Romanian series and number ("RX123456") or a foreign document number.
    public static let idCard = 20
    /// `id_card_issued_by`.
    public static let idCardIssuedBy = 100
    /// `rfid_tag`: room for a 32-byte UID in hex.
    public static let rfidTag = 64
    /// `bank_account`: the IBAN maximum.
    public static let bankAccount = 34
    /// `job_title`.
    public static let jobTitle = 100
    /// `mark_number`.
    public static let markNumber = 32
    /// `contract_number`.
    public static let contractNumber = 50
    /// `section`.
    public static let section = 100
    /// `address`.
    public static let address = 255
    /// `city`.
    public static let city = 100
    /// `county`.
    public static let county = 100
    /// `phone_one`.
    public static let phoneOne = 32
    /// `phone_two`.
    public static let phoneTwo = 32
}
