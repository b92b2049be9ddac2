import Foundation
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

@testable import IFlowAPI

/// The badge terminals' endpoints through the real router, on every backend: `rfid_devices/auto_attendance` and
/// `rfid_v2/offline_attendance/store_attendances`.
@Suite("Terminals")
struct TerminalTests {
    static let auto = "/api/rfid_devices/auto_attendance"
    static let offline = "/api/rfid_v2/offline_attendance/store_attendances"

    /// An employee of the fixture's company (or `company`'s key) with a badge; their user id.
    static func employee(
        _ client: some TestClientProtocol, key: String, card: String, tag: String, name: String = "Ion Popescu", extra: [String: String] = [:]
    ) async throws -> Int {
        let fields = ["api_key": key, "api_language": "en_US", "update_by": "id_card", "update_by_value": card, "full_name": name, "rfid_tag": tag]
        let reply = try await client.post("/api_v2/user/update", fields.merging(extra) { _, new in new })
        return try #require(Int(reply.decode(UserUpdateReplyMirror.self).userID))
    }

    static func device(_ f: Fixture, company: Int? = nil, label: String = "Poarta 1") async throws -> IssuedDevice {
        try await f.store.createDevice(companyID: company ?? f.companyID, label: label, actor: .commandLine)
    }

    /// A body of `object` as JSON, POSTed to `path`.
    static func postJSON(_ client: some TestClientProtocol, _ path: String, _ object: [String: Any]) async throws -> Reply {
        let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
        return try await client.send(path, method: .post, headers: [.contentType: "application/json"], body: body)
    }

    /// `csv_data` rows of `(date, time, tag)` as a JSON array.
    static func batch(
        _ client: some TestClientProtocol, token: String, _ rows: [(String, String, String)], language: String? = nil
    ) async throws -> Reply {
        var object: [String: Any] = [
            "access_token": token, "version": "1.0",
            "csv_data": rows.map { ["date": $0.0, "time": $0.1, "rfidTag": $0.2, "errorMsg": ""] },
        ]
        if let language { object["api_language"] = language }
        return try await postJSON(client, offline, object)
    }

    /// Each row's three errors joined, `""` for a stored row.
    static func outcomes(_ reply: Reply) throws -> [String] {
        try reply.decode([OfflineRowMirror].self).map { $0.errorAuthenticate + $0.errorCheckInOut + $0.errorCSV }
    }

    /// The employee's pairs as pairing derives them from the stored scans: (check-in, check-out) in UTC seconds.
    static func pairs(_ f: Fixture, user: Int, from: Int, through: Int) async throws -> [ScanPair] {
        let limits = AttendanceLimits.iFlowDefaults
        let scans = try await f.store.scans(companyID: f.companyID, userIDs: [user], from: from, through: through, limits: limits)[user] ?? []
        return ScanPairing(scans: scans.map(\.scan), limits: limits).pairs
    }

    static func instant(_ iso: String) -> Int { Int(ISO8601DateFormatter().date(from: iso)!.timeIntervalSince1970) }

    @Test("auto_attendance by GET, POST urlencoded, multipart and JSON, under /api/ and without it, the token in the body or the query")
    func autoAttendanceEncodings() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            for index in 0..<5 { _ = try await Self.employee(client, key: f.key, card: "TT00000\(index)", tag: "ENC\(index)", name: "Ion \(index)") }
            func fields(_ index: Int) -> [String: String] { ["access_token": terminal.token, "rfid_tag": "ENC\(index)"] }
            // MUT
            let replies = [
                try await client.send("/api/rfid_devices/auto_attendance?access_token=\(terminal.token)&rfid_tag=ENC0", method: .get),
                try await client.post("/rfid_devices/auto_attendance", fields(1)),
                try await client.post(Self.auto, fields(2), encoding: .multipart),
                try await client.post("/rfid_devices/auto_attendance", fields(3), encoding: .json),
                try await client.post("/rfid_devices/auto_attendance?access_token=\(terminal.token)", ["rfid_tag": "ENC4", "api_language": "en_US"]),
            ]
            // validation
            let decoded = try replies.map { try $0.decode(AutoAttendanceReplyMirror.self) }
            #expect(
                decoded.map(\.scanMessage) == ["Bun venit, Ion 0!", "Bun venit, Ion 1!", "Bun venit, Ion 2!", "Bun venit, Ion 3!", "Welcome, Ion 4!"])
            for reply in decoded {
                let event = try #require(reply.event.first)
                #expect(reply.event.count == 1 && event.status == "open" && event.endTime == nil && event.terminalType == "rfid")
                #expect(event.rfidAgentID == String(terminal.id) && event.closedTerminalType == nil && event.userID == reply.user.id)
            }
        }
    }

    @Test("a scan after time_between_check_ins checks out: goodbye with the time worked, the day's pair closed")
    func checkOut() async throws {
        try await withApp { client, f in
            // setup
            let settings = AttendanceSettings(limits: AttendanceLimits(timeBetweenCheckIns: 1, checkInResetLimit: 46_800), graceMinutes: 5)
            try await f.store.setAttendanceSettings(settings, companyID: f.companyID, actor: .commandLine)
            let entrance = try await Self.device(f)
            let exit = try await Self.device(f, label: "Poarta 2")
            _ = try await Self.employee(client, key: f.key, card: "TT000010", tag: "0A1B")
            let checkIn = try await client.post(Self.auto, ["access_token": entrance.token, "rfid_tag": "0A1B"]).decode(
                AutoAttendanceReplyMirror.self)
            try await Task.sleep(for: .milliseconds(1_100))
            // MUT
            let checkOut = try await client.post(Self.auto, ["access_token": exit.token, "rfid_tag": "0A1B"]).decode(AutoAttendanceReplyMirror.self)
            // validation
            #expect(checkIn.scanMessage == "Bun venit, Ion Popescu!")
            #expect(checkOut.scanMessage == "La revedere, Ion Popescu! Timp lucrat: 0 h 00 min.")
            let event = try #require(checkOut.event.first)
            #expect(checkOut.event.count == 1 && event.status == "closed" && event.id == checkIn.event.first?.id)
            #expect(event.rfidAgentID == String(entrance.id) && event.closedRFIDAgentID == String(exit.id) && event.closedTerminalType == "rfid")
            let start = try #require(Int(event.startTime))
            #expect((event.endTime.flatMap { Int($0) } ?? 0) - start >= 1)
            #expect(checkOut.user.timeBetweenCheckIns == "1" && checkOut.user.agentID == String(exit.id))
        }
    }

    @Test("a second scan within time_between_check_ins is reported as a duplicate and not stored")
    func duplicateWindow() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            let user = try await Self.employee(client, key: f.key, card: "TT000002", tag: "DUP1", name: "Ana Ionescu")
            let fields = ["access_token": terminal.token, "rfid_tag": "DUP1"]
            // MUT
            let first = try await client.post(Self.auto, fields).decode(AutoAttendanceReplyMirror.self)
            let second = try await client.post(Self.auto, fields.merging(["api_language": "en_US"]) { _, new in new })
                .decode(AutoAttendanceReplyMirror.self)
            // validation
            let id = try #require(first.event.first?.id)
            #expect(first.scanMessage == "Bun venit, Ana Ionescu!")
            #expect(second.scanMessage == "Ana Ionescu: duplicate scan, ignored (attendance \(id) is already recorded).")
            #expect(second.event.map(\.values) == first.event.map(\.values))
            let now = Int(Date().timeIntervalSince1970)
            #expect(try await Self.pairs(f, user: user, from: now - 3_600, through: now).count == 1)
            #expect(first.user.checkInResetLimit == "46800" && first.user.companyCheckInResetLimit == "46800")
            #expect(first.user.timeBetweenCheckIns == "60" && first.user.defaultTimezone == "Europe/Bucharest")
            #expect(first.user.isEnabled == "1" && first.user.useLockedMonths == "1" && first.user.timezone == "")
        }
    }

    @Test("refusals: no or a wrong token, another company's tag, an unknown tag, a disabled employee; nothing stored")
    func refusals() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            let other = try await Self.device(f, company: f.otherCompanyID, label: "Other")
            let mine = try await Self.employee(client, key: f.key, card: "TT000003", tag: "MINE")
            let theirs = try await Self.employee(client, key: f.otherKey, card: "TT000003", tag: "THEIRS")
            let disabled = try await Self.employee(client, key: f.key, card: "TT000004", tag: "GONE", name: "Dan", extra: ["is_enabled": "0"])
            let left = try await Self.employee(client, key: f.key, card: "TT000005", tag: "LEFT", name: "Eva", extra: ["disable_date": "2020-01-31"])
            // MUT
            let noToken = try await client.post(Self.auto, ["rfid_tag": "MINE"])
            let badToken = try await client.post(Self.auto, ["access_token": String(repeating: "7", count: 78), "rfid_tag": "MINE"])
            let foreign = try await client.post(Self.auto, ["access_token": terminal.token, "rfid_tag": "THEIRS"])
            let unknown = try await client.post(Self.auto, ["access_token": other.token, "rfid_tag": "MINE", "api_language": "en_US"])
            let gone = try await client.post(Self.auto, ["access_token": terminal.token, "rfid_tag": "GONE"])
            let leftReply = try await client.post(Self.auto, ["access_token": terminal.token, "rfid_tag": "LEFT", "api_language": "en_US"])
            let noTag = try await client.post(Self.auto, ["access_token": terminal.token])
            let badLanguage = try await client.post(Self.auto, ["access_token": terminal.token, "rfid_tag": "MINE", "api_language": "fr_FR"])
            // validation
            #expect(noToken.checks == ["access_token:required"] && noToken.errors.first?.message == "access_token este obligatoriu")
            #expect(badToken.checks == ["access_token:valid_access_token"])
            #expect(badToken.errors.first?.message.hasPrefix("access_token lipsește, este necunoscut sau a fost revocat") == true)
            #expect(
                foreign.checks == ["rfid_tag:unknown_tag"]
                    && foreign.errors.first?.message == "niciun angajat al acestei firme nu are ecusonul THEIRS")
            #expect(unknown.checks == ["rfid_tag:unknown_tag"] && unknown.errors.first?.message == "no employee of this company has the badge MINE")
            #expect(gone.checks == ["rfid_tag:employee_inactive"])
            #expect(leftReply.checks == ["rfid_tag:employee_inactive"])
            #expect(leftReply.errors.first?.message.hasPrefix("Eva is disabled or not employed on ") == true)
            #expect(noTag.checks == ["rfid_tag:required"])
            #expect(badLanguage.checks == ["api_language:in_list"])
            let now = Int(Date().timeIntervalSince1970)
            for user in [mine, disabled, left] { #expect(try await Self.pairs(f, user: user, from: now - 3_600, through: now).isEmpty) }
            let theirScans = try await f.store.scans(
                companyID: f.otherCompanyID, userIDs: [theirs], from: now - 3_600, through: now, limits: .iFlowDefaults)
            #expect(theirScans[theirs, default: []].isEmpty)
        }
    }

    @Test("a revoked terminal is refused on its next scan")
    func revoked() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            _ = try await Self.employee(client, key: f.key, card: "TT000006", tag: "REV")
            let fields = ["access_token": terminal.token, "rfid_tag": "REV"]
            let before = try await client.post(Self.auto, fields)
            // MUT
            #expect(try await f.store.revokeDevice(id: terminal.id, companyID: f.companyID, actor: .commandLine))
            let after = try await client.post(Self.auto, fields)
            let batch = try await Self.batch(client, token: terminal.token, [("2026-11-02", "08:00:00", "REV")])
            // validation
            #expect(before.errors.isEmpty)
            #expect(after.checks == ["access_token:valid_access_token"])
            let rows = try batch.decode([OfflineRowMirror].self)
            #expect(rows.count == 1 && rows[0].errorAuthenticate.hasPrefix("access_token lipsește") && rows[0].errorCheckInOut.isEmpty)
        }
    }

    @Test("two terminals scanning one badge at once store one scan; 32 terminals at once on 8 badges store one each")
    func concurrentTerminals() async throws {
        try await withApp { client, f in
            // setup
            var terminals: [IssuedDevice] = []
            for index in 0..<32 { terminals.append(try await Self.device(f, label: "T\(index)")) }
            var users: [Int] = []
            for index in 0..<8 {
                users.append(try await Self.employee(client, key: f.key, card: "TC00000\(index)", tag: "B\(index)", name: "E\(index)"))
            }
            let tokens = terminals.map(\.token)
            // MUT
            let pair = try await withThrowingTaskGroup(of: String.self) { group in
                for token in tokens.prefix(2) {
                    group.addTask {
                        try await client.post(Self.auto, ["access_token": token, "rfid_tag": "B0"]).decode(AutoAttendanceReplyMirror.self).scanMessage
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let many = try await withThrowingTaskGroup(of: String.self) { group in
                for (index, token) in tokens.enumerated() {
                    group.addTask { try await client.post(Self.auto, ["access_token": token, "rfid_tag": "B\(index % 8)"]).text }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validation
            #expect(pair.filter { $0.hasPrefix("Bun venit") }.count == 1 && pair.filter { $0.contains("duplicată") }.count == 1)
            #expect(many.count == 32 && many.allSatisfy { $0.contains("scan_msg") })
            let now = Int(Date().timeIntervalSince1970)
            for user in users {
                let pairs = try await Self.pairs(f, user: user, from: now - 3_600, through: now)
                #expect(pairs.count == 1 && pairs[0].isOpen, "user \(user): \(pairs)")
            }
        }
    }

    /// A working day of one employee, with a duplicate at 08:00:30, local times of 2026-11-02 (EET, +02:00).
    static let day: [(String, String)] = [
        ("2026-11-02", "08:00:00"), ("2026-11-02", "08:00:30"), ("2026-11-02", "12:00:00"), ("2026-11-02", "12:30:00"), ("2026-11-02", "17:00:00"),
    ]
    static let dayPairs = [
        (instant("2026-11-02T08:00:00+02:00"), instant("2026-11-02T12:00:00+02:00")),
        (instant("2026-11-02T12:30:00+02:00"), instant("2026-11-02T17:00:00+02:00")),
    ]

    @Test("an offline batch that arrives late or out of order pairs the day as the same scans sent one by one; a repeated batch stores nothing")
    func lateAndOutOfOrder() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            let inOrder = try await Self.employee(client, key: f.key, card: "TL000001", tag: "ORDER", name: "A")
            let shuffled = try await Self.employee(client, key: f.key, card: "TL000002", tag: "SHUFFLE", name: "B")
            let late = try await Self.employee(client, key: f.key, card: "TL000003", tag: "LATE", name: "C")
            // MUT: one scan a call in time order, as a terminal online all day sends them
            var oneByOne: [String] = []
            for (date, time) in Self.day {
                oneByOne += try Self.outcomes(try await Self.batch(client, token: terminal.token, [(date, time, "ORDER")]))
            }
            let order = [4, 1, 3, 0, 2]
            let mixed = try await Self.batch(client, token: terminal.token, order.map { (Self.day[$0].0, Self.day[$0].1, "SHUFFLE") })
            _ = try await Self.batch(client, token: terminal.token, [(Self.day[3].0, Self.day[3].1, "LATE")])
            let lateRest = try await Self.batch(client, token: terminal.token, [0, 1, 2, 4].map { (Self.day[$0].0, Self.day[$0].1, "LATE") })
            let again = try await Self.batch(client, token: terminal.token, order.map { (Self.day[$0].0, Self.day[$0].1, "SHUFFLE") })
            // validation
            #expect(oneByOne.map(\.isEmpty) == [true, false, true, true, true])
            #expect(oneByOne[1].hasPrefix("Nu se poate adăuga - prezență duplicată: "))
            let mixedOutcomes = try Self.outcomes(mixed)
            #expect(mixedOutcomes.map(\.isEmpty) == [true, false, true, true, true])
            #expect(mixedOutcomes[1] == "Nu se poate adăuga - prezență duplicată: rândul 3 al acestui lot")
            #expect(try Self.outcomes(lateRest).map(\.isEmpty) == [true, false, true, true])
            #expect(try Self.outcomes(again).allSatisfy { $0.hasPrefix("Nu se poate adăuga - prezență duplicată: ") })
            let from = Self.instant("2026-11-02T00:00:00+02:00")
            for user in [inOrder, shuffled, late] {
                let pairs = try await Self.pairs(f, user: user, from: from, through: from + 86_400)
                #expect(pairs.map { [$0.checkIn, $0.checkOut ?? -1] } == Self.dayPairs.map { [$0.0, $0.1] }, "user \(user)")
            }
        }
    }

    @Test("store_attendances by GET, urlencoded and multipart indexed fields and a JSON array read the same rows")
    func batchEncodings() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            for index in 0..<4 { _ = try await Self.employee(client, key: f.key, card: "TE00000\(index)", tag: "ENC\(index)", name: "E\(index)") }
            func fields(_ tag: String) -> [String: String] {
                ["access_token": terminal.token, "csv_data[0][date]": "2026-11-03", "csv_data[0][time]": "07:59:00", "csv_data[0][rfidTag]": tag]
            }
            // MUT
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let query = fields("ENC0").map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value)" }.joined(separator: "&")
            let replies = [
                try await client.send("/rfid_v2/offline_attendance/store_attendances?\(query)", method: .get),
                try await client.post(Self.offline, fields("ENC1")),
                try await client.post("/rfid_v2/offline_attendance/store_attendances", fields("ENC2"), encoding: .multipart),
                try await Self.batch(client, token: terminal.token, [("2026-11-03", "07:59:00", "ENC3")]),
            ]
            // validation
            for (index, reply) in replies.enumerated() {
                let rows = try reply.decode([OfflineRowMirror].self)
                #expect(
                    rows == [
                        OfflineRowMirror(
                            date: "2026-11-03", time: "07:59:00", rfidTag: "ENC\(index)", errorMsg: "", errorAuthenticate: "", errorCheckInOut: "",
                            errorCSV: "")
                    ], "\(index): \(reply.text)")
            }
            #expect(replies[3].text.hasPrefix(#"{"api_reply":[{"date":"2026-11-03","time":"07:59:00","rfidTag":"ENC3","errorMsg":"","#))
        }
    }

    @Test("a batch's bad rows are answered on their own lines and the good ones stored, in the request's language")
    func rowErrors() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            _ = try await Self.employee(client, key: f.key, card: "TR000001", tag: "OK1", name: "Ion")
            _ = try await Self.employee(client, key: f.key, card: "TR000002", tag: "OFF", name: "Dan", extra: ["is_enabled": "0"])
            _ = try await Self.employee(client, key: f.key, card: "TR000003", tag: "NEW", name: "Eva", extra: ["employment_date": "2026-11-10"])
            let future = Date().addingTimeInterval(3_600)
            let formatter = DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Europe/Bucharest")
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd"
            let futureDate = formatter.string(from: future)
            formatter.dateFormat = "HH:mm:ss"
            let futureTime = formatter.string(from: future)
            // MUT
            let reply = try await Self.batch(
                client, token: terminal.token,
                [
                    ("2026-11-04", "08:00:00", "OK1"), ("2026-02-30", "08:00:00", "OK1"), ("2026-11-04", "8:00", "OK1"),
                    ("2026-11-04", "09:00:00", "NOBODY"), ("2026-11-04", "09:00:00", "OFF"), ("2026-11-04", "09:00:00", "NEW"),
                    ("2026-03-29", "03:30:00", "OK1"), (futureDate, futureTime, "OK1"), ("2026-11-04", "16:00:00", "OK1"),
                ], language: "en_US")
            // validation
            let rows = try reply.decode([OfflineRowMirror].self)
            #expect(rows.map(\.errorAuthenticate).allSatisfy { $0.isEmpty })
            #expect(
                rows.map(\.errorCSV) == [
                    "", "csv_data[1][date] must be a real date written YYYY-MM-DD", "csv_data[2][time] must be a real time written HH:MM:SS",
                    "", "", "", "csv_data[6][time] is a time that does not exist in Europe/Bucharest: the clocks skip it", "", "",
                ])
            #expect(
                rows.map(\.errorCheckInOut) == [
                    "", "", "", "no employee of this company has the badge NOBODY", "Dan is disabled or not employed on 2026-11-04",
                    "Eva is disabled or not employed on 2026-11-04", "", "csv_data[7][time] is more than 5 minutes ahead of the server's clock", "",
                ])
        }
    }

    @Test("an open check-in older than check_in_reset_limit is a missing check-out, and the next scan checks in")
    func resetLimit() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            let user = try await Self.employee(client, key: f.key, card: "TX000001", tag: "FORGOT")
            // MUT
            let reply = try await Self.batch(
                client, token: terminal.token,
                [
                    ("2026-11-05", "08:00:00", "FORGOT"), ("2026-11-05", "21:00:00", "FORGOT"), ("2026-11-06", "10:00:01", "FORGOT"),
                    ("2026-11-06", "18:00:00", "FORGOT"),
                ])
            // validation
            #expect(try Self.outcomes(reply) == ["", "", "", ""])
            let pairs = try await Self.pairs(
                f, user: user, from: Self.instant("2026-11-05T00:00:00+02:00"), through: Self.instant("2026-11-07T00:00:00+02:00"))
            #expect(
                pairs.map { [$0.checkIn, $0.checkOut ?? -1] } == [
                    [Self.instant("2026-11-05T08:00:00+02:00"), Self.instant("2026-11-05T21:00:00+02:00")],
                    [Self.instant("2026-11-06T10:00:01+02:00"), Self.instant("2026-11-06T18:00:00+02:00")],
                ])
            let gapPairs = try await Self.batch(
                client, token: terminal.token, [("2026-11-08", "08:00:00", "FORGOT"), ("2026-11-08", "21:00:01", "FORGOT")])
            #expect(try Self.outcomes(gapPairs) == ["", ""])
            let split = try await Self.pairs(
                f, user: user, from: Self.instant("2026-11-08T00:00:00+02:00"), through: Self.instant("2026-11-09T00:00:00+02:00"))
            #expect(split.map(\.closure) == [.resetLimit, nil] && split.last?.isOpen == true)
        }
    }

    @Test("a night pair 22:00 to 06:00 over the clock changes lasts 7 h in March and 9 h in October, its end_time 108000 both nights")
    func daylightSavingNights() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            let user = try await Self.employee(client, key: f.key, card: "TN000001", tag: "NIGHT")
            let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)
            // MUT
            let reply = try await Self.batch(
                client, token: terminal.token,
                [
                    ("2026-03-28", "22:00:00", "NIGHT"), ("2026-03-29", "06:00:00", "NIGHT"), ("2026-10-24", "22:00:00", "NIGHT"),
                    ("2026-10-25", "06:00:00", "NIGHT"),
                ])
            // validation
            #expect(try Self.outcomes(reply) == ["", "", "", ""])
            for (start, hours) in [("2026-03-28T22:00:00+02:00", 7), ("2026-10-24T22:00:00+03:00", 9)] {
                let from = Self.instant(start)
                let pairs = try await Self.pairs(f, user: user, from: from - 3_600, through: from + 12 * 3_600)
                let pair = try #require(pairs.first { $0.checkIn == from })
                #expect(pair.checkOut.map { $0 - pair.checkIn } == hours * 3_600)
                let event = AttendanceEventReply(pair: pair, companyID: f.companyID, userID: user, origins: [:], calculator: calculator)
                #expect((event.date, event.startTime, event.endTime, event.status) == (String(start.prefix(10)), "79200", "108000", "closed"))
            }
        }
    }

    @Test("a 10,000-row batch is stored in one call; more rows than the limit are too_large")
    func largeBatch() async throws {
        try await withApp { client, f in
            // setup
            let terminal = try await Self.device(f)
            for index in 0..<20 {
                _ = try await Self.employee(client, key: f.key, card: "TB0000\(index < 10 ? "0" : "")\(index)", tag: "BIG\(index)", name: "B\(index)")
            }
            let first = LocalDate(iso: "2025-01-01")!
            let rows = (0..<10_000).map { row -> (String, String, String) in
                let day = LocalDate(dayNumber: first.dayNumber + row / 40)
                let slot = row % 40 / 20
                return (day.description, slot == 0 ? "08:00:00" : "16:30:00", "BIG\(row % 20)")
            }
            // MUT
            let reply = try await Self.batch(client, token: terminal.token, rows)
            let repeated = try await Self.batch(client, token: terminal.token, Array(rows.prefix(100)))
            let tooMany = try await client.post(Self.offline, ["access_token": terminal.token, "csv_data[20000][date]": "2026-01-01"])
            // validation
            let outcomes = try Self.outcomes(reply)
            #expect(outcomes.count == 10_000 && outcomes.allSatisfy { $0.isEmpty })
            #expect(try Self.outcomes(repeated).allSatisfy { $0.hasPrefix("Nu se poate adăuga - prezență duplicată: ") })
            #expect(tooMany.checks == ["csv_data:too_large"])
        }
    }

    @Test("the terminals' paths answer other methods with 405 and Allow: GET, POST, other media types with 415, both in Romanian by default")
    func methodsAndMediaTypes() async throws {
        try await withApp { client, _ in
            for path in [Self.auto, "/rfid_v2/offline_attendance/store_attendances"] {
                // MUT
                let put = try await client.send(path, method: .put)
                let english = try await client.send(path + "?api_language=en_US", method: .delete)
                let text = try await client.send(path, method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x"))
                // validation: a terminal names no language, so the 405 speaks the terminals' Romanian unless asked otherwise
                #expect(put.status == .methodNotAllowed && put.headers[.allow] == "GET, POST" && put.checks == ["-:method"])
                #expect(put.errors.first?.message == "Folosiți GET, POST pentru acest endpoint")
                #expect(english.status == .methodNotAllowed && english.errors.first?.message == "Use GET, POST for this endpoint")
                #expect(text.status == .unsupportedMediaType && text.checks == ["-:media_type"])
                #expect(text.errors.first?.message.hasPrefix("Content-Type trebuie să fie") == true)
            }
        }
    }

    @Test("a JSON array of objects decodes to the indexed names a form sends; anything deeper is refused")
    func jsonRows() throws {
        // MUT
        let fields = try FormFields.decode(
            body: ByteBuffer(string: #"{"access_token": 12, "csv_data": [{"date": "2026-01-01", "time": null}, {"rfidTag": true}], "e": []}"#),
            contentType: "application/json")
        // validation
        #expect(
            fields.values == ["access_token": "12", "csv_data[0][date]": "2026-01-01", "csv_data[0][time]": "", "csv_data[1][rfidTag]": "1", "e": ""])
        for body in [#"{"a": [1, 2]}"#, #"{"a": [{"b": [1]}]}"#, #"{"a": {"b": 1}}"#] {
            #expect(throws: FormFields.DecodingError.self) { try FormFields.decode(body: ByteBuffer(string: body), contentType: "application/json") }
        }
        var limits = FormFields.Limits()
        limits.maxFields = 2
        let over = #expect(throws: FormFields.DecodingError.self) {
            try FormFields.decode(body: ByteBuffer(string: #"{"a": [{"b": 1, "c": 2}, {"b": 3}]}"#), contentType: "application/json", limits: limits)
        }
        #expect(over?.isOverFieldLimit == true)
    }
}
