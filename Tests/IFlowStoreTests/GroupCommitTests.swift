import FluentKit
import Foundation
import IFlowCore
import Logging
import SQLKit
import Testing

@testable import IFlowStore

@Suite("Writes on an SQLite file (group commit, read connections)")
struct GroupCommitTests {
    struct Refused: Error, Equatable {
        var name: String
    }

    /// A migrated store on a new SQLite file, with one company; the file is removed afterwards.
    func withFileStore(_ body: (Store, Int) async throws -> Void) async throws {
        try await TestStores.withSQLiteFile { store in
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            try await body(store, try #require(company.id))
        }
    }

    static func insertTeam(_ name: String, companyID: Int, on sql: any SQLDatabase) async throws -> Int {
        let row =
            try await sql
            .raw("INSERT INTO teams (company_id, name) VALUES (\(bind: companyID), \(bind: name)) RETURNING id").first()
        return try #require(row).decode(column: "id", as: Int.self)
    }

    @Test("concurrent writes all commit, and a read connection sees each one as soon as it is acknowledged")
    func acknowledgedWritesAreVisible() async throws {
        try await withFileStore { store, companyID in
            // MUT
            let seen = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        let id = try await store.write { context in
                            try await Self.insertTeam("team \(index)", companyID: companyID, on: context.sql)
                        }
                        let row = try await store.readSQL().raw("SELECT count(*) AS n FROM teams WHERE id = \(bind: id)").first()
                        return try #require(row).decode(column: "n", as: Int.self)
                    }
                }
                return try await group.reduce(0, +)
            }

            // validation
            #expect(seen == 60)
            let total = try await store.readSQL().raw("SELECT count(*) AS n FROM teams").first()?.decode(column: "n", as: Int.self)
            #expect(total == 60)
        }
    }

    @Test("concurrent syncs naming the same new team create it once and all join it")
    func sharedTeam() async throws {
        try await withFileStore { store, companyID in
            // MUT
            let teamIDs = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        let update = try UserUpdate.parse([
                            "update_by": "id_card", "update_by_value": "RX\(200_000 + index)", "full_name": "Employee \(index)",
                            "team_name": index % 2 == 0 ? "Producție" : "Logistică",
                        ]).get()
                        return try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine).user.teamID
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }

            // validation
            struct Row: Decodable { var id: Int, name: String }
            let teams = try await store.readSQL().raw("SELECT id, name FROM teams ORDER BY name").all(decoding: Row.self)
            #expect(teams.map(\.name) == ["Logistică", "Producție"])
            #expect(Set(teamIDs) == Set(teams.map(\.id)))
            let members = try await store.readSQL().raw("SELECT count(*) AS n FROM users WHERE team_id IS NOT NULL").first()?.decode(
                column: "n", as: Int.self)
            #expect(members == 30)
        }
    }

    @Test("a write that throws is rolled back alone; the writes around it commit and get their own results")
    func failingWriteIsIsolated() async throws {
        try await withFileStore { store, companyID in
            // MUT
            let outcomes = await withTaskGroup(of: (Int, Result<Int, Refused>).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            let id = try await store.write { context in
                                let id = try await Self.insertTeam("team \(index)", companyID: companyID, on: context.sql)
                                if index % 5 == 0 { throw Refused(name: "team \(index)") }
                                return id
                            }
                            return (index, .success(id))
                        } catch let refused as Refused {
                            return (index, .failure(refused))
                        } catch {
                            return (index, .failure(Refused(name: "unexpected \(error)")))
                        }
                    }
                }
                return await group.reduce(into: [Int: Result<Int, Refused>]()) { $0[$1.0] = $1.1 }
            }

            // validation
            for (index, outcome) in outcomes {
                if index % 5 == 0 {
                    #expect(outcome == .failure(Refused(name: "team \(index)")))
                } else {
                    #expect((try? outcome.get()) != nil)
                }
            }
            struct Row: Decodable { var id: Int, name: String }
            let rows = try await store.readSQL().raw("SELECT id, name FROM teams ORDER BY id").all(decoding: Row.self)
            let expected = (0..<40).filter { $0 % 5 != 0 }
            #expect(Set(rows.map(\.name)) == Set(expected.map { "team \($0)" }))
            #expect(Set(rows.map(\.id)) == Set(expected.compactMap { try? outcomes[$0]?.get() }))
        }
    }

    @Test("a write's audit events commit with it, and go with it when it is rolled back alone")
    func auditFollowsItsWrite() async throws {
        try await withFileStore { store, companyID in
            // MUT: every fifth write records its event, then throws
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        _ = try? await store.write { context in
                            let id = try await Self.insertTeam("team \(index)", companyID: companyID, on: context.sql)
                            context.audit("team.created", entity: "team", entityID: id, fields: ["name"], companyID: companyID, actor: .commandLine)
                            if index % 5 == 0 { throw Refused(name: "team \(index)") }
                        }
                    }
                }
            }

            // validation: one event for each team that was kept, and none for the others
            struct Row: Decodable { var id: Int }
            let teams = try await store.readSQL().raw("SELECT id FROM teams").all(decoding: Row.self).map(\.id)
            let audited = try await store.readSQL().raw("SELECT entity_id AS id FROM audit_events WHERE action = 'team.created'")
                .all(decoding: Row.self).map(\.id)
            #expect(teams.count == 32)
            #expect(audited.sorted() == teams.sorted())
        }
    }

    @Test("a team created by a write rolled back alone is not reused by the writes after it in the batch")
    func rolledBackTeamIsForgotten() async throws {
        try await withFileStore { store, companyID in
            // setup: a write holds the writer, so the writes below wait and then run as one batch, in the order sent
            let holder = Task { try await store.write { _ in try await Task.sleep(for: .milliseconds(300)) } }
            try await Task.sleep(for: .milliseconds(50))
            let creator = Task {
                try await store.write { context in
                    _ = try await Store.findOrCreateTeam(name: "Producție", companyID: companyID, in: context)
                    throw Refused(name: "creator")
                }
            }
            try await Task.sleep(for: .milliseconds(50))

            // MUT
            let joiners = (0..<10).map { _ in
                Task { try await store.write { context in try await Store.findOrCreateTeam(name: "Producție", companyID: companyID, in: context) } }
            }

            // validation: the batch ran again write by write; the creator's team was rolled back, the first joiner made it anew
            try await holder.value
            await #expect(throws: Refused(name: "creator")) { try await creator.value }
            var ids: Set<Int> = []
            for joiner in joiners { ids.insert(try await joiner.value) }
            struct Row: Decodable { var id: Int }
            let teams = try await store.readSQL().raw("SELECT id FROM teams").all(decoding: Row.self).map(\.id)
            #expect(teams.count == 1)
            #expect(ids == Set(teams))
        }
    }

    @Test("read connections refuse writes")
    func readConnectionsAreReadOnly() async throws {
        try await withFileStore { store, companyID in
            // MUT
            await #expect(throws: (any Error).self) {
                try await store.readSQL().raw("INSERT INTO teams (company_id, name) VALUES (\(bind: companyID), 'x')").run()
            }

            // validation
            let teams = try await store.sql().raw("SELECT count(*) AS n FROM teams").first()?.decode(column: "n", as: Int.self)
            #expect(teams == 0)
        }
    }

    @Test("read connections decode every column type as FluentKit's connection does")
    func readConnectionsDecodeLikeFluent() async throws {
        try await withFileStore { store, companyID in
            // setup: one row of each SQLite storage class, and text that only looks like a number
            struct Row: Decodable, Equatable {
                var text: String
                var digits: String
                var missing: String?
                var number: Int
                var missingNumber: Int?
                var yes: Bool
                var no: Bool?
                var missingFlag: Bool?
                var ratio: Double
                var when: Date
            }
            let query: SQLQueryString = """
                SELECT 'Brașov' AS text, '0042' AS digits, NULL AS missing, 7 AS number, NULL AS missingNumber, 1 AS yes, 0 AS no, \
                NULL AS missingFlag, 2.5 AS ratio, \(bind: Date(timeIntervalSince1970: 1_750_000_000.25)) AS "when"
                """

            // MUT
            let read = try await store.readSQL().raw(query).first(decoding: Row.self)
            let fluent = try await store.sql().raw(query).first(decoding: Row.self)
            let row = try #require(try await store.readSQL().raw(query).first())

            // validation
            #expect(read != nil)
            #expect(read == fluent)
            #expect(read?.digits == "0042")
            #expect(try row.decode(column: "number", as: String.self) == "7")
            #expect(try row.decodeNil(column: "missing"))
            #expect(try row.decodeNil(column: "absent"))
            #expect(throws: (any Error).self) { try row.decode(column: "absent", as: String.self) }
            #expect(throws: (any Error).self) { try row.decode(column: "text", as: Int.self) }
        }
    }
}
