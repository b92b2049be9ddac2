/// `rfid_v2/offline_attendance/store_attendances`: the scans a terminal kept while it was offline, `csv_data` rows of
/// `date`, `time`, `rfidTag` and `errorMsg` in the company's local time, plus the terminal's `version`.
///
/// A row that does not read is not a failed request: it is answered on its own line (`error_csv`), and the other rows
/// are stored. Only a missing or oversized `csv_data` fails the whole request.
public struct StoreAttendancesRequest: Sendable, Equatable {
    /// The most rows one call takes: twice the 10,000 a terminal's offline memory is sized for.
    public static let maxRows = 20_000
    public static let columns: Set<String> = ["date", "time", "rfidTag", "errorMsg"]

    /// The terminal's software version, as sent (recorded nowhere, read for its limits only).
    public var version: String?
    public var rows: [OfflineScanRow]

    public static func parse(_ fields: RequestFields) -> Result<StoreAttendancesRequest, ValidationFailure> {
        var fields = fields
        let version = fields.text("version")
        let rows = fields.indexedRows("csv_data", columns: columns, maxRows: maxRows)?.enumerated().map { index, values in
            OfflineScanRow(index: index, values: values)
        }
        return fields.result(rows.map { StoreAttendancesRequest(version: version, rows: $0) })
    }
}
