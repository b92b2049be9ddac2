import ArgumentParser
import Foundation
import IFlowCore
import IFlowStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo company with teams, employees, two months of schedules, two terminals with a month of scans and an API key."
    )

    @Option(name: .long, help: "How many employees.") var employees = 40
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        guard (1...100_000).contains(employees) else { throw ValidationError("--employees must be between 1 and 100000") }
    }

    func run() async throws {
        let demo = try await databaseOptions.withStore { store in
            try await store.createDemoCompany(employees: employees, today: .today(in: TimeZone(identifier: "Europe/Bucharest")!))
        }
        DemoCommand.printWelcome(demo, baseURL: "http://127.0.0.1:8080")
    }

    /// The key, the administrator and ready-to-paste requests, on standard output; the secrets are shown only here.
    ///
    /// Written straight to the file descriptor rather than through `print`'s buffer: with standard output on a pipe
    /// (`docker logs`, the journal) a buffered key would appear only when the server exits.
    static func printWelcome(_ demo: DemoCompany, baseURL: String) {
        let month = demo.months.last!
        let monthText = (month.month < 10 ? "0" : "") + String(month.month)
        let text = """
            Demo company \(demo.companyID): \(demo.employees) employees, \(demo.plans) planned days in \
            \(demo.months.map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" }.joined(separator: " and ")).
            Two badge terminals and \(demo.scans) scans of the last 30 days (late arrivals, forgotten check-outs, night shifts).
            API key (shown only now): \(demo.key.secret)
            Terminal tokens (shown only now): \(demo.terminals.map { "\($0.id): \($0.token)" }.joined(separator: ", "))
            Web administration: \(baseURL)/admin
              e-mail: \(demo.administratorEmail)
              password (shown only now): \(demo.administratorPassword)

            Try it:
              curl -d "api_key=\(demo.key.secret)&api_language=ro_RO&year=\(month.year)&month=\(monthText)&totals=total,overtime" \\
                   -X POST \(baseURL)/api/api_v2/user/get_work_schedule
              curl -d "api_key=\(demo.key.secret)&api_language=en_US&year=\(month.year)&month=\(monthText)&totals=regular,regular_weekdays,regular_weekend,regular_holiday,overtime_night,overtime_balance&include_days=0" \\
                   -X POST \(baseURL)/api/api_v2/user/get_work_schedule
              curl -d "api_key=\(demo.key.secret)&api_language=en_US&year=\(month.year)&month=\(monthText)&totals=regular,overtime,total&attendance_type=live_attendance" \\
                   -X POST \(baseURL)/api/api_v2/user/get_work_schedule
              curl -d "access_token=\(demo.terminals.first?.token ?? "")&rfid_tag=\(demo.rfidTag ?? "")" -X POST \(baseURL)/api/rfid_devices/auto_attendance
              curl -d "api_key=\(demo.key.secret)&api_language=en_US&limit=5" -X POST \(baseURL)/api/api_v2/user/get_list
              curl -d "api_key=\(demo.key.secret)&api_language=ro_RO&year=\(month.year)" -X POST \(baseURL)/api/api_v2/calendar/get_holidays

            """
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
