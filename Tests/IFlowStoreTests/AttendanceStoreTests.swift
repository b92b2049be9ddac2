import Crypto
import Foundation
import IFlowCore
import IFlowTestSupport
import SQLKit
import Testing

@testable import IFlowStore

/// Badge terminals, recorded scans and the history pairing reads, on SQLite and PostgreSQL.
@Suite("Attendance store")
struct AttendanceStoreTests {
    typealias Backend = StoreBackend

    /// A migrated store with two companies: the one under test and another tenant.
    static func withStore(
        on backend: Backend, poolSize: Int = 2, _ body: (Store, _ companyID: Int, _ otherCompanyID: Int) async throws -> Void
    ) async throws {
        try await backend.withMigratedStore(poolSize: poolSize) { store in
            let company = try await store.createCompany(name: "Acme SRL", timezone: "Europe/Bucharest")
            let other = try await store.createCompany(name: "Alta SRL", timezone: "Europe/Bucharest")
            try await body(store, try #require(company.id), try #require(other.id))
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
        try await Self.withStore(on: backend) { store, companyID, otherCompanyID in
            // setup
            let settings = AttendanceSettings(limits: AttendanceLimits(timeBetweenCheckIns: 90, checkInResetLimit: 36_000), graceMinutes: 10)
            try await store.setAttendanceSettings(settings, companyID: companyID, actor: .commandLine)

            // MUT
            let issued = try await store.createDevice(companyID: companyID, label: "Poarta 1", actor: .commandLine)
            let device = try #require(try await store.authenticateDevice(token: issued.token))
            try await store.recordDeviceUse([issued.id: Date(timeIntervalSince1970: 1_772_431_200)])

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
            #expect(listed.first?.lastSeenAt == Date(timeIntervalSince1970: 1_772_431_200))
            #expect(try await store.devices(companyID: otherCompanyID).isEmpty)
            let actions = try await store.auditEvents(companyID: companyID, filter: AuditFilter()).events.map(\.action)
            #expect(actions.sorted() == ["company.attendance_settings", "device.created", "device.revoked"])
        }
    }

    @Test("a batch stores what is not a duplicate; the same batch again stores nothing", arguments: Backend.available)
    func repeatedBatch(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
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
        try await Self.withStore(on: backend) { store, companyID, _ in
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

    @Test("the company's settings reach every CompanyContext; settings out of range change nothing", arguments: Backend.available)
    func settingsInContexts(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup
            let key = try await store.createAPIKey(companyID: companyID, label: "payroll", actor: .commandLine)
            let administrator = try await store.createAdministrator(companyID: companyID, email: "a@acme.ro", password: "parola-lunga-9", cost: 4)
            let session = try await store.createAdminSession(administratorID: try administrator.requireID(), lifetime: 3_600)
            #expect(try await store.authenticate(secret: key.secret)?.company.attendance == .iFlowDefaults)
            let settings = AttendanceSettings(limits: AttendanceLimits(timeBetweenCheckIns: 120, checkInResetLimit: 50_000), graceMinutes: 0)

            // MUT
            try await store.setAttendanceSettings(settings, companyID: companyID, actor: .commandLine)
            let refused = await #expect(throws: ValidationFailure.self) {
                let nonsense = AttendanceSettings(limits: AttendanceLimits(timeBetweenCheckIns: 0, checkInResetLimit: 100), graceMinutes: 500)
                try await store.setAttendanceSettings(nonsense, companyID: companyID, actor: .commandLine)
            }

            // validation
            #expect(refused?.issues.map(\.field) == ["time_between_check_ins", "check_in_reset_limit", "grace_minutes"])
            #expect(refused?.issues.map(\.check) == [.between, .between, .between])
            #expect(try await store.authenticate(secret: key.secret)?.company.attendance == settings)
            #expect(try await store.signedInAdministrator(token: session.token)?.company.attendance == settings)
            #expect(try await store.company(id: companyID)?.context?.attendance == settings)
        }
    }

    @Test(
        "a scan within 60 s of a kept one is a duplicate, exactly 60 s is not, and a late batch is read in time order", arguments: Backend.available)
    func duplicatesAndOutOfOrder(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: a live scan at t + 100
            let id = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            let t = Self.monday
            let live = try await store.recordScans(
                [Self.terminalScan(id, t + 100, arrival: .live)], companyID: companyID, limits: Self.limits, actor: .commandLine)
            let liveID = try #require(live.ids[0])

            // MUT: the offline batch arrives later, its rows out of order
            let batch = [t + 160, t + 130, t, t + 41, t + 219].map { Self.terminalScan(id, $0) }
            let recorded = try await store.recordScans(batch, companyID: companyID, limits: Self.limits, actor: .commandLine)

            // validation
            #expect(recorded.outcomes == [.stored, .duplicateOfScan(liveID), .stored, .duplicateOfRow(2), .duplicateOfRow(0)])
            #expect(try await Self.kept(store, companyID: companyID, userID: id) == [t, t + 100, t + 160])
            let stored = try #require(try await store.scans(companyID: companyID, userIDs: [id], from: t, through: t, limits: Self.limits)[id])
            #expect(stored.map(\.arrival) == [.offline, .live, .offline])
            #expect(stored.allSatisfy { $0.actorLabel == "iflow command line" && $0.rfidTag == "TAG" && $0.deletedAt == nil })
        }
    }

    /// A live scan of `tag` from the terminal `token`, admitted unless `refuse` gives seconds to wait.
    static func liveScan(_ token: String, _ tag: String, refuse: Int? = nil) -> LiveScan {
        LiveScan(
            token: token, rfidTag: tag, admit: { _ in refuse },
            calculator: { ScheduleCalculator(timeZone: $0, holidays: .romania) })
    }

    @Test(
        "a live scan finds its terminal and badge in its write: only the terminal's company's holder, nothing stored otherwise",
        arguments: Backend.available)
    func liveScanTerminalAndBadge(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, otherCompanyID in
            // setup: an employee, a disabled one, a stranger of another company, a terminal revoked later
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let mine = ids[0]
            try await store.write { context in
                try await context.sql.raw("UPDATE users SET is_enabled = \(bind: false) WHERE id = \(bind: ids[1])").run()
            }
            _ = try await Self.addEmployees(1, tagPrefix: "OTHER", store: store, companyID: otherCompanyID)
            let issued = try await store.createDevice(companyID: companyID, label: "Poarta 1", actor: .commandLine)
            let before = Int(Date().timeIntervalSince1970)

            // MUT
            let own = try await store.recordLiveScan(Self.liveScan(issued.token, "TAG0"))
            let foreign = try await store.recordLiveScan(Self.liveScan(issued.token, "OTHER0"))
            let unknown = try await store.recordLiveScan(Self.liveScan(issued.token, "NOBODY"))
            let disabled = try await store.recordLiveScan(Self.liveScan(issued.token, "TAG1"))
            let refused = try await store.recordLiveScan(Self.liveScan(issued.token, "TAG0", refuse: 7))
            let wrongToken = try await store.recordLiveScan(Self.liveScan(String(repeating: "1", count: 78), "TAG0"))
            let malformed = try await store.recordLiveScan(Self.liveScan("12", "TAG0"))
            #expect(try await store.revokeDevice(id: issued.id, companyID: companyID, actor: .commandLine))
            let revoked = try await store.recordLiveScan(Self.liveScan(issued.token, "TAG0"))
            let after = Int(Date().timeIntervalSince1970)

            // validation
            guard case .recorded(let device, let holder, let instant, let scans) = own else {
                Issue.record("own badge: \(own)")
                return
            }
            #expect(device.deviceID == issued.id && device.company.id == companyID && device.actor.kind == .device)
            #expect(holder.userID == mine && holder.rfidTag == "TAG0" && holder.fullName == "Angajat 0")
            #expect(instant >= before && instant <= after)
            #expect(scans.outcomes == [.stored] && scans.dayScans[mine]?.map(\.instant) == [instant])
            if case .unknownTag(let device) = foreign { #expect(device.deviceID == issued.id) } else { Issue.record("foreign: \(foreign)") }
            if case .unknownTag = unknown {} else { Issue.record("unknown: \(unknown)") }
            if case .inactive(_, let employee, _) = disabled { #expect(employee.userID == ids[1]) } else { Issue.record("disabled: \(disabled)") }
            if case .refused(_, let retryAfter) = refused { #expect(retryAfter == 7) } else { Issue.record("refused: \(refused)") }
            for outcome in [wrongToken, malformed, revoked] {
                if case .unknownDevice = outcome {} else { Issue.record("expected an unknown terminal: \(outcome)") }
            }
            #expect(try await Self.kept(store, companyID: companyID, userID: mine) == [instant])
            #expect(try await Self.kept(store, companyID: companyID, userID: ids[1]).isEmpty)
        }
    }

    @Test(
        "live scans of one badge from many terminals at once store one scan, stamped after the employee is locked",
        arguments: Backend.available)
    func liveScansOfOneBadgeAtOnce(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: eight terminals, one employee
            let mine = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            var tokens: [String] = []
            for index in 0..<8 { tokens.append(try await store.createDevice(companyID: companyID, label: "T\(index)", actor: .commandLine).token) }

            // MUT: every terminal at once, twice over
            let outcomes = try await withThrowingTaskGroup(of: LiveScanOutcome.self) { group in
                for token in tokens + tokens { group.addTask { try await store.recordLiveScan(Self.liveScan(token, "TAG0")) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // validation: one stored, every other a duplicate of it
            var stored: [Int64] = []
            var duplicates: [Int64] = []
            for outcome in outcomes {
                guard case .recorded(_, _, _, let scans) = outcome else {
                    Issue.record("not recorded: \(outcome)")
                    continue
                }
                switch scans.outcomes.first {
                case .stored: stored += scans.ids.compactMap { $0 }
                case .duplicateOfScan(let id): duplicates.append(id)
                default: Issue.record("outcome: \(scans.outcomes)")
                }
            }
            #expect(stored.count == 1 && duplicates.count == 15 && duplicates.allSatisfy { $0 == stored.first })
            #expect(try await Self.kept(store, companyID: companyID, userID: mine).count == 1)
        }
    }

    @Test(
        "a live scan's day is read in its write: the same scans reportScans reads after it, for each of concurrent scans",
        arguments: Backend.available)
    func dayScansInTheWrite(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: two employees; the first checked in at 22:00 the evening before (history the pairing needs) and at 08:00
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let midnight = Self.monday - 8 * 3_600
            let earlier = [Self.terminalScan(ids[0], midnight - 2 * 3_600), Self.terminalScan(ids[0], Self.monday)]
            _ = try await store.recordScans(earlier, companyID: companyID, limits: Self.limits, actor: .commandLine)
            let t = Self.monday + 4 * 3_600

            // MUT: both employees scan at once, alone, as live scans do
            async let first = store.recordScans(
                [Self.terminalScan(ids[0], t, arrival: .live)], companyID: companyID, limits: Self.limits, actor: .commandLine,
                dayScansFrom: midnight)
            async let second = store.recordScans(
                [Self.terminalScan(ids[1], t, arrival: .live)], companyID: companyID, limits: Self.limits, actor: .commandLine,
                dayScansFrom: midnight)
            let (one, two) = try await (first, second)

            // validation
            let read = try await store.reportScans(companyID: companyID, userIDs: ids, from: midnight, through: t, limits: Self.limits)
            #expect(one.dayScans[ids[0]] == read[ids[0]])
            #expect(two.dayScans[ids[1]] == read[ids[1]])
            #expect(read[ids[0]]?.map(\.instant) == [midnight - 2 * 3_600, Self.monday, t])
            #expect(one.dayScans[ids[0]]?.last?.id == one.ids[0] && one.ids[0] != nil)
            let secondID = try #require(two.ids[0])
            #expect(two.dayScans[ids[1]]?.map(\.id) == [secondID])
            let plain = try await store.recordScans(
                [Self.terminalScan(ids[1], t + 3_600)], companyID: companyID, limits: Self.limits, actor: .commandLine)
            #expect(plain.dayScans.isEmpty)
        }
    }

    @Test(
        "a live scan just after the day's start is a duplicate of a scan just before it, and of no deleted scan, as an offline one is",
        arguments: Backend.available)
    func liveDuplicateAcrossTheDaysStart(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: the first employee worked from 15:00 to 20 s before midnight; the second scanned 20 s before midnight
            // too, but that scan was deleted
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let midnight = Self.monday - 8 * 3_600
            let before = try await store.recordScans(
                [
                    Self.terminalScan(ids[0], midnight - 9 * 3_600), Self.terminalScan(ids[0], midnight - 20),
                    Self.terminalScan(ids[1], midnight - 20),
                ],
                companyID: companyID, limits: Self.limits, actor: .commandLine)
            let original = try #require(before.ids[1])
            _ = try await store.deleteScan(id: try #require(before.ids[2]), companyID: companyID, reason: "test", actor: .commandLine)

            // MUT: each scans 30 s after midnight (within the 60 s window of the scan before it), as a live scan
            let live = try await store.recordScans(
                [Self.terminalScan(ids[0], midnight + 30, arrival: .live), Self.terminalScan(ids[1], midnight + 30, arrival: .live)],
                companyID: companyID, limits: Self.limits, actor: .commandLine, dayScansFrom: midnight)

            // validation: the first is a duplicate of the scan before midnight and not stored; the second is stored
            #expect(live.outcomes == [.duplicateOfScan(original), .stored])
            #expect(live.ids[0] == nil && live.ids[1] != nil)
            #expect(try await Self.kept(store, companyID: companyID, userID: ids[0]) == [midnight - 9 * 3_600, midnight - 20])
            #expect(try await Self.kept(store, companyID: companyID, userID: ids[1]) == [midnight + 30])
            let read = try await store.reportScans(companyID: companyID, userIDs: ids, from: midnight, through: midnight + 30, limits: Self.limits)
            #expect(live.dayScans[ids[0]] == read[ids[0]])
            #expect(live.dayScans[ids[1]] == read[ids[1]])
            #expect(live.dayScans[ids[1]]?.last?.id == live.ids[1])
        }
    }

    @Test("a scan of another company's employee is refused and nothing of its batch is stored", arguments: Backend.available)
    func otherCompanysEmployee(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, otherCompanyID in
            // setup
            let mine = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            let theirs = try await Self.addEmployees(1, tagPrefix: "OTHER", store: store, companyID: otherCompanyID)[0]

            // MUT
            await #expect(throws: StoreError.self) {
                try await store.recordScans(
                    [Self.terminalScan(mine, Self.monday), Self.terminalScan(theirs, Self.monday)], companyID: companyID, limits: Self.limits,
                    actor: .commandLine
                )
            }

            // validation
            #expect(try await Self.kept(store, companyID: companyID, userID: mine).isEmpty)
            #expect(try await store.scans(companyID: companyID, userIDs: [theirs], from: 0, through: Int(Int32.max), limits: Self.limits).isEmpty)
            #expect(try await store.scanEmployees(companyID: companyID, rfidTags: ["TAG0", "OTHER0", "NOBODY"]).keys.sorted() == ["TAG0"])
            #expect(try await store.scanEmployee(companyID: companyID, userID: theirs) == nil)
            #expect(try await store.scanEmployee(companyID: otherCompanyID, userID: theirs)?.rfidTag == "OTHER0")
        }
    }

    @Test("a scan employee carries team, mark number, state and employment dates", arguments: Backend.available)
    func scanEmployeeFields(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup
            let cnp = CNP.makeValid(sex: .male, birthDate: LocalDate(year: 1985, month: 3, day: 14)!, county: 8, serial: 123)
            let update = try UserUpdate.parse([
                "update_by": "cnp", "update_by_value": cnp, "rfid_tag": "04A1B2", "full_name": "Ion Pop", "team_name": "Producție",
                "mark_number": "M7",
                "employment_date": "2020-01-10", "disable_date": "2026-06-30", "is_enabled": "0",
            ]).get()
            let created = try await store.applyUserUpdate(update, companyID: companyID, actor: .commandLine)

            // MUT
            let employee = try #require(try await store.scanEmployees(companyID: companyID, rfidTags: ["04A1B2"])["04A1B2"])

            // validation
            #expect(employee.userID == created.user.id)
            #expect(employee.fullName == "Ion Pop")
            #expect(employee.teamName == "Producție" && employee.teamID != nil)
            #expect(employee.markNumber == "M7")
            #expect(employee.isDisabled)
            #expect(employee.employmentDate == LocalDate(year: 2020, month: 1, day: 10))
            #expect(employee.disableDate == LocalDate(year: 2026, month: 6, day: 30))
        }
    }

    @Test("a batch of 10,000 rows across 500 employees is stored in one call, and nothing of it a second time", arguments: Backend.available)
    func largeBatch(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: 20 scans per employee, 4 h apart, the batch ordered by time as a terminal's memory is
            let ids = try await Self.addEmployees(500, store: store, companyID: companyID)
            let rows = (0..<20).flatMap { step in ids.map { Self.terminalScan($0, Self.monday + step * 14_400) } }
            let clock = ContinuousClock()

            // MUT
            var first: RecordedScans?
            let firstTime = try await clock.measure {
                first = try await store.recordScans(rows, companyID: companyID, limits: Self.limits, actor: .commandLine)
            }
            var second: RecordedScans?
            let secondTime = try await clock.measure {
                second = try await store.recordScans(rows, companyID: companyID, limits: Self.limits, actor: .commandLine)
            }

            // validation
            print("10,000-row batch on \(backend): first \(firstTime), repeated \(secondTime)")
            let stored = try #require(first)
            #expect(stored.outcomes.allSatisfy { $0 == .stored })
            #expect(Set(stored.ids.compactMap { $0 }).count == 10_000)
            let repeated = try #require(second)
            #expect(repeated.outcomes.allSatisfy { if case .duplicateOfScan = $0 { true } else { false } })
            struct Count: Decodable { var n: Int }
            #expect(try await store.sql().raw("SELECT COUNT(*) AS n FROM scans").first(decoding: Count.self)?.n == 10_000)
            let scans = try await store.scans(
                companyID: companyID, userIDs: ids, from: Self.monday, through: Self.monday + 4 * 86_400, limits: Self.limits)
            #expect(scans.count == 500 && scans.values.allSatisfy { $0.count == 20 })
            var filter = AuditFilter()
            filter.limit = 1_000
            let events = try await store.auditEvents(companyID: companyID, filter: filter).events
            #expect(events.count == 500 && events.allSatisfy { $0.action == "attendance.scanned" && $0.detail.hasPrefix("20 scans from ") })
        }
    }

    @Test("a deleted scan stays, flagged and audited; deleting it again or from another company changes nothing", arguments: Backend.available)
    func deleteScan(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, otherCompanyID in
            // setup
            let id = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            let recorded = try await store.recordScans(
                [Self.terminalScan(id, Self.monday), Self.terminalScan(id, Self.monday + 28_800)], companyID: companyID, limits: Self.limits,
                actor: .commandLine
            )
            let scanID = try #require(recorded.ids[0])
            let administrator = AuditActor(kind: .administrator, id: 7, label: "sef@acme.ro")

            // MUT
            let other = try await store.deleteScan(id: scanID, companyID: otherCompanyID, reason: "nu", actor: .commandLine)
            let deleted = try await store.deleteScan(id: scanID, companyID: companyID, reason: "badge lent to a colleague", actor: administrator)
            let again = try await store.deleteScan(id: scanID, companyID: companyID, reason: "again", actor: administrator)
            let missing = try await store.deleteScan(id: scanID + 1_000, companyID: companyID, reason: "none", actor: administrator)

            // validation
            #expect(other == .notFound)
            #expect(deleted == .deleted(userID: id))
            #expect(again == .alreadyDeleted)
            #expect(missing == .notFound)
            let scans = try #require(
                try await store.scans(companyID: companyID, userIDs: [id], from: 0, through: Self.monday, limits: Self.limits)[id])
            #expect(scans.map(\.scan.id) == recorded.ids.compactMap { $0 })
            #expect(scans[0].scan.isDeleted && scans[0].deletionReason == "badge lent to a colleague" && scans[0].deletedBy == "sef@acme.ro")
            #expect(scans[0].deletedAt != nil)
            #expect(!scans[1].scan.isDeleted && scans[1].deletionReason == nil)
            let events = try await store.auditEvents(companyID: companyID, filter: AuditFilter()).events
            #expect(events.map(\.action) == ["attendance.deleted", "attendance.scanned"])
            #expect(events.first?.actorLabel == "sef@acme.ro")
            #expect(events.first?.detail == "scan \(scanID): badge lent to a colleague")
            #expect(try await store.auditEvents(companyID: otherCompanyID, filter: AuditFilter()).events.isEmpty)
            // A deleted scan no longer makes a scan at its instant a duplicate.
            let rescanned = try await store.recordScans(
                [Self.terminalScan(id, Self.monday + 10)], companyID: companyID, limits: Self.limits, actor: .commandLine)
            #expect(rescanned.outcomes == [.stored])
        }
    }

    @Test("a report's bare scans are the full read's scans: sources, forced directions, terminals and deletions", arguments: Backend.available)
    func reportScansMatchTheFullRead(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup
            let ids = try await Self.addEmployees(3, store: store, companyID: companyID)
            let device = try await store.createDevice(companyID: companyID, label: "Poarta 1", actor: .commandLine)
            let rows = [
                NewScan(userID: ids[0], instant: Self.monday, source: .terminal, arrival: .live, deviceID: device.id, rfidTag: "TAG0"),
                NewScan(userID: ids[0], instant: Self.monday + 3_600, source: .api, arrival: .entry, direction: .checkOut, note: "uitat"),
                NewScan(userID: ids[0], instant: Self.monday + 7_200, source: .web, arrival: .entry, direction: .checkIn),
                NewScan(userID: ids[1], instant: Self.monday - 3_600, source: .terminal, arrival: .offline, deviceID: device.id, rfidTag: "TAG1"),
                NewScan(userID: ids[1], instant: Self.monday + 60, source: .terminal, arrival: .offline, rfidTag: "TAG1"),
            ]
            let recorded = try await store.recordScans(rows, companyID: companyID, limits: Self.limits, actor: .commandLine)
            let deleted = try #require(recorded.ids[4])
            #expect(try await store.deleteScan(id: deleted, companyID: companyID, reason: "test", actor: .commandLine) == .deleted(userID: ids[1]))

            // MUT
            let bare = try await store.reportScans(
                companyID: companyID, userIDs: ids, from: Self.monday, through: Self.monday + 86_400, limits: Self.limits)
            let full = try await store.scans(
                companyID: companyID, userIDs: ids, from: Self.monday, through: Self.monday + 86_400, limits: Self.limits)

            // validation
            #expect(bare[ids[0]] == full[ids[0]]?.map(\.scan))
            #expect(bare[ids[1]] == full[ids[1]]?.map(\.scan))
            #expect(bare[ids[2]] == nil && full[ids[2]] == nil)
            let first = try #require(bare[ids[0]])
            #expect(first.map(\.source) == [.terminal, .api, .web])
            #expect(first.map(\.direction) == [nil, .checkOut, .checkIn])
            #expect(first.map(\.deviceID) == [device.id, nil, nil])
            let second = try #require(bare[ids[1]])
            // The check-in an hour before the range is history the pairing needs; the second scan is deleted.
            #expect(second.map(\.instant) == [Self.monday - 3_600, Self.monday + 60])
            #expect(second.map(\.isDeleted) == [false, true])
        }
    }

    @Test("a report's bare scans come in (instant, id) order whatever order they were stored in", arguments: Backend.available)
    func reportScansInTimeOrder(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: 60 scans of two employees stored one by one in a scrambled order (37 × k mod 60), so the table's
            // order is not the time order
            let ids = try await Self.addEmployees(2, store: store, companyID: companyID)
            let instants = (0..<30).map { Self.monday + $0 * 7_000 }
            let rows = ids.flatMap { id in instants.map { NewScan(userID: id, instant: $0, source: .terminal, arrival: .offline) } }
            for k in 0..<rows.count {
                let row = rows[k * 37 % rows.count]
                let recorded = try await store.recordScans([row], companyID: companyID, limits: Self.limits, actor: .commandLine)
                #expect(recorded.outcomes == [.stored])
            }
            // With statistics of a table this small PostgreSQL reads it in its stored order rather than by the index.
            try await store.sql().raw("ANALYZE scans").run()

            // MUT
            let bare = try await store.reportScans(
                companyID: companyID, userIDs: ids, from: Self.monday, through: Self.monday + 30 * 7_000, limits: Self.limits)

            // validation: every scan, in (instant, id) order
            for id in ids {
                let scans = try #require(bare[id])
                #expect(scans.count == 30)
                #expect(scans.map(\.instant) == instants)
                #expect(zip(scans, scans.dropFirst()).allSatisfy { ($0.instant, $0.id) < ($1.instant, $1.id) })
            }
        }
    }

    /// Runs `body` with the stores concurrent callers use: on PostgreSQL two stores on one database, as two servers.
    static func withConcurrentStores(_ backend: Backend, _ body: ([Store], Int) async throws -> Void) async throws {
        try await Self.withStore(on: backend, poolSize: 8) { store, companyID, _ in
            guard case .postgres = backend else { return try await body([store], companyID) }
            let second = try Store(
                location: store.location, poolSize: 8, poolTimeout: testPoolTimeout, keyring: TestStores.keyring, logger: TestStores.logger)
            defer { Task { await second.shutdown() } }
            try await body([store, second], companyID)
        }
    }

    @Test("two terminals scanning one badge at the same instant store exactly one scan", arguments: Backend.available)
    func twoTerminalsOneBadge(backend: Backend) async throws {
        try await Self.withConcurrentStores(backend) { stores, companyID in
            // setup
            let id = try await Self.addEmployees(1, store: stores[0], companyID: companyID)[0]

            // MUT: 20 rounds of two simultaneous scans, a minute and a half apart
            for round in 0..<20 {
                let instant = Self.monday + round * 90
                try await withThrowingTaskGroup(of: RecordedScans.self) { group in
                    for terminal in 0..<2 {
                        let store = stores[terminal % stores.count]
                        group.addTask {
                            try await store.recordScans(
                                [NewScan(userID: id, instant: instant, source: .terminal, arrival: .live, rfidTag: "TAG0")], companyID: companyID,
                                limits: Self.limits, actor: .commandLine
                            )
                        }
                    }
                    let outcomes = try await group.reduce(into: []) { $0 += $1.outcomes }
                    #expect(outcomes.filter { $0 == .stored }.count == 1, "round \(round): \(outcomes)")
                }
            }

            // validation
            #expect(try await Self.kept(stores[0], companyID: companyID, userID: id) == (0..<20).map { Self.monday + $0 * 90 })
        }
    }

    @Test("32 terminals scanning several badges at once never store two scans of one employee less than 60 s apart", arguments: Backend.available)
    func thirtyTwoTerminals(backend: Backend) async throws {
        try await Self.withConcurrentStores(backend) { stores, companyID in
            // setup: 6 employees; each of 32 terminals goes through 10 moments 90 s apart and at each sends one request
            // with 1 to 3 random badges (in random order), all terminals at the same instant, so any two scans of one
            // employee at one moment are duplicates of each other whichever arrives first
            let ids = try await Self.addEmployees(6, store: stores[0], companyID: companyID)
            var generator = SystemRandomNumberGenerator()
            let moments = (0..<10).map { Self.monday + $0 * 90 }
            let requests = (0..<32).map { _ in
                moments.map { instant in
                    ids.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)).map {
                        Self.terminalScan($0, instant, arrival: .live)
                    }
                }
            }

            // MUT
            let stored = try await withThrowingTaskGroup(of: [NewScan].self) { group in
                for (terminal, rounds) in requests.enumerated() {
                    let store = stores[terminal % stores.count]
                    group.addTask {
                        var stored: [NewScan] = []
                        for rows in rounds {
                            let recorded = try await store.recordScans(rows, companyID: companyID, limits: Self.limits, actor: .commandLine)
                            stored += zip(rows, recorded.outcomes).filter { $0.1 == .stored }.map(\.0)
                        }
                        return stored
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }

            // validation: each employee scanned at a moment has exactly that moment's one scan
            for id in ids {
                let scanned = Set(requests.joined().joined().filter { $0.userID == id }.map(\.instant)).sorted()
                let instants = try await Self.kept(stores[0], companyID: companyID, userID: id)
                #expect(instants == scanned, "employee \(id)")
                #expect(zip(instants.dropFirst(), instants).allSatisfy { $0 - $1 >= 60 })
                #expect(stored.filter { $0.userID == id }.map(\.instant).sorted() == instants)
            }
        }
    }

    @Test(
        "single scans sent at once are answered as if each were recorded alone, whoever sent them and for whichever company",
        arguments: Backend.available)
    func singleScansAtOnce(backend: Backend) async throws {
        try await Self.withStore(on: backend, poolSize: 8) { store, companyID, otherID in
            // setup: 4 badges of the company and 1 of the other; two terminals (senders) of the company
            let ids = try await Self.addEmployees(4, store: store, companyID: companyID)
            let other = try await Self.addEmployees(1, store: store, companyID: otherID)[0]
            let senders = [AuditActor(kind: .device, id: 1, label: "Poarta (1234…)"), AuditActor(kind: .device, id: 2, label: "Hala (5678…)")]
            struct Sent: Sendable {
                var scan: NewScan
                var companyID: Int
                var actor: AuditActor
            }
            // Each employee of the company scanned 8 times at one instant by both terminals (a live scan carries the
            // server's now); the other company's once; and one scan of the other company's employee sent as the
            // company's, which must fail alone.
            var sent: [Sent] = []
            for (index, id) in ids.enumerated() {
                for round in 0..<8 {
                    sent.append(
                        Sent(
                            scan: Self.terminalScan(id, Self.monday + index, arrival: .live), companyID: companyID,
                            actor: senders[round % 2]))
                }
            }
            sent.append(Sent(scan: Self.terminalScan(other, Self.monday, arrival: .live), companyID: otherID, actor: senders[0]))
            let intruder = Sent(scan: Self.terminalScan(other, Self.monday + 30, arrival: .live), companyID: companyID, actor: senders[1])

            // MUT: all at once (on SQLite they share group commits)
            let answers = try await withThrowingTaskGroup(of: (Int, RecordedScans?).self) { group in
                for (index, entry) in (sent + [intruder]).enumerated() {
                    group.addTask {
                        do {
                            return (
                                index, try await store.recordScans([entry.scan], companyID: entry.companyID, limits: Self.limits, actor: entry.actor)
                            )
                        } catch StoreError.notInCompany {
                            return (index, nil)
                        }
                    }
                }
                return try await group.reduce(into: [Int: RecordedScans?]()) { $0[$1.0] = $1.1 }
            }

            // validation: the intruder alone was refused
            #expect(answers.count == sent.count + 1)
            #expect(Set(answers.filter { $0.value == nil }.map(\.key)) == [sent.count])
            // one stored scan per employee; every other answer names that scan, as a duplicate of a stored scan
            for id in ids + [other] {
                let mine = sent.indices.filter { sent[$0].scan.userID == id }.compactMap { answers[$0] ?? nil }
                #expect(mine.allSatisfy { $0.outcomes.count == 1 && $0.ids.count == 1 })
                let stored = mine.filter { $0.outcomes == [.stored] }
                try #require(stored.count == 1, "employee \(id): \(mine.map(\.outcomes))")
                let storedID = try #require(stored[0].ids[0])
                #expect(mine.filter { $0.outcomes != [.stored] }.allSatisfy { $0.outcomes == [.duplicateOfScan(storedID)] && $0.ids == [nil] })
                let company = id == other ? otherID : companyID
                #expect(try await Self.kept(store, companyID: company, userID: id).count == 1)
            }
            // the stored scans are their senders' and their companies' (the other company's employee has no scan of the company)
            let labels = try await store.readSQL().raw(
                "SELECT company_id, user_id, actor_label FROM scans ORDER BY id"
            ).all().map {
                (
                    try $0.decode(column: "company_id", as: Int.self), try $0.decode(column: "user_id", as: Int.self),
                    try $0.decode(column: "actor_label", as: String.self)
                )
            }
            #expect(labels.count == ids.count + 1)
            #expect(labels.allSatisfy { senders.map(\.label).contains($0.2) && ($0.1 == other) == ($0.0 == otherID) })
        }
    }

    @Test(
        "a row dated in a locked month is refused before duplicates are judged: the row just after the month's end is stored",
        arguments: Backend.available)
    func lockedRowMakesNoDuplicate(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: November 2026 locked; one employee
            let id = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            _ = try await LockedMonthStoreTests.begin(store, companyID: companyID)
            let december = LockedMonthStoreTests.midnight(1, month: 12)

            // MUT: an offline batch with a scan 20 s before December and one 20 s into it
            let recorded = try await store.recordScans(
                [Self.terminalScan(id, december - 20), Self.terminalScan(id, december + 20)], companyID: companyID, limits: Self.limits,
                actor: .commandLine)

            // validation
            #expect(recorded.outcomes == [.lockedMonth, .stored])
            #expect(try await Self.kept(store, companyID: companyID, userID: id) == [december + 20])
        }
    }

    @Test("007 reverts to the schema before it, and upgrades a database at 006 with the companies' defaults", arguments: Backend.available)
    func migrationRevertsAndUpgrades(backend: Backend) async throws {
        try await Self.withStore(on: backend) { store, companyID, _ in
            // setup: back to 006, as a database the previous release left
            try await AddAttendance().revert(on: store.database())
            try await store.sql().raw("DELETE FROM _fluent_migrations WHERE name = '007_AddAttendance'").run()
            #expect(try await store.pendingMigrations() == ["007_AddAttendance"])
            try await store.sql().raw("INSERT INTO companies (name, timezone) VALUES ('Veche SRL', 'Europe/Bucharest')").run()

            // MUT
            try await store.migrate()

            // validation
            #expect(try await store.pendingMigrations().isEmpty)
            let companies = try await store.companies()
            #expect(companies.map(\.attendance) == [.iFlowDefaults, .iFlowDefaults, .iFlowDefaults])
            let id = try await Self.addEmployees(1, store: store, companyID: companyID)[0]
            let recorded = try await store.recordScans(
                [Self.terminalScan(id, Self.monday)], companyID: companyID, limits: Self.limits, actor: .commandLine)
            #expect(recorded.outcomes == [.stored])
        }
    }
}
