import FluentKit
import Foundation
import IFlowCore
import IFlowStore
import SQLKit
import Testing

@Suite("iflow copy: SQLite to PostgreSQL")
struct CopyTests {
    static let cnps = [
        CNP.makeValid(sex: .male, birthDate: LocalDate(year: 1980, month: 1, day: 1)!, county: 22, serial: 114),
        CNP.makeValid(sex: .female, birthDate: LocalDate(year: 1995, month: 7, day: 24)!, county: 42, serial: 1),
        CNP.makeValid(sex: .male, birthDate: LocalDate(year: 2001, month: 3, day: 15)!, county: 40, serial: 77),
    ]

    /// Reads the plans' times for the store's overlap check.
    static let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    static func update(_ fields: [String: String]) throws -> UserUpdate {
        try UserUpdate.parse(fields).get()
    }

    static func plan(_ date: String, _ type: DayType = .work, shifts: String = "", breakMinutes: Int = 0) throws -> DayPlan {
        let shifts = try TimeRangeList.parse(shifts).get()
        return DayPlan(date: try #require(LocalDate(iso: date)), type: type, shifts: shifts, breakMinutes: breakMinutes)
    }

    /// Two companies with keys (one revoked, one used), users with and without teams, and day plans.
    static func fill(_ source: Store) async throws -> (companyID: Int, otherCompanyID: Int, secret: String, revokedSecret: String) {
        let company = try await source.createCompany(name: "Acme Producție SRL", timezone: "Europe/Bucharest")
        let other = try await source.createCompany(name: "Other SRL", timezone: "Europe/London")
        let companyID = try #require(company.id)
        let otherCompanyID = try #require(other.id)
        let key = try await source.createAPIKey(companyID: companyID, label: "payroll", actor: .commandLine)
        let revoked = try await source.createAPIKey(companyID: companyID, label: "old", actor: .commandLine)
        _ = try await source.createAPIKey(companyID: otherCompanyID, label: "other", actor: .commandLine)
        try await source.revokeAPIKey(id: revoked.id, actor: .commandLine)
        try await source.recordKeyUse([key.id: Date(timeIntervalSince1970: 1_750_000_000.123456)])

        let first = try await source.applyUserUpdate(
            update([
                "update_by": "cnp", "update_by_value": cnps[0], "full_name": "Ștefan Țăranu", "team_name": "Producție",
                "city": "Brașov", "bank_account": "RO49AAAA1B31007593840000", "employment_date": "2019-12-01",
            ]),
            companyID: companyID, actor: .commandLine
        )
        let second = try await source.applyUserUpdate(
            update(["update_by": "cnp", "update_by_value": cnps[1], "full_name": "Ana Pop", "team_name": "Vânzări", "is_enabled": "0"]),
            companyID: companyID, actor: .commandLine
        )
        _ = try await source.applyUserUpdate(
            update(["update_by": "id_card", "update_by_value": "RX123456", "full_name": "Fără Echipă"]), companyID: companyID, actor: .commandLine
        )
        _ = try await source.applyUserUpdate(
            update(["update_by": "cnp", "update_by_value": cnps[0], "full_name": "Other Company Person", "team_name": "Producție"]),
            companyID: otherCompanyID, actor: .commandLine
        )
        try await source.setDay(
            plan("2025-03-03", shifts: "08:00-16:30", breakMinutes: 30), userID: first.user.id, companyID: companyID, calculator: Self.calculator,
            actor: .commandLine)
        try await source.setDay(
            plan("2025-03-04", shifts: "22:00-06:00"), userID: first.user.id, companyID: companyID, calculator: Self.calculator, actor: .commandLine)
        try await source.setDay(
            plan("2025-03-03", .CO), userID: second.user.id, companyID: companyID, calculator: Self.calculator, actor: .commandLine)
        let device = try await source.createDevice(companyID: companyID, label: "Poarta", actor: .commandLine)
        let scans = try await source.recordScans(
            [1_740_981_600, 1_741_012_200, 1_741_068_000].map {
                NewScan(userID: first.user.id, instant: $0, source: .terminal, arrival: .offline, deviceID: device.id, rfidTag: "A1")
            },
            companyID: companyID, limits: .iFlowDefaults, actor: .commandLine
        )
        _ = try await source.deleteScan(id: try #require(scans.ids.last ?? nil), companyID: companyID, reason: "test", actor: .commandLine)
        return (companyID, otherCompanyID, key.secret, revoked.secret)
    }

    static func allUsers(_ store: Store, companyID: Int) async throws -> [UserRecord] {
        var filter = UserListFilter()
        filter.limit = 1000
        return try await store.users(companyID: companyID, filter: filter).users
    }

    static func plans(_ store: Store, companyID: Int) async throws -> [Int: [DayPlan]] {
        try await store.dayPlans(
            userIDs: allUsers(store, companyID: companyID).map(\.id),
            from: LocalDate(year: 2025, month: 1, day: 1)!, through: LocalDate(year: 2025, month: 12, day: 31)!
        )
    }

    static func expectSameDate(_ a: Date?, _ b: Date?, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (a, b) {
        case (nil, nil): break
        case (let a?, let b?): #expect(abs(a.timeIntervalSince(b)) < 0.000_01, "\(a) vs \(b)", sourceLocation: sourceLocation)
        default: Issue.record("one date is nil: \(String(describing: a)) vs \(String(describing: b))", sourceLocation: sourceLocation)
        }
    }

    @Test("copies every table with its ids and values; a second copy duplicates nothing", .enabled(if: TestStores.postgresAdminURL != nil))
    func copiesAndRecopies() async throws {
        try await TestStores.withSQLiteFile { source in
            try await TestStores.withFreshPostgres { target in
                // setup
                let filled = try await Self.fill(source)

                // MUT
                let report = try await target.copy(from: source, batchSize: 2)

                // validation
                #expect(
                    report.tables.map(\.name) == [
                        "companies", "data_keys", "plan_import_rows", "sign_in_attempts", "administrators", "api_keys", "audit_events", "devices",
                        "locked_months", "teams", "admin_sessions", "locked_month_employees", "users", "day_plans", "scans", "scan_deletions",
                    ])
                #expect(report.tables.map(\.sourceRows) == [2, 0, 0, 0, 0, 3, 14, 1, 0, 3, 0, 0, 4, 3, 3, 1])
                #expect(report.matches, "\(report.tables)")
                for companyID in [filled.companyID, filled.otherCompanyID] {
                    #expect(try await Self.allUsers(target, companyID: companyID) == Self.allUsers(source, companyID: companyID))
                    #expect(try await Self.plans(target, companyID: companyID) == Self.plans(source, companyID: companyID))
                }
                let sourceCompanies = try await source.companies()
                let targetCompanies = try await target.companies()
                #expect(targetCompanies.map(\.id) == sourceCompanies.map(\.id))
                #expect(targetCompanies.map(\.name) == sourceCompanies.map(\.name))
                #expect(targetCompanies.map(\.timezone) == sourceCompanies.map(\.timezone))
                for (a, b) in zip(sourceCompanies, targetCompanies) { Self.expectSameDate(a.createdAt, b.createdAt) }
                let sourceKeys = try await source.apiKeys(companyID: nil)
                let targetKeys = try await target.apiKeys(companyID: nil)
                #expect(targetKeys.map(\.id) == sourceKeys.map(\.id))
                #expect(targetKeys.map(\.keyHash) == sourceKeys.map(\.keyHash))
                #expect(targetKeys.map(\.label) == sourceKeys.map(\.label))
                for (a, b) in zip(sourceKeys, targetKeys) {
                    Self.expectSameDate(a.createdAt, b.createdAt)
                    Self.expectSameDate(a.lastUsedAt, b.lastUsedAt)
                    Self.expectSameDate(a.revokedAt, b.revokedAt)
                }
                #expect(targetKeys.filter { $0.revokedAt != nil }.count == 1)
                let authenticated = try #require(try await target.authenticate(secret: filled.secret))
                #expect(authenticated.company.id == filled.companyID)
                #expect(authenticated.company.name == "Acme Producție SRL")
                #expect(try await target.authenticate(secret: filled.revokedSecret) == nil)
                let userIDs = try await Self.allUsers(source, companyID: filled.companyID).map(\.id)
                func scans(_ store: Store) async throws -> [String] {
                    try await store.scans(companyID: filled.companyID, userIDs: userIDs, from: 0, through: 2_000_000_000, limits: .iFlowDefaults)
                        .values.flatMap { $0 }.map {
                            "\($0.scan) \($0.deviceLabel ?? "-") \($0.deletionReason ?? "-") \(Int(($0.recordedAt.timeIntervalSince1970 * 1_000).rounded()))"
                        }
                }
                #expect(try await scans(target) == scans(source))
                #expect(try await scans(target).count == 3)

                // MUT: the source changes, then is copied again
                _ = try await source.applyUserUpdate(
                    Self.update(["update_by": "cnp", "update_by_value": Self.cnps[1], "city": "Cluj-Napoca", "team_name": "Producție"]),
                    companyID: filled.companyID, actor: .commandLine
                )
                let again = try await target.copy(from: source)

                // validation
                #expect(again.tables.map(\.targetRows) == [2, 0, 0, 0, 0, 3, 15, 1, 0, 3, 0, 0, 4, 3, 3, 1])
                #expect(again.matches)
                let users = try await Self.allUsers(target, companyID: filled.companyID)
                #expect(users == (try await Self.allUsers(source, companyID: filled.companyID)))
                #expect(users.first { $0.values[.cnp] == Self.cnps[1] }?.values[.city] == "Cluj-Napoca")

                // MUT: new rows on the target after the copy
                let company = try await target.createCompany(name: "New SRL", timezone: "Europe/Bucharest")
                let key = try await target.createAPIKey(companyID: filled.companyID, label: "new", actor: .commandLine)
                let created = try await target.applyUserUpdate(
                    Self.update(["update_by": "cnp", "update_by_value": Self.cnps[2], "full_name": "Nou Angajat", "team_name": "Nouă"]),
                    companyID: filled.companyID, actor: .commandLine
                )
                try await target.setDay(
                    Self.plan("2025-03-05", shifts: "09:00-17:00"), userID: created.user.id, companyID: filled.companyID, calculator: Self.calculator,
                    actor: .commandLine)

                // validation: the sequences continue after the copied ids
                #expect(company.id == 3)
                #expect(key.id == 4)
                #expect(created.user.id == 5)
                #expect(created.user.teamID == 4)
                #expect(try await target.authenticate(secret: key.secret)?.keyID == 4)
            }
        }
    }

    @Test("copies the columns of a table a later migration would add, converting each type", .enabled(if: TestStores.postgresAdminURL != nil))
    func copiesTablesItDoesNotKnow() async throws {
        try await TestStores.withSQLiteFile { source in
            try await TestStores.withFreshPostgres { target in
                // setup: the same table on both, as a migration would create it
                try await target.migrate()
                _ = try await target.database().enum("mood").case("calm").case("busy").create()
                // FluentKit makes an `.enum` a native type on PostgreSQL and TEXT on SQLite.
                let moods: [(Store, DatabaseSchema.DataType)] = [
                    (source, .string), (target, .enum(.init(name: "mood", cases: ["calm", "busy"]))),
                ]
                for (store, mood) in moods {
                    try await store.database().schema("future_things")
                        .field("id", .int, .identifier(auto: true))
                        .field("company_id", .int, .required, .references("companies", "id"))
                        .field("flag", .bool, .required)
                        .field("at", .datetime)
                        .field("day", .date)
                        .field("ratio", .double)
                        .field("payload", .data)
                        .field("uid", .uuid)
                        .field("meta", .dictionary)
                        .field("mood", mood)
                        .create()
                }
                let company = try await source.createCompany(name: "Acme", timezone: "Europe/Bucharest")
                let uid = UUID()
                let at = Date(timeIntervalSince1970: 1_761_436_800.25)
                let day = Date(timeIntervalSince1970: 1_709_164_800)  // 2024-02-29T00:00:00Z
                try await source.sql().insert(into: "future_things")
                    .columns("id", "company_id", "flag", "at", "day", "ratio", "payload", "uid", "meta", "mood")
                    .values(
                        SQLBind(7), SQLBind(company.id!), SQLBind(true), SQLBind(at), SQLBind(day), SQLBind(0.5),
                        SQLBind(Data([0, 1, 254, 255])), SQLBind(uid), SQLBind(["hours": 8]), SQLBind("busy")
                    )
                    .values(
                        SQLBind(9), SQLBind(company.id!), SQLBind(false), SQLLiteral.null, SQLLiteral.null, SQLLiteral.null,
                        SQLLiteral.null, SQLLiteral.null, SQLLiteral.null, SQLLiteral.null
                    )
                    .run()

                // MUT
                let report = try await target.copy(from: source)

                // validation
                #expect(report.matches)
                let order = report.tables.map(\.name)
                #expect(
                    order == [
                        "companies", "data_keys", "plan_import_rows", "sign_in_attempts", "administrators", "api_keys", "audit_events", "devices",
                        "future_things", "locked_months", "teams", "admin_sessions", "locked_month_employees", "users", "day_plans", "scans",
                        "scan_deletions",
                    ], "each after the tables it references")
                struct Row: Decodable {
                    var id: Int
                    var flag: Bool
                    var at: Double?
                    var day: String?
                    var ratio: Double?
                    var payload: String?
                    var uid: String?
                    var hours: String?
                    var mood: String?
                }
                let rows = try await target.sql().raw(
                    """
                    SELECT id, flag, extract(epoch FROM at)::float8 AS at, day::text AS day, ratio, encode(payload, 'hex') AS payload,
                    uid::text AS uid, meta->>'hours' AS hours, mood::text AS mood FROM future_things ORDER BY id
                    """
                ).all(decoding: Row.self)
                #expect(rows.count == 2)
                let full = try #require(rows.first)
                #expect(full.id == 7)
                #expect(full.flag == true)
                #expect(full.at == 1_761_436_800.25)
                #expect(full.day == "2024-02-29")
                #expect(full.ratio == 0.5)
                #expect(full.payload == "0001feff")
                #expect(full.uid == uid.uuidString.lowercased())
                #expect(full.hours == "8")
                #expect(full.mood == "busy")
                let empty = try #require(rows.last)
                #expect(empty.id == 9)
                #expect(empty.flag == false)
                #expect(empty.at == nil && empty.day == nil && empty.payload == nil && empty.uid == nil && empty.mood == nil)
                struct Next: Decodable { var n: Int }
                let next = try await target.sql().raw("SELECT nextval(pg_get_serial_sequence('future_things', 'id')) AS n").first(decoding: Next.self)
                #expect(next?.n == 10)
            }
        }
    }

    @Test("refuses a source that is not an iflow database or is behind this binary's migrations")
    func refusesForeignSources() async throws {
        // setup: the target is never reached, so it needs no server
        let target = try Store(
            location: .postgres(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable"), poolSize: 1, keyring: TestStores.keyring,
            logger: TestStores.logger)
        defer { Task { await target.shutdown() } }
        let blank = try Store(location: .sqliteMemory, keyring: TestStores.keyring, logger: TestStores.logger)
        defer { Task { await blank.shutdown() } }

        // MUT + validation
        await #expect(throws: CopyError.notAnIFlowDatabase) { try await target.copy(from: blank) }
        try await blank.sql().raw("CREATE TABLE _fluent_migrations (id TEXT PRIMARY KEY, name TEXT, batch INTEGER)").run()
        try await blank.sql().raw("INSERT INTO _fluent_migrations (id, name, batch) VALUES ('a', '001_CreateCompany', 1)").run()
        await #expect(
            throws: CopyError.sourceNeedsMigration([
                "001_CreateAPIKey", "001_CreateTeam", "001_CreateUser", "001_CreateDayPlan", "002_SealPersonalNumbers", "002_CreateAuditEvent",
                "003_CreateAdministrator", "003_CreateAdminSession", "004_AddUserRowVersion", "005_CreateDataKeyRecord",
                "006_CreateSignInAttempt", "007_AddAttendance", "008_AddComplianceSettings", "009_CreateLockedMonth", "010_CreatePlanImportRow",
                "011_UnlogPlanImportRows", "012_AddLockedMonthTotals",
            ])
        ) {
            try await target.copy(from: blank)
        }
        await #expect(throws: CopyError.sourceNotSQLite) { try await target.copy(from: target) }
    }
}
