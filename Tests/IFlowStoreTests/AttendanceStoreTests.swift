import Crypto
import Foundation
import IFlowCore
import SQLKit
import Testing

@testable import IFlowStore

/// Badge terminals, recorded scans and the history pairing reads, on SQLite and PostgreSQL.
@Suite("Attendance store")
struct AttendanceStoreTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqliteFile
        case postgres

        var testDescription: String { rawValue }

        static var available: [Backend] { TestStores.postgresAdminURL == nil ? [.sqliteFile] : allCases }

        /// A migrated store with two companies: the one under test and another tenant.
        func withStore(poolSize: Int = 2, _ body: (Store, _ companyID: Int, _ otherCompanyID: Int) async throws -> Void) async throws {
            let run: (Store) async throws -> Void = { store in
                if case .postgres = self { try await store.migrate() }
                let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
                let other = try await store.createCompany(name: "Alta SRL", timezone: "Europe/Bucharest")
                try await body(store, try #require(company.id), try #require(other.id))
            }
            switch self {
            case .sqliteFile: try await TestStores.withSQLiteFile(run)
            case .postgres: try await TestStores.withFreshPostgres(poolSize: poolSize, run)
            }
        }
    }

    /// 2026-03-02 08:00 in Bucharest (06:00 UTC), a Monday.
    static let monday = 1_772_431_200
    static let limits = AttendanceLimits.iFlowDefaults

    /// Inserts enabled employees with badges `tagPrefix0`, `tagPrefix1`, … and answers their ids in that order.
    static func addEmployees(_ count: Int, tagPrefix: String = "TAG", store: Store, companyID: Int) async throws -> [Int] {
        try await store.write { context in
            var ids: [Int] = []
            for index in 0..<count {
                let row = try await context.sql.raw(
                    """
                    INSERT INTO users (company_id, full_name, is_enabled, rfid_tag) \
                    VALUES (\(bind: companyID), \(bind: "Angajat \(index)"), \(bind: true), \(bind: "\(tagPrefix)\(index)")) RETURNING id
                    """
                ).first()
                ids.append(try #require(try row?.decode(column: "id", as: Int.self)))
            }
            return ids
        }
    }

    static func terminalScan(_ userID: Int, _ instant: Int, arrival: ScanArrival = .offline) -> NewScan {
        NewScan(userID: userID, instant: instant, source: .terminal, arrival: arrival, rfidTag: "TAG")
    }

    static func kept(_ store: Store, companyID: Int, userID: Int) async throws -> [Int] {
        let scans = try await store.scans(companyID: companyID, userIDs: [userID], from: 0, through: Int(Int32.max), limits: limits)
        return (scans[userID] ?? []).filter { !$0.scan.isDeleted }.map(\.scan.instant)
    }

    @Test("a device's token is 78 digits, stored only as its hash, works for its company until revoked", arguments: Backend.available)
    func devices(backend: Backend) async throws {
        try await backend.withStore { store, companyID, otherCompanyID in
            // setup
            let settings = AttendanceSettings(limits: AttendanceLimits(timeBetweenCheckIns: 90, checkInResetLimit: 36_000), graceMinutes: 10)
            try await store.setAttendanceSettings(settings, companyID: companyID, actor: .commandLine)

            // MUT
            let issued = try await store.createDevice(companyID: companyID, label: "Poarta 1", actor: .commandLine)
            let device = try #require(try await store.authenticateDevice(token: issued.token))

            // validation
            #expect(issued.token.count == 78 && issued.token.allSatisfy(\.isASCII) && issued.token.allSatisfy(\.isNumber))
            #expect(device.deviceID == issued.id)
            #expect(device.company.id == companyID)
            #expect(device.company.attendance == settings)
            #expect(device.actor == AuditActor(kind: .device, id: issued.id, label: "Poarta 1 (\(issued.token.prefix(8))…)"))
            let stored = try await store.sql().raw("SELECT * FROM devices").all()
            #expect(stored.count == 1)
            for column in try #require(stored.first).allColumns {
                let value = try? stored[0].decode(column: column, as: String.self)
                #expect(value != issued.token, "\(column) holds the token")
            }
            #expect(
                try stored[0].decode(column: "token_hash", as: String.self)
                    == SHA256.hash(data: Data(issued.token.utf8)).map { String(format: "%02x", $0) }.joined())
            #expect(try await store.authenticateDevice(token: String(issued.token.dropLast()) + "x") == nil)
            #expect(try await store.authenticateDevice(token: String(repeating: "1", count: 78)) == nil)
            #expect(try await store.revokeDevice(id: issued.id, companyID: otherCompanyID, actor: .commandLine) == false)
            #expect(try await store.authenticateDevice(token: issued.token) != nil)
            #expect(try await store.revokeDevice(id: issued.id, companyID: companyID, actor: .commandLine) == true)
            #expect(try await store.authenticateDevice(token: issued.token) == nil)
            #expect(try await store.revokeDevice(id: issued.id, companyID: nil, actor: .commandLine) == false)
            let listed = try await store.devices(companyID: companyID)
            #expect(listed.map(\.id) == [issued.id])
            #expect(listed.first?.prefix == String(issued.token.prefix(8)))
            #expect(listed.first?.revokedAt != nil)
            #expect(try await store.devices(companyID: otherCompanyID).isEmpty)
            let actions = try await store.auditEvents(companyID: companyID, filter: AuditFilter()).events.map(\.action)
            #expect(actions.sorted() == ["company.attendance_settings", "device.created", "device.revoked"])
        }
    }

    @Test("a batch stores what is not a duplicate; the same batch again stores nothing", arguments: Backend.available)
    func repeatedBatch(backend: Backend) async throws {
        try await backend.withStore { store, companyID, _ in
            // setup
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let t = Self.monday
            let batch = [
                Self.terminalScan(ids[0], t + 3_600), Self.terminalScan(ids[0], t), Self.terminalScan(ids[1], t), Self.terminalScan(ids[0], t + 30),
                Self.terminalScan(ids[0], t + 3_659),
            ]

            // MUT
            let first = try await store.recordScans(batch, companyID: companyID, limits: Self.limits, actor: .commandLine)
            let second = try await store.recordScans(batch, companyID: companyID, limits: Self.limits, actor: .commandLine)

            // validation
            #expect(first.outcomes == [.stored, .stored, .stored, .duplicateOfRow(1), .duplicateOfRow(0)])
            #expect(first.ids.map { $0 != nil } == [true, true, true, false, false])
            let firstIDs = first.ids.compactMap { $0 }
            #expect(
                second.outcomes == [
                    .duplicateOfScan(firstIDs[0]), .duplicateOfScan(firstIDs[1]), .duplicateOfScan(firstIDs[2]),
                    .duplicateOfScan(firstIDs[1]), .duplicateOfScan(firstIDs[0]),
                ])
            #expect(second.ids.allSatisfy { $0 == nil })
            #expect(try await Self.kept(store, companyID: companyID, userID: ids[0]) == [t, t + 3_600])
            #expect(try await Self.kept(store, companyID: companyID, userID: ids[1]) == [t])
            let events = try await store.auditEvents(companyID: companyID, filter: AuditFilter()).events
            #expect(events.map(\.action) == ["attendance.scanned", "attendance.scanned"])
        }
    }

    @Test("a chain of scans every 10 h for a week before the range pairs as if every scan were read", arguments: Backend.available)
    func historyBeforeRange(backend: Backend) async throws {
        try await backend.withStore { store, companyID, _ in
            // setup: 10 h apart is under the 13 h reset limit, so no gap resets pairing within the chain
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let from = Self.monday + 7 * 86_400
            let chain = (0..<20).map { Self.monday + $0 * 36_000 }
            let early = [Self.monday - 30 * 86_400, Self.monday - 29 * 86_400]
            let rows = (early + chain).map { Self.terminalScan(ids[0], $0) } + [Self.terminalScan(ids[1], from - 3_600)]
            _ = try await store.recordScans(rows, companyID: companyID, limits: Self.limits, actor: .commandLine)

            // MUT
            let scans = try await store.scans(companyID: companyID, userIDs: ids, from: from, through: from + 86_400, limits: Self.limits)
            let everything = try await store.scans(companyID: companyID, userIDs: ids, from: 0, through: from + 86_400, limits: Self.limits)

            // validation: history starts at the chain's first scan, the first after a gap longer than the limit
            let loaded = try #require(scans[ids[0]]).map(\.scan)
            #expect(loaded.map(\.instant) == chain)
            let all = try #require(everything[ids[0]]).map(\.scan)
            let pairsFromHistory = ScanPairing(scans: loaded, limits: Self.limits).pairs.filter { $0.checkIn >= chain[0] }
            let pairsFromAll = ScanPairing(scans: all, limits: Self.limits).pairs.filter { $0.checkIn >= chain[0] }
            #expect(pairsFromHistory == pairsFromAll)
            #expect(try #require(scans[ids[1]]).map(\.scan.instant) == [from - 3_600])
        }
    }
}
