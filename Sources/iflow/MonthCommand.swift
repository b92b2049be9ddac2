import ArgumentParser
import Foundation
import IFlowAPI
import IFlowStore

struct MonthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "month",
        abstract: "Lock a month's figures for payroll, unlock it, or list the locked months.",
        discussion: """
            A locked month's reports are served from the figures stored when it was locked, and every write that would
            change its hours is refused until it is unlocked. Unlocking discards the stored figures.
            """,
        subcommands: [Lock.self, Unlock.self, List.self]
    )

    /// The month a command names.
    struct MonthOptions: ParsableArguments {
        @Option(name: .long, help: "The company.") var company: Int
        @Option(name: .long, help: "The year, e.g. 2026.") var year: Int
        @Option(name: .long, help: "The month, 1 to 12.") var month: Int

        func validate() throws {
            guard (1...12).contains(month) else { throw ValidationError("--month must be 1 to 12") }
            guard (1990...2100).contains(year) else { throw ValidationError("--year must be 1990 to 2100") }
        }

        var label: String { LockedMonth.label(year: year, month: month) }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lock a month: store every employee's figures of both attendance types, and refuse changes to its hours."
        )

        @OptionGroup var options: MonthOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let lock = try await databaseOptions.withStore { store -> LockedMonth? in
                guard let company = try await store.companyContext(id: options.company) else {
                    throw ValidationError("no company with id \(options.company)")
                }
                return try await MonthLock(store: store).lock(year: options.year, month: options.month, company: company, actor: .commandLine)
            }
            guard let lock else { throw ValidationError("\(options.label) was unlocked while it was being locked") }
            printError("\(lock.label) of company \(options.company) is \(lock.isComplete ? "locked" : "being locked by another server")")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlock a month and discard its stored figures.")

        @OptionGroup var options: MonthOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let unlocked = try await databaseOptions.withStore {
                try await $0.unlockMonth(year: options.year, month: options.month, companyID: options.company, actor: .commandLine)
            }
            guard unlocked else { throw ValidationError("\(options.label) of company \(options.company) is not locked") }
            printError("\(options.label) of company \(options.company) unlocked")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a company's locked months: month, status (locked, or locking for a lock not finished), when and by whom."
        )

        @Option(name: .long, help: "The company.") var company: Int
        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let locks = try await databaseOptions.withStore { try await $0.lockedMonths(companyID: company) }
            let formatter = ISO8601DateFormatter()
            print("month\tstatus\tlocked_at\tlocked_by")
            for lock in locks {
                print("\(lock.label)\t\(lock.isComplete ? "locked" : "locking")\t\(formatter.string(from: lock.lockedAt))\t\(lock.lockedBy)")
            }
            for lock in locks where !lock.isComplete {
                printError(
                    "\(lock.label) is locking: the lock was cut short (or is running), so its hours are closed to changes but its reports are "
                        + "computed, not stored; `iflow month lock` again completes it, `iflow month unlock` reopens it"
                )
            }
        }
    }
}
