import ArgumentParser
import Foundation
import IFlowCore
import IFlowStore

struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company",
        abstract: "Create and list companies, and set their attendance settings.",
        subcommands: [Create.self, List.self, SetAttendance.self, Compliance.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a company and print its id.")

        @Option(name: .long, help: "The company's name.") var name: String
        @Option(name: .long, help: "IANA time zone of its schedules.") var timezone = "Europe/Bucharest"
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--name must not be empty") }
            guard name.count <= 200 else { throw ValidationError("--name must have at most 200 characters") }
            guard TimeZone(identifier: timezone) != nil else {
                throw ValidationError("unknown time zone '\(timezone)' (use an IANA name like Europe/Bucharest)")
            }
        }

        func run() async throws {
            let company = try await databaseOptions.withStore { store in
                try await store.createCompany(name: name.trimmingCharacters(in: .whitespacesAndNewlines), timezone: timezone)
            }
            print(company.id.map(String.init) ?? "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List companies.")

        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let companies = try await databaseOptions.withStore { try await $0.companies() }
            print("id\tname\ttimezone\ttime_between_check_ins\tcheck_in_reset_limit\tgrace_minutes")
            for company in companies {
                let attendance = company.attendance
                print(
                    "\(company.id ?? 0)\t\(company.name)\t\(company.timezone)\t\(attendance.limits.timeBetweenCheckIns)\t"
                        + "\(attendance.limits.checkInResetLimit)\t\(attendance.graceMinutes)"
                )
            }
        }
    }

    struct SetAttendance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-attendance",
            abstract: "Change a company's pairing limits and grace; the settings not given stay as they are."
        )

        @Option(name: .long, help: "The company.") var company: Int
        @Option(name: .long, help: "Seconds within which a second scan is ignored as a duplicate (1–3600; iFlow: 60).")
        var timeBetweenCheckIns: Int?
        @Option(name: .long, help: "Seconds after which an open check-in no longer pairs (3600–172800; iFlow: 46800, 13 h).")
        var checkInResetLimit: Int?
        @Option(name: .long, help: "Minutes a check-in may be late or a check-out early without an exception (0–120; default 5).")
        var graceMinutes: Int?
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            guard timeBetweenCheckIns != nil || checkInResetLimit != nil || graceMinutes != nil else {
                throw ValidationError("give at least one of --time-between-check-ins, --check-in-reset-limit, --grace-minutes")
            }
        }

        func run() async throws {
            let settings = try await databaseOptions.withStore { store in
                guard var settings = try await store.company(id: company)?.attendance else { throw ValidationError("no company with id \(company)") }
                if let timeBetweenCheckIns { settings.limits.timeBetweenCheckIns = timeBetweenCheckIns }
                if let checkInResetLimit { settings.limits.checkInResetLimit = checkInResetLimit }
                if let graceMinutes { settings.graceMinutes = graceMinutes }
                let issues = settings.issues
                guard issues.isEmpty else {
                    // The issues name the settings' fields; the command line knows them by its options.
                    let options = [
                        "time_between_check_ins": "--time-between-check-ins", "check_in_reset_limit": "--check-in-reset-limit",
                        "grace_minutes": "--grace-minutes",
                    ]
                    throw ValidationError(
                        issues.map { issue in
                            var named = issue
                            named.field = options[issue.field] ?? issue.field
                            return named.message(in: .enUS)
                        }.joined(separator: "; ")
                    )
                }
                try await store.setAttendanceSettings(settings, companyID: company, actor: .commandLine)
                return settings
            }
            printError(
                "Company \(company): time_between_check_ins \(settings.limits.timeBetweenCheckIns) s, "
                    + "check_in_reset_limit \(settings.limits.checkInResetLimit) s, grace \(settings.graceMinutes) min"
            )
        }
    }
}
