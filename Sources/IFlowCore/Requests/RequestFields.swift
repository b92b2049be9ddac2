/// The fields of one request (an HTTP body, or a row of an uploaded CSV file) and every check they failed so far.
///
/// Every endpoint reads its fields through these readers, so a number, a flag or a date is read the same way
/// everywhere, every value is trimmed with ``TextField/trimmed(_:)``, and a reply lists every failed check, not the first.
/// A reader returns `nil` when the field is absent, blank or failed; ``result(_:)`` then tells which.
public struct RequestFields {
    /// Whether a field must be sent, and what a blank value (empty after trimming) means.
    public struct Presence: Sendable {
        public enum Absent: Sendable {
            /// No value and no issue.
            case allowed
            /// `required`.
            case required
        }

        public enum Blank: Sendable {
            /// No value and no issue, as if not sent.
            case allowed
            /// `required`.
            case required
            /// `not_empty`.
            case notEmpty
            /// Read like any other value, so it fails the reader's own check (an empty `date` is not a valid date).
            case checked
        }

        public var absent: Absent
        public var blank: Blank

        public init(absent: Absent, blank: Blank) {
            self.absent = absent
            self.blank = blank
        }

        /// Absent or blank: no value, no issue.
        public static let optional = Presence(absent: .allowed, blank: .allowed)
        /// Absent or blank: `required`.
        public static let required = Presence(absent: .required, blank: .required)
        /// Absent: `required`; blank: `not_empty`.
        public static let notEmpty = Presence(absent: .required, blank: .notEmpty)
        /// Absent: `required`; blank: checked like any value.
        public static let sent = Presence(absent: .required, blank: .checked)
    }

    private let lookup: (String) -> String?
    /// Every field, when the fields came as a dictionary: what ``indexedRows(_:columns:maxRows:)`` enumerates.
    private let values: [String: String]?
    /// Every failed check so far, in the order the fields were read.
    public private(set) var issues: [ValidationIssue] = []

    /// - Parameter lookup: A field's value as sent, or `nil` when the request does not have the field.
    public init(_ lookup: @escaping (String) -> String?) {
        self.lookup = lookup
        values = nil
    }

    public init(_ values: [String: String]) {
        lookup = { values[$0] }
        self.values = values
    }

    /// Whether the request has the field at all (even empty).
    public func has(_ name: String) -> Bool {
        lookup(name) != nil
    }

    /// Whether the field is absent or empty after trimming.
    public func isBlank(_ name: String) -> Bool {
        lookup(name).map { TextField.trimmed($0).isEmpty } ?? true
    }

    /// Adds a failed check found outside the readers (a rule across fields, such as a date order).
    public mutating func report(_ issue: ValidationIssue) {
        issues.append(issue)
    }

    /// The value of a success: `nil` with the issue reported for a failure.
    public mutating func check<Value>(_ result: Result<Value, ValidationIssue>) -> Value? {
        switch result {
        case .success(let value): return value
        case .failure(let issue):
            issues.append(issue)
            return nil
        }
    }

    /// `value` when no check failed, or every failed check.
    public func result<Value>(_ value: Value?) -> Result<Value, ValidationFailure> {
        guard issues.isEmpty, let value else { return .failure(ValidationFailure(issues)) }
        return .success(value)
    }

    // MARK: Readers

    /// The trimmed value of `name`, handled by `presence`, then passed through `check`.
    public mutating func read<Value>(
        _ name: String, _ presence: Presence = .optional, _ check: (String) -> Result<Value, ValidationIssue>
    ) -> Value? {
        guard let raw = lookup(name) else {
            if presence.absent == .required { issues.append(ValidationIssue(field: name, check: .required)) }
            return nil
        }
        let text = TextField.trimmed(raw)
        if text.isEmpty {
            switch presence.blank {
            case .allowed: return nil
            case .required:
                issues.append(ValidationIssue(field: name, check: .required))
                return nil
            case .notEmpty:
                issues.append(ValidationIssue(field: name, check: .notEmpty))
                return nil
            case .checked: break
            }
        }
        return self.check(check(text))
    }

    /// Trimmed text, with no other check.
    public mutating func text(_ name: String, _ presence: Presence = .optional) -> String? {
        read(name, presence) { .success($0) }
    }

    /// A whole number in `range`: `integer` when it is not one, then `between` with `min` and `max`.
    ///
    /// Digits, or `-` and digits, at most 12 characters, so `Int` holds it and an out-of-range sign reads as `between`.
    /// With `maxDigits`, only that many plain digits are a number (no sign), as `break_minutes` has always read.
    public mutating func integer(_ name: String, in range: ClosedRange<Int>, _ presence: Presence = .optional, maxDigits: Int? = nil) -> Int? {
        read(name, presence) { text in
            let digits = text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let isNumber =
                if let maxDigits {
                    text.utf8.count <= maxDigits && digits
                } else {
                    text.utf8.count <= 12 && (digits || (text.hasPrefix("-") && text.count > 1))
                }
            guard isNumber, let value = Int(text) else { return .failure(ValidationIssue(field: name, check: .integer)) }
            guard range.contains(value) else {
                let bounds = ["min": String(range.lowerBound), "max": String(range.upperBound)]
                return .failure(ValidationIssue(field: name, check: .between, parameters: bounds))
            }
            return .success(value)
        }
    }

    /// One of `allowed`, matched by `match`; `in_list` with `allowed` otherwise.
    public mutating func inList<Value>(_ name: String, _ allowed: [String], _ presence: Presence = .optional, _ match: (String) -> Value?) -> Value? {
        read(name, presence) { text in
            guard let value = match(text) else {
                return .failure(ValidationIssue(field: name, check: .inList, parameters: ["allowed": allowed.joined(separator: ", ")]))
            }
            return .success(value)
        }
    }

    /// One of `allowed`, exactly; `in_list` with `allowed` otherwise.
    public mutating func inList(_ name: String, _ allowed: [String], _ presence: Presence = .optional) -> String? {
        inList(name, allowed, presence) { allowed.contains($0) ? $0 : nil }
    }

    /// `0` or `1`; `in_list` otherwise.
    public mutating func flag(_ name: String, _ presence: Presence) -> Bool? {
        inList(name, ["0", "1"], presence) { $0 == "1" ? true : $0 == "0" ? false : nil }
    }

    /// `0` or `1`, or `defaultValue` when absent, blank or refused.
    public mutating func flag(_ name: String, default defaultValue: Bool) -> Bool {
        flag(name, .optional) ?? defaultValue
    }

    /// A date written `YYYY-MM-DD` (`valid_date`); with `years`, a year outside them fails `between` the first and last day.
    public mutating func date(_ name: String, _ presence: Presence = .optional, years: ClosedRange<Int>? = nil) -> LocalDate? {
        read(name, presence) { text in
            guard let date = LocalDate(iso: text) else { return .failure(ValidationIssue(field: name, check: .validDate)) }
            if let years, !years.contains(date.year) {
                let bounds = ["min": "\(years.lowerBound)-01-01", "max": "\(years.upperBound)-12-31"]
                return .failure(ValidationIssue(field: name, check: .between, parameters: bounds))
            }
            return .success(date)
        }
    }

    /// `year`, required, within the years the holiday calendar covers.
    public mutating func year() -> Int? {
        integer("year", in: RomanianHolidays.supportedYears, .required)
    }

    /// `month`, required, `1`–`12` (also `01`–`09`).
    public mutating func month() -> Int? {
        integer("month", in: 1...12, .required)
    }

    /// A month written `YYYY-MM` (`valid_date`), within `years` (`between` the first and the last month).
    public mutating func yearMonth(_ name: String, _ presence: Presence = .optional, years: ClosedRange<Int>) -> (year: Int, month: Int)? {
        read(name, presence) { text in
            guard text.utf8.count == 7, let first = LocalDate(iso: text + "-01") else {
                return .failure(ValidationIssue(field: name, check: .validDate))
            }
            guard years.contains(first.year) else {
                let bounds = ["min": "\(years.lowerBound)-01", "max": "\(years.upperBound)-12"]
                return .failure(ValidationIssue(field: name, check: .between, parameters: bounds))
            }
            return .success((first.year, first.month))
        }
    }

    /// `page`, a page of a list shown to a person: 1 to `maxPage`.
    public mutating func page(maxPage: Int = 100_000) -> Int? {
        integer("page", in: 1...maxPage)
    }

    /// `limit` (1 to `maxLimit`) and `offset` (0 to the largest 32-bit integer); `nil` for each one not sent.
    public mutating func paging(maxLimit: Int) -> (limit: Int?, offset: Int?) {
        let limit = integer("limit", in: 1...maxLimit)
        let offset = integer("offset", in: 0...Int(Int32.max))
        return (limit, offset)
    }

    /// `team_name`, trimmed, one line, within the team name's length.
    public mutating func teamName(_ presence: Presence = .optional) -> String? {
        read("team_name", presence, UserFieldValue.normalizeTeamName)
    }

    /// An employee field in its stored form (``UserFieldValue/normalize(_:as:)``), read from `name` (by default the field's).
    public mutating func userField(_ field: UserField, from name: String? = nil, _ presence: Presence = .optional) -> String? {
        read(name ?? field.rawValue, presence) { text in
            UserFieldValue.normalize(text, as: field).mapError { $0.on(name ?? field.rawValue) }
        }
    }

    /// The employee named by `user_by` and `user_by_value`; when not `required`, both absent or blank is `nil` and no issue.
    public mutating func userSelector(required: Bool) -> UserSelector? {
        if !required, isBlank("user_by"), isBlank("user_by_value") { return nil }
        let kind = inList("user_by", UserSelector.allowed, .sent)
        guard let value = text("user_by_value", .notEmpty), let kind else { return nil }
        return check(UserSelector.make(kind, value))
    }

    /// The rows of a list sent as `name[0][column]`, `name[1][column]`, … (a JSON array of objects is decoded to the
    /// same names): one row per index from 0 to the highest sent, each `column → value as sent`. An index left out is a
    /// row without values, so its checks fail instead of the row vanishing; names of another shape or column are not
    /// rows. `name` sent empty is an empty list; absent, `required`; sent as text, `valid_csv`; past `maxRows`,
    /// `too_large`.
    public mutating func indexedRows(_ name: String, columns: Set<String>, maxRows: Int) -> [[String: String]]? {
        let prefix = name + "["
        var rows: [Int: [String: String]] = [:]
        var highest = -1
        for (key, value) in values ?? [:] where key.hasPrefix(prefix) {
            guard let (index, column) = Self.indexedName(key.utf8.dropFirst(prefix.utf8.count)), columns.contains(column) else { continue }
            rows[index, default: [:]][column] = value
            highest = max(highest, index)
        }
        if highest >= maxRows {
            issues.append(ValidationIssue(field: name, check: .tooLarge, parameters: ["detail": "\(maxRows) rows"]))
            return nil
        }
        if highest < 0 {
            if !has(name) {
                issues.append(ValidationIssue(field: name, check: .required))
                return nil
            }
            guard isBlank(name) else {
                issues.append(ValidationIssue(field: name, check: .validCSV, parameters: ["detail": "a JSON array, or \(name)[0][column] fields"]))
                return nil
            }
            return []
        }
        return (0...highest).map { rows[$0] ?? [:] }
    }

    /// `12][date]` → (12, `date`): digits without a leading zero (but `0` itself), at most 9 of them.
    private static func indexedName(_ rest: Substring.UTF8View) -> (Int, String)? {
        guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let digits = rest[..<close]
        guard (1...9).contains(digits.count), digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            digits.count == 1 || digits.first != UInt8(ascii: "0"), let index = Int(Substring(digits))
        else { return nil }
        let tail = rest[rest.index(after: close)...]
        guard tail.first == UInt8(ascii: "["), tail.last == UInt8(ascii: "]"), tail.count >= 2 else { return nil }
        return (index, String(Substring(tail.dropFirst().dropLast())))
    }
}
