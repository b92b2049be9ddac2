import IFlowCore
import Testing

@Suite("report/get_collective_sheet's request and the timesheet page's download fields")
struct CollectiveSheetQueryTests {
    @Test("the defaults: JSON of every team's enabled employees from the plan, decimal point")
    func defaults() throws {
        // MUT
        let query = try CollectiveSheetQuery.parse(RequestFields(["year": "2026", "month": "06"])).get()
        // validation
        #expect(query.year == 2026 && query.month == 6 && query.format == .json && !query.decimalComma)
        #expect(query.attendanceType == .workSchedule && query.filter == ReportFilter())
    }

    @Test("every field read", arguments: CollectiveSheetQuery.Format.allCases)
    func everyField(format: CollectiveSheetQuery.Format) throws {
        // MUT
        let query = try CollectiveSheetQuery.parse(
            RequestFields([
                "year": "2026", "month": "6", "team_name": " Producție ", "include_disabled": "1", "attendance_type": "live_attendance",
                "format": format.rawValue, "decimal_comma": "1",
            ])
        ).get()
        // validation
        #expect(query.format == format && query.decimalComma && query.attendanceType == .liveAttendance)
        #expect(query.filter.teamName == "Producție" && query.filter.includeDisabled && query.filter.user == nil)
    }

    @Test("every failed check at once")
    func failures() {
        // MUT
        let result = CollectiveSheetQuery.parse(
            RequestFields(["month": "0", "format": "pdf", "attendance_type": "live", "include_disabled": "yes", "decimal_comma": "2"])
        )
        // validation
        #expect(
            result.failedChecks == [
                "year:required", "month:between", "format:in_list", "attendance_type:in_list", "include_disabled:in_list", "decimal_comma:in_list",
            ]
        )
    }

    @Test("the page's download: csv_symbols unless csv_hours is named, json never, decimal comma by 1")
    func pageDownload() {
        // MUT
        let hours = TimesheetPageQuery.parse(RequestFields(["format": "csv_hours", "decimal_comma": "1"]))
        let json = TimesheetPageQuery.parse(RequestFields(["format": "json"]))
        let unknown = TimesheetPageQuery.parse(RequestFields(["format": "pdf", "decimal_comma": "x"]))
        // validation
        #expect(hours.format == .csvHours && hours.decimalComma)
        #expect(json.format == .csvSymbols && unknown.format == .csvSymbols && !unknown.decimalComma)
    }
}

extension Result where Failure == ValidationFailure {
    /// The failed checks as `field:check`, empty for a success.
    fileprivate var failedChecks: Set<String> {
        guard case .failure(let failure) = self else { return [] }
        return Set(failure.issues.map { "\($0.field):\($0.check.rawValue)" })
    }
}
