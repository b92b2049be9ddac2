/// The vocabulary of `check_name` values, the same in every endpoint.
///
/// Each case is one kind of rule; the field it failed on travels separately in ``ValidationIssue``.
public enum CheckName: String, Sendable, CaseIterable {
    /// The field is missing.
    case required
    /// The field is present but empty (after trimming).
    case notEmpty = "not_empty"
    /// The API key is missing, unknown or revoked.
    case validAPIKey = "valid_api_key"
    /// The value is not one of a fixed set.
    case inList = "in_list"
    /// Not a real date written `YYYY-MM-DD`.
    case validDate = "valid_date"
    /// Not a valid Romanian personal numeric code.
    case validCNP = "valid_cnp"
    /// Not a valid IBAN.
    case validIBAN = "valid_iban"
    /// Longer than the field allows.
    case maxLength = "max_length"
    /// Another record of the company already holds the value.
    case unique
    /// Not a whole number.
    case integer
    /// A number outside its allowed range.
    case between
    /// Contains control characters or line breaks where one line is expected.
    case singleLine = "single_line"
    /// Not a list of `HH:MM-HH:MM` time ranges.
    case validTimeRanges = "valid_time_ranges"
    /// Two time ranges of one day overlap.
    case noOverlap = "no_overlap"
    /// The break is longer than the planned shifts.
    case validBreak = "valid_break"
    /// Shifts were given for an absence.
    case noShifts = "no_shifts"
    /// No employee of the company matches the given identifier.
    case exists
    /// A date range that ends before it starts.
    case dateOrder = "date_order"
    /// The request body could not be read (malformed encoding, invalid UTF-8, too many fields).
    case validBody = "valid_body"
    /// The uploaded file is not a usable CSV file.
    case validCSV = "valid_csv"
    /// Too many rows, fields or bytes.
    case tooLarge = "too_large"
    /// Too many requests with this key; retry after the `Retry-After` seconds.
    case rateLimit = "rate_limit"
    /// A badge terminal's `access_token` is missing, unknown or revoked.
    case validAccessToken = "valid_access_token"
    /// No employee of the terminal's company has the scanned badge.
    case unknownTag = "unknown_tag"
    /// The badge's employee is disabled, or not employed on the scan's date.
    case employeeInactive = "employee_inactive"
    /// A scan more than five minutes ahead of the server's clock.
    case futureTime = "future_time"
    /// A scan within `time_between_check_ins` of the employee's previous one: reported, not stored.
    case duplicateScan = "duplicate_scan"
    /// No attendance entry of the company has this id, or it is already deleted.
    case attendanceNotFound = "attendance_not_found"
    /// The write would change the hours of a locked month (`month/lock`): its figures are closed.
    case lockedMonth = "locked_month"
}
