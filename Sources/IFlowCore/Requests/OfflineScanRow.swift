/// One row of an offline batch: what the terminal sent, echoed back in the reply, and what it reads as.
public struct OfflineScanRow: Sendable, Equatable {
    /// As sent (empty when not sent), for the reply, which lists every row back.
    public let date: String
    public let time: String
    public let rfidTag: String
    /// The terminal's own note on the row, echoed back and otherwise ignored.
    public let errorMsg: String
    /// The row read, or `nil` with `issues` saying why.
    public let reading: OfflineScanReading?
    /// Every failed check of the row (`error_csv`), on fields named `csv_data[index][column]`.
    public let issues: [ValidationIssue]

    /// Reads row `index` of `csv_data`: `date` as `YYYY-MM-DD`, `time` as `HH:MM:SS` (or `HH:MM`), `rfidTag` as an
    /// employee's tag is stored.
    public init(index: Int, values: [String: String]) {
        date = values["date"] ?? ""
        time = values["time"] ?? ""
        rfidTag = values["rfidTag"] ?? ""
        errorMsg = values["errorMsg"] ?? ""
        let name = { (column: String) in "csv_data[\(index)][\(column)]" }
        var fields = RequestFields(Dictionary(uniqueKeysWithValues: values.map { (name($0.key), $0.value) }))
        let day = fields.date(name("date"), .required)
        let second = fields.read(name("time"), .required) { text in
            ScanRules.secondOfDay(text).map { .success($0) }
                ?? .failure(ValidationIssue(field: name("time"), check: .validDate, parameters: ["format": "HH:MM:SS"]))
        }
        let tag = fields.userField(.rfidTag, from: name("rfidTag"), .notEmpty)
        if let day, let second, let tag {
            reading = OfflineScanReading(date: day, secondOfDay: second, rfidTag: tag)
        } else {
            reading = nil
        }
        issues = fields.issues
    }
}

/// A row of an offline batch that reads: a local date and time and a tag, not yet an instant or an employee.
public struct OfflineScanReading: Sendable, Equatable {
    public let date: LocalDate
    /// Seconds after local midnight, 0 to 86,399.
    public let secondOfDay: Int
    public let rfidTag: String

    public init(date: LocalDate, secondOfDay: Int, rfidTag: String) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.rfidTag = rfidTag
    }
}
