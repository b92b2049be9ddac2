import FluentKit
import Foundation
import IFlowCore
import IFlowTestSupport
import SQLKit
import Testing

@testable import IFlowStore

@Suite("Reads prepared once per PostgreSQL connection", .enabled(if: TestStores.postgresAdminURL != nil))
struct PreparedReadTests {
    struct Employee: Equatable {
        var id: Int
        var fullName: String
        var markNumber: String?
        var isEnabled: Bool
        var rowVersion: Int
        var createdAt: Date
    }

    static func employees(_ rows: [any SQLRow]) throws -> [Employee] {
        try rows.map {
            Employee(
                id: try $0.decode(column: "id", as: Int.self), fullName: try $0.decode(column: "full_name", as: String.self),
                markNumber: try $0.decode(column: "mark_number", as: String?.self), isEnabled: try $0.decode(column: "is_enabled", as: Bool.self),
                rowVersion: try $0.decode(column: "row_version", as: Int.self), createdAt: try $0.decode(column: "created_at", as: Date.self)
            )
        }
    }

    /// The statements prepared on the connection `sql` is bound to, as PostgreSQL lists them.
    static func preparedOnServer(_ sql: any SQLDatabase) async throws -> Int {
        try #require(try await sql.raw("SELECT count(*) AS n FROM pg_prepared_statements").first()).decode(column: "n", as: Int.self)
    }

    @Test("a prepared read answers what the statement answers unprepared, run after run, with integers, text, nil, booleans and dates bound")
    func sameRowsAsUnprepared() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            // setup: three employees, one without a mark number
            let company = try await store.createCompany(name: "Acme", timezone: "Europe/Bucharest").id!
            for (name, mark) in [("Ana Pop", "M1"), ("Ion Pop", nil), ("Ana Pop", "M3")] {
                var fields = ["update_by": "id_card", "update_by_value": "RX\(name.count)\(mark ?? "-")", "full_name": name]
                if let mark { fields["mark_number"] = mark }
                _ = try await store.applyUserUpdate(try UserUpdate.parse(fields).get(), companyID: company, actor: .commandLine)
            }
            let since = Date(timeIntervalSinceNow: -3_600)
            func query(name: String?, enabled: Bool) -> SQLQueryString {
                """
                SELECT id, full_name, mark_number, is_enabled, row_version, created_at FROM users \
                WHERE company_id = \(bind: company) AND (CAST(\(bind: name) AS text) IS NULL OR full_name = \(bind: name)) \
                AND is_enabled = \(bind: enabled) AND created_at >= \(bind: since) ORDER BY id
                """
            }
            let sql = try store.readSQL()
            let cases: [(String?, Bool, Int)] = [("Ana Pop", true, 2), (nil, true, 3), ("Ion Pop", true, 1), ("Ana Pop", false, 0)]

            // MUT: each text run several times, so the later runs execute what the first prepared
            for run in 0..<3 {
                for (name, enabled, count) in cases {
                    let prepared = try Self.employees(try await sql.frequentRows(query(name: name, enabled: enabled)))
                    let unprepared = try Self.employees(try await sql.raw(query(name: name, enabled: enabled)).all())

                    // validation
                    #expect(prepared == unprepared, "run \(run), \(name ?? "nil") \(enabled)")
                    #expect(prepared.count == count, "run \(run), \(name ?? "nil") \(enabled)")
                }
            }
            let everyone = try Self.employees(try await sql.frequentRows(query(name: nil, enabled: true)))
            #expect(everyone.map(\.markNumber) == ["M1", nil, "M3"])
            #expect((sql as? GuardedPostgresDatabase)?.statements.count ?? 0 >= 1)
        }
    }

    @Test("the server's sessions plan every run of a prepared statement with its values, never with a generic plan")
    func customPlans() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            // MUT + validation: on a pooled connection and on a held one
            let pooled = try #require(try await store.sql().raw("SELECT current_setting('plan_cache_mode') AS mode").first())
            #expect(try pooled.decode(column: "mode", as: String.self) == "force_custom_plan")
            try await store.database().withConnection { db in
                let sql = try db.sqlDatabase()
                for value in 0..<8 { _ = try await sql.frequentRows("SELECT id FROM companies WHERE id = \(bind: value)") }
                let plans = try #require(
                    try await sql.raw("SELECT generic_plans, custom_plans FROM pg_prepared_statements").first())
                #expect(try plans.decode(column: "generic_plans", as: Int.self) == 0)
                #expect(try plans.decode(column: "custom_plans", as: Int.self) == 8)
            }
        }
    }

    @Test(
        "a session plans every run while users has no statistics of 1,000 rows, then uses generic plans, and the employee read's generic plan reads its unique index"
    )
    func genericPlansOnceAnalysed() async throws {
        try await StoreBackend.postgres.withMigratedStore { migrated in
            // setup: three employees found by their id cards, on a table without statistics
            let company = try await migrated.createCompany(name: "Acme", timezone: "Europe/Bucharest").id!
            var stored: [String: Int] = [:]
            for card in ["RX100001", "RX100002", "RX100003"] {
                let update = try UserUpdate.parse(["update_by": "id_card", "update_by_value": card, "full_name": "Ana \(card)"]).get()
                stored[card] = try await migrated.applyUserUpdate(update, companyID: company, actor: .commandLine).user.id
            }
            let ids = stored
            @Sendable func read(_ card: String, store: Store, on sql: any SQLDatabase) async throws -> Int? {
                let update = try UserUpdate.parse(["update_by": "id_card", "update_by_value": card, "full_name": "Ana \(card)"]).get()
                let plan = try await Store.planUserUpdate(update, companyID: company, protector: store.protector, lockingRow: false, on: sql)
                return plan.stored?.id
            }
            @Sendable func planMode(_ sql: any SQLDatabase) async throws -> String {
                try #require(try await sql.raw("SELECT current_setting('plan_cache_mode') AS mode").first()).decode(column: "mode", as: String.self)
            }

            // MUT + validation: three employees, never analysed: the session keeps planning every run
            try await migrated.database().withConnection { db in
                let sql = try db.sqlDatabase()
                for run in 0..<8 { #expect(try await read("RX10000\(run % 3 + 1)", store: migrated, on: sql) == ids["RX10000\(run % 3 + 1)"]) }
                #expect(try await planMode(sql) == "force_custom_plan")
                let generic = try #require(try await sql.raw("SELECT coalesce(sum(generic_plans), 0)::int8 AS n FROM pg_prepared_statements").first())
                #expect(try generic.decode(column: "n", as: Int.self) == 0)
            }
            let guarded = try #require(try migrated.sql() as? GuardedPostgresDatabase)
            #expect(guarded.statements.connectionsWithGenericPlans == 0)

            // setup: 1,500 more employees, analysed; a server started now (its connections have not asked yet)
            let sql = try migrated.sql()
            try await sql.raw(
                """
                INSERT INTO users (company_id, full_name, is_enabled, cnp_lookup, id_card_lookup, rfid_tag, row_version, created_at, updated_at) \
                SELECT \(bind: company), 'Filler ' || n, true, 'c' || n, 'i' || n, 't' || n, 0, now(), now() FROM generate_series(1, 1500) AS n
                """
            ).run()
            try await sql.raw("ANALYZE users").run()
            let store = try Store(
                location: migrated.location, poolSize: 1, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await store.shutdown() } }

            // MUT: the same reads on the new server's connection
            try await store.database().withConnection { db in
                let sql = try db.sqlDatabase()
                for run in 0..<12 {
                    // validation: the same employees, generic plan or not
                    #expect(try await read("RX10000\(run % 3 + 1)", store: store, on: sql) == ids["RX10000\(run % 3 + 1)"], "run \(run)")
                }
                #expect(try await read("RX999999", store: store, on: sql) == nil)
                #expect(try await planMode(sql) == "auto")
                let statement = try #require(
                    try await sql.raw("SELECT statement, parameter_types::text[] AS types, generic_plans FROM pg_prepared_statements").first())
                #expect(try statement.decode(column: "generic_plans", as: Int.self) > 0)

                // validation: the generic plan PostgreSQL keeps for the employee read finds them by the unique index
                let types = try statement.decode(column: "types", as: [String].self)
                let cardHash = store.protector.lookup("RX100002")
                let values = try types.map { type -> String in
                    switch type {
                    case "bigint": return String(company)
                    case "text": return "'\(cardHash)'"
                    default: throw StoreError.corruptRow(table: "parameter type \(type)")
                    }
                }
                try await sql.raw("PREPARE employee_read AS \(unsafeRaw: try statement.decode(column: "statement", as: String.self))").run()
                try await sql.raw("SET plan_cache_mode = force_generic_plan").run()
                let plan = try await sql.raw("EXPLAIN EXECUTE employee_read(\(unsafeRaw: values.joined(separator: ", ")))").all()
                    .map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                try await sql.raw("DEALLOCATE employee_read").run()
                try await sql.raw("SET plan_cache_mode = force_custom_plan").run()
                #expect(plan.contains("uq_users_company_id_card"), "\(plan)")
                #expect(!plan.contains("Seq Scan on users"), "\(plan)")
                #expect(!plan.contains("uq_users_company_rfid_tag"), "\(plan)")
            }
            #expect(try #require(try store.sql() as? GuardedPostgresDatabase).statements.connectionsWithGenericPlans == 1)
        }
    }

    @Test("a read by column runs unnamed: it answers what a prepared read answers and takes no prepared statement's place")
    func columnRowsRunUnnamed() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            try await store.database().withConnection { db in
                let sql = try db.sqlDatabase()
                // MUT
                var answers: [Int] = []
                for value in [3, 5, 8] {
                    let rows = try await sql.columnRows("SELECT \(bind: value) AS n, \(bind: "Ana") AS name")
                    answers.append(try #require(rows.first).decode(column: "n", as: Int.self))
                    #expect(try rows.first?.decode(column: "name", as: String.self) == "Ana")
                }
                let unprepared = try #require(try await sql.raw("SELECT count(*)::int8 AS n FROM pg_prepared_statements").first())
                let prepared = try await sql.frequentRows("SELECT \(bind: 13) AS n, \(bind: "Ana") AS name")

                // validation: the same answers; nothing was prepared by the reads by column, the prepared read is listed
                #expect(answers == [3, 5, 8])
                #expect(try unprepared.decode(column: "n", as: Int.self) == 0)
                #expect(try prepared.first?.decode(column: "n", as: Int.self) == 13)
                let listed = try #require(try await sql.raw("SELECT count(*)::int8 AS n FROM pg_prepared_statements").first())
                #expect(try listed.decode(column: "n", as: Int.self) == 1)
            }
        }
    }

    @Test("a connection prepares its first 32 texts, runs later ones unnamed, and drops a statement whose run failed")
    func quotaAndFailure() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            try await store.database().withConnection { db in
                let sql = try db.sqlDatabase()
                let limit = PostgresPreparedStatements.perConnection

                // MUT: a run that fails (division by zero) throws, and its statement is deallocated and forgotten
                let quotient: (Int) -> SQLQueryString = { "SELECT 10 / \(bind: $0) AS n" }
                await #expect(throws: (any Error).self) { try await sql.frequentRows(quotient(0)) }
                #expect(try await Self.preparedOnServer(sql) == 0)
                #expect(try #require(try await sql.frequentRows(quotient(2)).first).decode(column: "n", as: Int.self) == 5)
                #expect(try await Self.preparedOnServer(sql) == 1)

                // MUT: more distinct texts than the quota, each run twice
                for text in 0..<(limit + 8) {
                    for value in [text, text + 1_000] {
                        let row = try #require(try await sql.frequentRows("SELECT \(bind: value) + \(unsafeRaw: String(text)) AS n").first)
                        // validation
                        #expect(try row.decode(column: "n", as: Int.self) == value + text)
                    }
                }
                #expect(try await Self.preparedOnServer(sql) == limit)
                #expect(try #require(try await sql.frequentRows(quotient(5)).first).decode(column: "n", as: Int.self) == 2)
            }
        }
    }

    @Test("a prepared read whose table changed shape since (another server migrated) is answered, not refused")
    func schemaChanged() async throws {
        try await StoreBackend.postgres.withMigratedStore { store in
            try await store.database().withConnection { db in
                // setup: a text prepared on this connection
                let sql = try db.sqlDatabase()
                try await sql.raw("CREATE TABLE shapes (id bigint PRIMARY KEY)").run()
                try await sql.raw("INSERT INTO shapes (id) VALUES (1)").run()
                let query: SQLQueryString = "SELECT * FROM shapes WHERE id = \(bind: 1)"
                #expect(try await sql.frequentRows(query).first?.allColumns == ["id"])
                try await sql.raw("ALTER TABLE shapes ADD COLUMN label text DEFAULT 'x'").run()

                // MUT: PostgreSQL refuses the prepared statement (0A000); the read runs once unnamed, then is prepared again
                let changed = try #require(try await sql.frequentRows(query).first)
                let again = try #require(try await sql.frequentRows(query).first)

                // validation
                #expect(changed.allColumns == ["id", "label"])
                #expect(try again.decode(column: "label", as: String.self) == "x")
                #expect(try await Self.preparedOnServer(sql) == 1)
            }
        }
    }

    @Test("a prepared read on a connection the server closed fails at once, and the next reads are served")
    func closedConnection() async throws {
        try await StoreBackend.postgres.withMigratedStore { migrated in
            // setup: one connection per event loop, so a connection the pool never got back would block the next reads
            let store = try Store(
                location: migrated.location, poolSize: 1, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await store.shutdown() } }
            let query: SQLQueryString = "SELECT \(bind: 41) + 1 AS n"
            // MUT
            let result = await ConnectionLossTests.outcome(within: 8) {
                try await store.database().withConnection { db in
                    let sql = try db.sqlDatabase()
                    _ = try await sql.frequentRows(query)
                    try await ConnectionLossTests.terminateBackend(of: sql)
                    return try await sql.frequentRows(query).count
                }
            }

            // validation
            switch result {
            case .none: Issue.record("the prepared read hung")
            case .success: Issue.record("the prepared read succeeded on a closed connection")
            case .failure(let error): #expect((error as? any DatabaseError)?.isConnectionClosed == true, "\(String(reflecting: error))")
            }
            for attempt in 0..<4 {
                let read = await ConnectionLossTests.outcome(within: 8) {
                    try await store.readSQL().frequentRows(query).first?.decode(column: "n", as: Int.self)
                }
                #expect(try read?.get() == 42, "read \(attempt) after the closed connection")
            }
        }
    }
}

@Suite("Typed placeholders of prepared PostgreSQL reads")
struct PostgresBindTests {
    @Test(
        "each placeholder is cast to its value's type, quoted text and identifiers stay as written",
        arguments: [
            ("SELECT $1", ["int8"], "SELECT $1::int8"),
            ("a = $1 AND b = $2 OR c = $10", Array(repeating: "text", count: 9) + ["bool"], "a = $1::text AND b = $2::text OR c = $10::bool"),
            ("SELECT '$1', \"$2\", $1, 'it''s $2', $2", ["int8", "text"], "SELECT '$1', \"$2\", $1::int8, 'it''s $2', $2::text"),
            ("SELECT $ AS x, $a$", [], "SELECT $ AS x, $a$"),
            ("WHERE x IN ($1,$2)", ["int8", "int8"], "WHERE x IN ($1::int8,$2::int8)"),
        ])
    func typedPlaceholders(sql: String, types: [String], expected: String) throws {
        #expect(try PostgresBind.typed(sql, types: types) == expected)
    }

    @Test("a placeholder without a value is a bug reported, not a text sent", arguments: [("SELECT $2", ["int8"]), ("SELECT $0", ["int8"])])
    func placeholderWithoutValue(sql: String, types: [String]) {
        #expect(throws: StoreError.self) { try PostgresBind.typed(sql, types: types) }
    }

    @Test("values and nils of the four bound types carry their type; another type is refused")
    func bindTypes() throws {
        let values: [(any Encodable & Sendable, String, Bool)] = [
            (7, "int8", false), ("x", "text", false), (true, "bool", false), (Date(timeIntervalSince1970: 0), "timestamptz", false),
            (Int?.none, "int8", true), (String?.none, "text", true), (Bool?.none, "bool", true), (Date?.none, "timestamptz", true),
            (Int?.some(3), "int8", false), (String?.some("y"), "text", false),
        ]
        for (value, type, isNull) in values {
            let bound = try PostgresBind.data(value)
            #expect(bound.type == type, "\(value)")
            #expect((bound.data.value == nil) == isNull, "\(value)")
        }
        #expect(throws: StoreError.self) { try PostgresBind.data(1.5) }
    }
}
