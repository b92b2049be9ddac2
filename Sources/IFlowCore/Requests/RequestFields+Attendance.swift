extension RequestFields {
    /// The longest `note` or `reason` of an attendance entry.
    public static let maxAttendanceTextLength = 500

    /// A `note` or `reason`: one line, at most ``maxAttendanceTextLength`` characters.
    public mutating func attendanceText(_ name: String, _ presence: Presence = .optional) -> String? {
        read(name, presence) { text in
            if TextField.containsControlCharacters(text) { return .failure(ValidationIssue(field: name, check: .singleLine)) }
            guard text.count <= Self.maxAttendanceTextLength else {
                return .failure(ValidationIssue(field: name, check: .maxLength, parameters: ["max": String(Self.maxAttendanceTextLength)]))
            }
            return .success(text)
        }
    }

    /// A local date and time written `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (`valid_date`), in `years`
    /// (`between`): the date and the seconds after its local midnight.
    public mutating func localDateTime(_ name: String, _ presence: Presence = .sent, years: ClosedRange<Int>) -> (date: LocalDate, secondOfDay: Int)?
    {
        read(name, presence) { text in
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let second = ScanRules.secondOfDay(parts[1]) else {
                return .failure(ValidationIssue(field: name, check: .validDate))
            }
            guard years.contains(date.year) else {
                let bounds = ["min": "\(years.lowerBound)-01-01 00:00", "max": "\(years.upperBound)-12-31 23:59"]
                return .failure(ValidationIssue(field: name, check: .between, parameters: bounds))
            }
            return .success((date, second))
        }
    }
}
