import ArgumentParser
import IFlowStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await databaseOptions.withStore(logLevel: .info) { store in
            printError("database \(store.location) is up to date")
        }
    }
}
