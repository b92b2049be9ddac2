import ArgumentParser
import Foundation
import IFlowStore

struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company",
        abstract: "Create and list companies.",
        subcommands: [Create.self, List.self]
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
            print("id\tname\ttimezone")
            for company in companies {
                print("\(company.id ?? 0)\t\(company.name)\t\(company.timezone)")
            }
        }
    }
}
