import ArgumentParser
import Foundation
import IFlowStore

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, list and revoke API keys. A key cannot be edited, only revoked.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API key and print it, once, on standard output.")

        @Option(name: .long, help: "The company the key belongs to.") var company: Int
        @Option(name: .long, help: "What the key is for.") var label = ""
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            guard label.count <= 100 else { throw ValidationError("--label must have at most 100 characters") }
        }

        func run() async throws {
            let issued = try await databaseOptions.withStore { store in
                try await IssuedSecretsTable.requireCompany(company, in: store)
                return try await store.createAPIKey(companyID: company, label: label, actor: .commandLine)
            }
            printError("API key \(issued.id) created for company \(company). It is shown only now: store it safely.")
            print(issued.secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API keys (never the keys themselves).")

        @Option(name: .long, help: "Only this company's keys.") var company: Int?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let keys = try await databaseOptions.withStore { try await $0.apiKeys(companyID: company) }
            IssuedSecretsTable.print(keys.compactMap(\.issuedSecret), lastUseColumn: "last_used")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API key; it stops working on the next request.")

        @Argument(help: "The key's id, as `iflow key list` shows it.") var id: Int
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let revoked = try await databaseOptions.withStore { try await $0.revokeAPIKey(id: id, actor: .commandLine) }
            guard revoked else { throw ValidationError("no live API key with id \(id)") }
            printError("API key \(id) revoked")
        }
    }
}
