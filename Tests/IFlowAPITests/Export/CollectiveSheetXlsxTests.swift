import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import IFlowAPI

@Suite("report/get_collective_sheet format=xlsx: the sheet's workbook, cell for cell the csv_symbols file")
struct CollectiveSheetXlsxTests {
    static let path = "/api_v2/report/get_collective_sheet"

    func base(_ f: Fixture, _ language: String = "ro_RO") -> [String: String] {
        ["api_key": f.key, "api_language": language, "year": "2026", "month": "1"]
    }

    func employee(_ client: some TestClientProtocol, _ f: Fixture, cnp: String, mark: String, name: String) async throws {
        let reply = try await client.post(
            "/api_v2/user/update",
            [
                "api_key": f.key, "api_language": "en_US", "update_by": "cnp", "update_by_value": cnp, "full_name": name, "team_name": "Producție",
                "mark_number": mark, "job_title": "Operator CNC",
            ]
        )
        #expect(reply.status == .ok, "\(reply.text)")
    }

    func setDay(_ client: some TestClientProtocol, _ f: Fixture, mark: String, _ fields: [String: String]) async throws {
        let reply = try await client.post(
            "/api_v2/schedule/set_day",
            ["api_key": f.key, "api_language": "en_US", "user_by": "mark_number", "user_by_value": mark].merging(fields) { _, b in b }
        )
        #expect(reply.status == .ok, "\(reply.text)")
    }

    /// The reply's bytes as they are: an xlsx is binary, which `Reply.text` would turn into replacement characters.
    func download(_ client: some TestClientProtocol, _ fields: [String: String]) async throws -> (HTTPResponse.Status, HTTPFields, Data) {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        let response = try await client.executeRequest(
            uri: Self.path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
        )
        return (response.status, response.headers, Data(response.body.readableBytesView))
    }

    /// January 2026: the 1st, 2nd, 6th, 7th and 24th are public holidays, the 3rd and 4th a weekend. Ana works the
    /// 5th (7.5 h), a 7 h 20 min day on the 12th, a Saturday morning (the 10th) and the holiday on the 6th, is on leave
    /// the 8th and on a business trip the 9th; Ion is on medical leave the 13th.
    func januaryPlans(_ client: some TestClientProtocol, _ f: Fixture) async throws {
        try await employee(client, f, cnp: "2950724420010", mark: "17", name: "Ana-Maria Ștefănescu & <Fiica>")
        try await employee(client, f, cnp: "1800101221144", mark: "18", name: "Ion Popescu")
        try await setDay(client, f, mark: "17", ["date": "2026-01-05", "shifts": "08:00-16:00", "break_minutes": "30"])
        try await setDay(client, f, mark: "17", ["date": "2026-01-06", "shifts": "08:00-16:00"])
        try await setDay(client, f, mark: "17", ["date": "2026-01-08", "type": "CO"])
        try await setDay(client, f, mark: "17", ["date": "2026-01-09", "type": "D", "shifts": "08:00-16:00"])
        try await setDay(client, f, mark: "17", ["date": "2026-01-10", "shifts": "08:00-12:00"])
        try await setDay(client, f, mark: "17", ["date": "2026-01-12", "shifts": "08:00-15:20"])
        try await setDay(client, f, mark: "18", ["date": "2026-01-13", "type": "CM"])
    }

    /// The sheet's column of a day of the month: after the six key columns.
    static func dayColumn(_ day: Int) -> String { String(decoding: XlsxWorkbook.columnName(Timesheet.xlsxKeyColumns + day - 1), as: UTF8.self) }

    static func column(_ index: Int) -> String { String(decoding: XlsxWorkbook.columnName(index), as: UTF8.self) }

    @Test("every employee's name, mark number, CNP and day symbols are csv_symbols', hours as numbers and codes as text")
    func sameCellsAsCSV() async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            let csv = try await client.post(Self.path, base(f).merging(["format": "csv_symbols"]) { _, b in b })
            #expect(csv.status == .ok)
            // MUT
            let (status, headers, data) = try await download(client, base(f).merging(["format": "xlsx"]) { _, b in b })
            // validation
            #expect(status == .ok)
            #expect(headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(headers[.contentDisposition] == "attachment; filename=\"pontaj-acme-productie-srl-2026-01.xlsx\"")
            let file = try XlsxFile(data)
            let records = csv.text.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).split(separator: "\r\n").map {
                $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            }
            #expect(records.count == 3 && records[0].count == 3 + 31)
            for (index, record) in records.dropFirst().enumerated() {
                let row = Timesheet.xlsxHeaderRows + index + 1
                #expect(file.cells["A\(row)"]?.value == String(index + 1))
                #expect(file.cells["B\(row)"]?.value == record[2] && file.cells["C\(row)"]?.value == record[0])
                #expect(file.cells["D\(row)"] == XlsxFile.Cell(type: "s", value: record[1], style: XlsxStyle(bordered: true).index))
                #expect(file.cells["F\(row)"]?.value == "Operator CNC")
                for day in 1...31 {
                    let cell = file.cells["\(Self.dayColumn(day))\(row)"]
                    let symbol = record[2 + day]
                    #expect((cell?.value ?? "") == symbol, "row \(row) day \(day)")
                    if !symbol.isEmpty { #expect(cell?.type == (Double(symbol) == nil ? "s" : "n"), "row \(row) day \(day)") }
                }
            }
            // The figures themselves, not only their agreement: Ana is row 7, Ion row 8.
            let ana = { (day: Int) in file.cells["\(Self.dayColumn(day))7"] }
            #expect(file.cells["B7"]?.value == "Ana-Maria Ștefănescu & <Fiica>" && file.cells["B8"]?.value == "Ion Popescu")
            #expect(ana(5)?.value == "7.5" && ana(5)?.type == "n")
            #expect(ana(6)?.value == "8" && ana(10)?.value == "4" && ana(12)?.value == "7.33")
            #expect(ana(8) == XlsxFile.Cell(type: "s", value: "CO", style: XlsxStyle(alignment: .center, bordered: true).index))
            #expect(ana(9)?.value == "D" && ana(9)?.type == "s")
            #expect(ana(1)?.value == nil && ana(7)?.value == nil)
            #expect(file.cells["\(Self.dayColumn(13))8"]?.value == "CM")
        }
    }

    @Test("the totals are get_work_schedule's, with two decimals; the days per code are counted")
    func totals() async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            let tokens = Timesheet.totals.map(\.token.description)
            let report = try await client.post(
                "/api_v2/user/get_work_schedule", base(f).merging(["totals": tokens.joined(separator: ","), "include_days": "0"]) { _, b in b }
            )
            let users = try report.decode(WorkScheduleReplyMirror.self).users
            // MUT
            let (_, _, data) = try await download(client, base(f).merging(["format": "xlsx"]) { _, b in b })
            // validation
            let file = try XlsxFile(data)
            #expect(users.map(\.fullName) == ["Ana-Maria Ștefănescu & <Fiica>", "Ion Popescu"])
            for (index, user) in users.enumerated() {
                let row = Timesheet.xlsxHeaderRows + index + 1
                for (offset, token) in tokens.enumerated() {
                    let reference = "\(Self.column(Timesheet.xlsxKeyColumns + 31 + offset))\(row)"
                    #expect(Double(file.cells[reference]?.value ?? "") == Double(user.totals[token] ?? ""), "\(reference) \(token)")
                    #expect(file.style(reference)?.numberFormatID == "2", "two decimals in \(reference)")
                }
            }
            // Ana: regular 7.5 + 8 + 8 (D) + 4 + 7.33; Ion none.
            #expect(file.cells["\(Self.column(Timesheet.xlsxKeyColumns + 31))7"]?.value == "34.83")
            let codes = Timesheet.codes.map(\.rawValue)
            #expect(codes == ["CO", "CM", "CFP", "NE", "D", "EV"])
            let counts = { (row: Int) in
                codes.indices.map { file.cells["\(Self.column(Timesheet.xlsxKeyColumns + 31 + tokens.count + $0))\(row)"]?.value }
            }
            #expect(counts(7) == ["1", "0", "0", "0", "1", "0"])
            #expect(counts(8) == ["0", "1", "0", "0", "0", "0"])
        }
    }

    @Test("the header names the company, month and team, the table header is frozen with the names, weekends and holidays are shaded")
    func layout() async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            // MUT
            let (_, _, data) = try await download(client, base(f).merging(["format": "xlsx", "team_name": "Producție"]) { _, b in b })
            // validation
            let file = try XlsxFile(data)
            #expect(file.cells["A1"]?.value == "Acme Producție SRL" && file.style("A1")?.fontSize == "14")
            #expect(file.cells["A2"]?.value == "Foaie colectivă de prezență · ianuarie 2026")
            #expect(file.cells["A3"]?.value == "Echipa: Producție · Planificare")
            #expect(file.cells["A5"]?.value == "Nr. crt." && file.cells["B5"]?.value == "Nume complet" && file.cells["D5"]?.value == "CNP")
            #expect(
                file.cells["\(Self.dayColumn(1))5"]
                    == XlsxFile.Cell(type: "n", value: "1", style: XlsxStyle(font: .bold, fill: .holiday, alignment: .center, bordered: true).index))
            #expect(file.cells["\(Self.dayColumn(31))5"]?.value == "31" && file.cells["\(Self.dayColumn(5))6"]?.value == "Lu")
            let pane = try #require(file.sheet.descendants("pane").first)
            #expect(pane["xSplit"] == "2" && pane["ySplit"] == "6" && pane["topLeftCell"] == "C7" && pane["state"] == "frozen")
            for row in 5...8 {
                #expect(file.style("\(Self.dayColumn(3))\(row)")?.fillColor == "FFD9D9D9", "the 3rd, a Saturday, row \(row)")
                #expect(file.style("\(Self.dayColumn(6))\(row)")?.fillColor == "FFF8CBAD", "the 6th, Epiphany, row \(row)")
                #expect(file.style("\(Self.dayColumn(24))\(row)")?.fillColor == "FFF8CBAD", "the 24th, a holiday on a Saturday, row \(row)")
                #expect(file.style("\(Self.dayColumn(5))\(row)")?.fillColor == nil, "the 5th, a Monday, row \(row)")
            }
            #expect(file.style("\(Self.dayColumn(3))9")?.fillColor == nil, "the shading ends with the table")
            let widths = file.sheet.child("cols")?.children("col").count
            #expect(widths == Timesheet.xlsxKeyColumns + 31 + Timesheet.totals.count + Timesheet.codes.count)
        }
    }

    @Test(
        "the legend under the table names every code in the request's language, the month's holidays and the signatures",
        arguments: ["ro_RO", "en_US"])
    func legend(language: String) async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            // MUT
            let (_, _, data) = try await download(client, base(f, language).merging(["format": "xlsx"]) { _, b in b })
            // validation
            let file = try XlsxFile(data)
            #expect(!file.cells.keys.contains { $0.filter(\.isNumber) == "9" }, "row 9, after the employees, is blank")
            let english = language == "en_US"
            #expect(file.cells["A10"]?.value == (english ? "Legend" : "Legendă"))
            let codes = (11...16).map { file.cells["A\($0)"]?.value ?? "" }
            let names = (11...16).map { file.cells["B\($0)"]?.value ?? "" }
            #expect(codes == ["CO", "CM", "CFP", "NE", "D", "EV"])
            #expect(names.first == (english ? "Vacation leave" : "Concediu de odihnă"))
            #expect(names.last == (english ? "Family event" : "Eveniment familial"))
            #expect(file.style("A17")?.fillColor == "FFD9D9D9" && file.style("A18")?.fillColor == "FFF8CBAD")
            let holidays = file.cells["B18"]?.value ?? ""
            #expect(holidays.hasPrefix(english ? "Public holiday: 1 " : "Sărbătoare legală: 1 ") && holidays.contains(", 24 "))
            #expect(file.cells["B21"]?.value?.hasPrefix(english ? "Prepared by" : "Întocmit") == true)
            #expect(file.cells["B22"]?.value?.hasPrefix(english ? "Checked by" : "Verificat") == true)
            #expect(file.cells["A5"]?.value == (english ? "No." : "Nr. crt."))
        }
    }

    @Test("the web timesheet's payroll download offers the same workbook, byte for byte, under the same name")
    func webDownload() async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            _ = try await client.signIn("ana@acme.ro", as: &browser)
            let (_, headers, api) = try await download(client, base(f).merging(["format": "xlsx", "team_name": "Producție"]) { _, b in b })
            // MUT
            let page = try await client.get("/admin/timesheet/sheet.csv?month=2026-01&team=Produc%C8%9Bie&format=xlsx", as: &browser)
            let timesheet = try await client.get("/admin/timesheet?month=2026-01", as: &browser)
            // validation
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == Timesheet.xlsxContentType)
            #expect(page.headers[.contentDisposition] == headers[.contentDisposition])
            #expect(Data(page.body.readableBytesView) == api, "the web's administrator speaks ro_RO, as the API request")
            #expect(timesheet.text.contains("<option value=\"xlsx\">Registru xlsx: foaia cu legenda</option>"))
        }
    }

    @Test("another company's key gets its own empty sheet, never these employees")
    func otherTenant() async throws {
        try await withApp { client, f in
            // setup
            try await januaryPlans(client, f)
            // MUT
            let (status, _, data) = try await download(client, base(f).merging(["format": "xlsx", "api_key": f.otherKey]) { _, b in b })
            // validation
            #expect(status == .ok)
            let file = try XlsxFile(data)
            #expect(file.cells["A1"]?.value == "Other SRL")
            #expect(!file.sharedStrings.contains("Ion Popescu") && !file.sharedStrings.contains("1800101221144"))
            #expect(file.cells["A7"] == nil && file.cells["A8"]?.value == "Legendă")
        }
    }
}
