import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

@Suite("Web: the printable collective sheet and the payroll downloads")
struct WebCollectiveSheetTests {
    @Test("the sheet page lists every employee, with its legend and signature lines; the downloads are the API's bytes")
    func sheetAndDownloads() async throws {
        try await withApp { client, f in
            // setup
            try await WebCompanyDataTests.seed(client, f)
            var browser = try await WebCompanyDataTests.signedIn(client, f, language: .roRO)
            let base = ["api_key": f.key, "api_language": "ro_RO", "year": "2025", "month": "12"]
            let api = try await client.post("/api_v2/report/get_collective_sheet", base).decode(CollectiveSheetReplyMirror.self)
            let apiHours = try await client.post(
                "/api_v2/report/get_collective_sheet", base.merging(["format": "csv_hours", "decimal_comma": "1"]) { _, b in b })
            // MUT
            let timesheet = try await client.get("/admin/timesheet?month=2025-12", as: &browser)
            let sheet = try await client.get("/admin/timesheet/sheet?month=2025-12", as: &browser)
            let hours = try await client.get("/admin/timesheet/sheet.csv?month=2025-12&format=csv_hours&decimal_comma=1", as: &browser)
            let symbols = try await client.get("/admin/timesheet/sheet.csv?month=2025-12", as: &browser)
            var stranger = Browser()
            let anonymous = try await client.get("/admin/timesheet/sheet?month=2025-12", as: &stranger)
            // validation
            #expect(timesheet.text.contains("href=\"/admin/timesheet/sheet?month=2025-12\""))
            #expect(timesheet.text.contains("action=\"/admin/timesheet/sheet.csv\""))
            #expect(sheet.status == .ok && sheet.text.contains("/admin/static/sheet.css"))
            #expect(sheet.text.contains("Foaie colectivă de prezență") && sheet.text.contains("Întocmit") && sheet.text.contains("Verificat"))
            #expect(sheet.text.contains("decembrie 2025") && sheet.text.contains("Acme Producție SRL"))
            #expect(sheet.text.components(separatedBy: "<th scope=\"row\" class=\"name\">").count - 1 == api.users.count)
            for user in api.users {
                #expect(sheet.text.contains(user.fullName))
            }
            #expect(hours.status == .ok && String(buffer: hours.body) == apiHours.text, "the web's file is the API's")
            #expect(hours.headers[.contentDisposition] == "attachment; filename=\"pontaj-acme-productie-srl-2025-12.csv\"")
            #expect(String(buffer: symbols.body).contains("marca_salariat;cnp_salariat;den_salariat;1;2;"))
            #expect(anonymous.status == .seeOther)
        }
    }
}
