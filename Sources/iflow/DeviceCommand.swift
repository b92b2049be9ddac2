import ArgumentParser
import Foundation
import IFlowStore

struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Register, list and revoke badge terminals. A terminal's token cannot be shown again, only revoked.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a badge terminal and print its access token, once, on standard output."
        )

        @Option(name: .long, help: "The company the terminal scans for.") var company: Int
        @Option(name: .long, help: "Where the terminal hangs, e.g. \"Poarta 1\".") var label: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError("--label must not be empty") }
            guard trimmed.count <= 100 else { throw ValidationError("--label must have at most 100 characters") }
            guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("--label must be one line without control characters")
            }
        }

        func run() async throws {
            let issued = try await databaseOptions.withStore { store in
                try await IssuedSecretsTable.requireCompany(company, in: store)
                let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
                return try await store.createDevice(companyID: company, label: label, actor: .commandLine)
            }
            printError("Terminal \(issued.id) registered for company \(company). Its access token is shown only now: enter it in the terminal.")
            print(issued.token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List badge terminals (never their tokens).")

        @Option(name: .long, help: "Only this company's terminals.") var company: Int?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let devices = try await databaseOptions.withStore { try await $0.devices(companyID: company) }
            IssuedSecretsTable.print(devices.map(\.issuedSecret), lastUseColumn: "last_seen")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a badge terminal; its next scan is refused.")

        @Argument(help: "The terminal's id, as `iflow device list` shows it.") var id: Int
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let revoked = try await databaseOptions.withStore { try await $0.revokeDevice(id: id, companyID: nil, actor: .commandLine) }
            guard revoked else { throw ValidationError("no live terminal with id \(id)") }
            printError("Terminal \(id) revoked")
        }
    }
}
