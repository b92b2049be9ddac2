import ArgumentParser
import Foundation
import IFlowStore
import Logging

struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole installation from an SQLite file into PostgreSQL, keeping ids.",
        discussion: """
            Migrates the target, copies every table (upserting by primary key, so running it again duplicates \
            nothing), moves PostgreSQL's id sequences past the copied ids, and prints each table's row count in \
            the source and the target. Exits with status 1 when a count differs. Stop the servers writing to the \
            SQLite file before the final copy.
            """
    )

    @Option(name: .long, help: "The SQLite file to read (never written).") var from: String
    @Option(name: .long, help: "The postgres:// URL to write.") var to: String
    @Option(name: .long, help: "Rows per INSERT at most.") var batchSize = 2000
    @Option(
        name: .long,
        help:
            "The installation's data key file (env IFLOW_DATA_KEY_FILE; default iflow.datakey), or IFLOW_DATA_KEY. Sealed values are copied as they are: serve the target with the same keys."
    )
    var dataKeyFile: String?

    func validate() throws {
        guard case .sqliteFile(let path) = DatabaseLocation(from) else { throw ValidationError("--from must be an SQLite file path") }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no file at \(path)") }
        guard DatabaseLocation(to).isPostgres else { throw ValidationError("--to must be a postgres:// URL") }
        guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be between 1 and 100000") }
    }

    func run() async throws {
        var logger = Logger(label: "iflow")
        logger.logLevel = .warning
        let (keyring, keySource) = try existingDataKeys(file: dataKeyFile, neededFor: "copy needs the keys of the installation it copies")
        let source = try Store(location: DatabaseLocation(from), keyring: keyring, logger: logger)
        let target: Store
        do {
            target = try Store(location: DatabaseLocation(to), poolSize: 1, keyring: keyring, logger: logger)
        } catch {
            await source.shutdown()
            throw error
        }
        // Both ends before anything is written: the keys must be the source's, and the target new or already the same
        // installation's. The source's fingerprint is copied with its tables.
        for (end, store) in [("source", source), ("target", target)] {
            do {
                try await store.checkDataKeys()
            } catch {
                await target.shutdown()
                await source.shutdown()
                printError("\(end) \(store.location):")
                throw exitReportingDataKeyRefusal(exitReportingDatabaseFailure(error, location: store.location), keySource: keySource)
            }
        }
        let report: CopyReport
        do {
            printError("copying \(source.location) to \(target.location)")
            report = try await target.copy(from: source, batchSize: batchSize) { table, rows in
                printError("  \(table): \(rows) rows")
            }
            try await target.migrateCheckingDataKeys()
            await target.shutdown()
            await source.shutdown()
        } catch {
            await target.shutdown()
            await source.shutdown()
            throw error
        }

        print(["table", "source", "target", "check"].joined(separator: "\t"))
        for table in report.tables {
            print([table.name, String(table.sourceRows), String(table.targetRows), table.matches ? "ok" : "MISMATCH"].joined(separator: "\t"))
        }
        guard report.matches else {
            printError("row counts differ: rows deleted from the source since an earlier copy, or written to the target meanwhile")
            throw ExitCode.failure
        }
    }
}
