import ArgumentParser
import Foundation
import IFlowCore
import IFlowStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Create and list the administrators who sign in to the web administration (/admin).",
        subcommands: [Create.self, List.self, SetPassword.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an administrator of a company.",
            discussion: "The password is asked for without echo on a terminal, or read from the first line of standard input otherwise."
        )

        @Option(name: .long, help: "The company the administrator manages.") var company: Int
        @Option(name: .long, help: "The e-mail address to sign in with.") var email: String
        @Option(name: .long, help: "Language of the pages: ro_RO or en_US.") var language = "ro_RO"
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            guard AdministratorCredentials.normalizedEmail(email) != nil else { throw ValidationError("--email is not a valid e-mail address") }
            guard Language(rawValue: language) != nil else { throw ValidationError("--language must be ro_RO or en_US") }
        }

        func run() async throws {
            let password = try PasswordInput.read(confirm: true)
            let administrator = try await databaseOptions.withStore { store in
                try await store.createAdministrator(
                    companyID: company, email: email, password: password, language: Language(rawValue: language) ?? .roRO
                )
            }
            printError("administrator \(administrator.email) created for company \(company)")
            print(administrator.id.map(String.init) ?? "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List administrators (never their passwords).")

        @Option(name: .long, help: "Only this company's administrators.") var company: Int?
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let administrators = try await databaseOptions.withStore { try await $0.administrators(companyID: company) }
            print(["id", "company", "email", "language", "created"].joined(separator: "\t"))
            for administrator in administrators {
                let created = administrator.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
                print("\(administrator.id ?? 0)\t\(administrator.companyID)\t\(administrator.email)\t\(administrator.language)\t\(created)")
            }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set a new password for an administrator and end their sessions.",
            discussion: "The password is asked for without echo on a terminal, or read from the first line of standard input otherwise."
        )

        @Option(name: .long, help: "The administrator's e-mail address.") var email: String
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let password = try PasswordInput.read(confirm: true)
            try await databaseOptions.withStore { store in
                try await store.setAdministratorPassword(email: email, password: password)
            }
            printError("password of \(email) changed; its sessions have ended")
        }
    }
}
