import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit

extension Store {
    /// Copies a whole installation from an SQLite store into this PostgreSQL store, keeping every id.
    ///
    /// This store is migrated first. Every table of the source except `_fluent_migrations` is copied, a table after
    /// the tables it references, all its columns as the source lists them, so tables and columns that later
    /// migrations add need no change here. Each table is copied in one PostgreSQL transaction, in batches; rows are
    /// upserted by primary key, so a second copy updates rows instead of duplicating them (rows deleted from the source
    /// in between stay, and the row counts then differ). Identity sequences are then moved to the largest id, so the
    /// next insert does not collide with a copied row. The source is read in one transaction, a consistent snapshot,
    /// and never written.
    ///
    /// - Parameters:
    ///   - source: An SQLite store whose migrations are exactly this binary's.
    ///   - batchSize: Rows per `INSERT` at most; wide tables use fewer, to stay under PostgreSQL's 65,535 binds.
    ///   - progress: Called after each batch with the table's name and the rows copied so far.
    /// - Returns: The row count of every table in the source and in the target.
    public func copy(
        from source: Store,
        batchSize: Int = 2000,
        progress: @escaping @Sendable (_ table: String, _ rows: Int) -> Void = { _, _ in }
    ) async throws -> CopyReport {
        guard !source.location.isPostgres else { throw CopyError.sourceNotSQLite }
        guard location.isPostgres else { throw CopyError.targetNotPostgres }
        try await checkMigrations(of: source.sqlite())
        do {
            try await migrate()
            return try await source.database().transaction { database in
                guard let sqlite = database as? any SQLiteDatabase else { throw CopyError.sourceNotSQLite }
                var report = CopyReport(tables: [])
                for table in try await Self.tablesInDependencyOrder(sqlite) {
                    report.tables.append(try await self.copyTable(table, from: sqlite, batchSize: max(1, batchSize), progress: progress))
                }
                return report
            }
        } catch {
            // PSQLError's description hides everything; the operator running a copy needs the server's reason.
            guard let diagnosis = Self.diagnosis(of: error) else { throw error }
            throw CopyError.postgres(diagnosis)
        }
    }

    private func sqlite() throws -> any SQLiteDatabase {
        guard let sqlite = try database() as? any SQLiteDatabase else { throw CopyError.sourceNotSQLite }
        return sqlite
    }

    /// Refuses a source that is behind or ahead of this binary: its tables would not match the target's.
    private func checkMigrations(of sqlite: any SQLiteDatabase) async throws {
        let bookkeeping = try await sqlite.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'").get()
        guard !bookkeeping.isEmpty else { throw CopyError.notAnIFlowDatabase }
        let ran = Set(try await sqlite.query("SELECT name FROM _fluent_migrations").get().compactMap { $0.column("name")?.string })
        let known = migrations.map(\.name)
        let pending = known.filter { !ran.contains($0) }
        guard pending.isEmpty else { throw CopyError.sourceNeedsMigration(pending) }
        let unknown = ran.subtracting(known).sorted()
        guard unknown.isEmpty else { throw CopyError.sourceIsNewer(unknown) }
    }

    /// The source's tables, each after every table its foreign keys reference (ties by name).
    private static func tablesInDependencyOrder(_ sqlite: any SQLiteDatabase) async throws -> [String] {
        let names = try await sqlite.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_fluent_migrations'"
        ).get().compactMap { $0.column("name")?.string }
        var references: [String: Set<String>] = [:]
        for name in names {
            let rows = try await sqlite.query("SELECT \"table\" FROM pragma_foreign_key_list(?)", [.text(name)]).get()
            // A table referencing itself is ordered by rowid within the table instead.
            references[name] = Set(rows.compactMap { $0.column("table")?.string }).intersection(names).subtracting([name])
        }
        var ordered: [String] = []
        var remaining = Set(names)
        while !remaining.isEmpty {
            let ready = remaining.filter { references[$0, default: []].isSubset(of: Set(ordered)) }.sorted()
            guard !ready.isEmpty else { throw CopyError.foreignKeyCycle(remaining.sorted()) }
            ordered += ready
            remaining.subtract(ready)
        }
        return ordered
    }

    private struct TargetColumn: Decodable {
        var column_name: String
        var data_type: String
        var udt_name: String
    }

    private struct Count: Decodable {
        var n: Int
    }

    private func copyTable(
        _ table: String,
        from sqlite: any SQLiteDatabase,
        batchSize: Int,
        progress: @escaping @Sendable (String, Int) -> Void
    ) async throws -> CopyReport.Table {
        let sourceColumns = try await sqlite.query("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [.text(table)]).get()
            .compactMap { row in row.column("name")?.string.map { (name: $0, keyPosition: row.column("pk")?.integer ?? 0) } }
        let names = sourceColumns.map(\.name)
        let primaryKey = sourceColumns.filter { $0.keyPosition > 0 }.sorted { $0.keyPosition < $1.keyPosition }.map(\.name)
        guard !primaryKey.isEmpty else { throw CopyError.noPrimaryKey(table: table) }

        let targetColumns = try await sql().raw(
            """
            SELECT column_name::text AS column_name, data_type::text AS data_type, udt_name::text AS udt_name
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)
            """
        ).all(decoding: TargetColumn.self)
        guard !targetColumns.isEmpty else { throw CopyError.missingTable(table) }
        let targetByName = Dictionary(targetColumns.map { ($0.column_name, $0) }, uniquingKeysWith: { first, _ in first })
        let conversions = try names.map { name in
            guard let target = targetByName[name] else { throw CopyError.missingColumn(table: table, column: name) }
            guard let conversion = ColumnConversion(dataType: target.data_type, udtName: target.udt_name) else {
                throw CopyError.unsupportedType(table: table, column: name, type: target.data_type)
            }
            return conversion
        }

        let quotedColumns = names.map(Self.sqliteIdentifier).joined(separator: ", ")
        let select = "SELECT rowid AS iflow_copy_rowid, \(quotedColumns) FROM \(Self.sqliteIdentifier(table)) WHERE rowid > ? ORDER BY rowid LIMIT ?"
        let rowsPerBatch = max(1, min(batchSize, 60_000 / max(1, names.count)))
        let nonKeyColumns = names.filter { !primaryKey.contains($0) }

        try await database().transaction { database in
            let postgres = try database.sqlDatabase()
            var after = Int64.min
            var copied = 0
            while true {
                let rows = try await sqlite.query(select, [.integer(.init(after)), .integer(.init(rowsPerBatch))]).get()
                guard !rows.isEmpty else { break }
                let insert = postgres.insert(into: table).columns(names)
                for row in rows {
                    let rowid = Int64(row.column("iflow_copy_rowid")?.integer ?? 0)
                    var values: [any SQLExpression] = []
                    values.reserveCapacity(names.count)
                    for (name, conversion) in zip(names, conversions) {
                        guard let value = conversion.expression(for: row.column(name) ?? .null) else {
                            throw CopyError.unconvertible(table: table, column: name, rowid: rowid)
                        }
                        values.append(value)
                    }
                    insert.values(values)
                    after = rowid
                }
                if nonKeyColumns.isEmpty {
                    insert.ignoringConflicts(with: primaryKey)
                } else {
                    insert.onConflict(with: primaryKey) { update in nonKeyColumns.reduce(update) { $0.set(excludedValueOf: $1) } }
                }
                try await insert.run()
                copied += rows.count
                progress(table, copied)
            }
            if primaryKey.count == 1, let key = primaryKey.first, conversions[names.firstIndex(of: key)!] == .integer {
                // MAX over the target table, so rows the target already had count too; no-op for an empty table or a
                // key without a sequence (setval is strict).
                let quotedTable = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                try await postgres.raw(
                    "SELECT setval(pg_get_serial_sequence(\(bind: quotedTable), \(bind: key)), MAX(\(ident: key))) FROM \(ident: table)"
                ).run()
            }
        }

        let sourceRows = try await sqlite.query("SELECT COUNT(*) AS n FROM \(Self.sqliteIdentifier(table))").get().first?.column("n")?.integer ?? -1
        let targetRows = try await sql().raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Count.self)?.n ?? -1
        return CopyReport.Table(name: table, sourceRows: Int(sourceRows), targetRows: targetRows)
    }

    private static func sqliteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
