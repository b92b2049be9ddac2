import Testing

@testable import IFlowCore

@Suite("Terminal requests")
struct TerminalRequestTests {
    @Test("auto_attendance needs a tag, trimmed, one line, within the tag's length")
    func autoAttendance() throws {
        // MUT, validation
        #expect(try AutoAttendanceRequest.parse(RequestFields(["rfid_tag": " 0A1B2C "])).get() == AutoAttendanceRequest(rfidTag: "0A1B2C"))
        #expect(AutoAttendanceRequest.parse(RequestFields([:])).failedChecks == ["rfid_tag:required"])
        #expect(AutoAttendanceRequest.parse(RequestFields(["rfid_tag": "  "])).failedChecks == ["rfid_tag:not_empty"])
        #expect(AutoAttendanceRequest.parse(RequestFields(["rfid_tag": String(repeating: "A", count: 65)])).failedChecks == ["rfid_tag:max_length"])
        #expect(AutoAttendanceRequest.parse(RequestFields(["rfid_tag": "A\nB"])).failedChecks == ["rfid_tag:single_line"])
    }

    @Test("store_attendances reads every row by its index, a row that does not read carries its own checks")
    func rows() throws {
        // setup
        let fields = RequestFields([
            "version": "1.0",
            "csv_data[0][date]": "2022-08-05", "csv_data[0][time]": "11:46:41", "csv_data[0][rfidTag]": " 111 ", "csv_data[0][errorMsg]": "offline",
            "csv_data[1][date]": "2022-02-30", "csv_data[1][time]": "25:00:00", "csv_data[1][rfidTag]": "",
            "csv_data[3][date]": "2022-08-05", "csv_data[3][time]": "07:00", "csv_data[3][rfidTag]": "333", "csv_data[3][photo]": "x",
            "csv_data[x][date]": "2022-08-05", "csv_data[04][date]": "2022-08-05", "other[5][date]": "2022-08-05",
        ])
        // MUT
        let request = try StoreAttendancesRequest.parse(fields).get()
        // validation
        #expect(request.version == "1.0")
        #expect(request.rows.count == 4)
        #expect(request.rows[0].reading == OfflineScanReading(date: LocalDate(iso: "2022-08-05")!, secondOfDay: 42_401, rfidTag: "111"))
        #expect(
            (request.rows[0].date, request.rows[0].time, request.rows[0].rfidTag, request.rows[0].errorMsg) == (
                "2022-08-05", "11:46:41", " 111 ", "offline"
            ))
        #expect(request.rows[0].issues.isEmpty)
        #expect(request.rows[1].reading == nil)
        #expect(
            Set(request.rows[1].issues.map { "\($0.field):\($0.check.rawValue)" })
                == ["csv_data[1][date]:valid_date", "csv_data[1][time]:valid_date", "csv_data[1][rfidTag]:not_empty"])
        // The index left out is a row of its own, refused, not dropped.
        #expect(request.rows[2].reading == nil && request.rows[2].issues.count == 3)
        #expect(request.rows[3].reading?.secondOfDay == 25_200)
    }

    @Test("csv_data absent, sent as text, empty, and over the most rows")
    func limits() throws {
        // MUT, validation
        #expect(StoreAttendancesRequest.parse(RequestFields([:])).failedChecks == ["csv_data:required"])
        #expect(StoreAttendancesRequest.parse(RequestFields(["csv_data": "[{\"date\": 1}]"])).failedChecks == ["csv_data:valid_csv"])
        #expect(try StoreAttendancesRequest.parse(RequestFields(["csv_data": ""])).get().rows.isEmpty)
        let last = "csv_data[\(StoreAttendancesRequest.maxRows - 1)][date]"
        #expect(try StoreAttendancesRequest.parse(RequestFields([last: "2022-08-05"])).get().rows.count == StoreAttendancesRequest.maxRows)
        let over = RequestFields(["csv_data[\(StoreAttendancesRequest.maxRows)][date]": "2022-08-05"])
        #expect(StoreAttendancesRequest.parse(over).failedChecks == ["csv_data:too_large"])
        #expect(StoreAttendancesRequest.parse(RequestFields(["csv_data[999999999][date]": "x"])).failedChecks == ["csv_data:too_large"])
    }
}

extension Result where Failure == ValidationFailure {
    /// The failed checks as `field:check`, empty for a success.
    fileprivate var failedChecks: Set<String> {
        guard case .failure(let failure) = self else { return [] }
        return Set(failure.issues.map { "\($0.field):\($0.check.rawValue)" })
    }
}
