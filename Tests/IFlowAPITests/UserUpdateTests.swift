import Foundation
import HummingbirdTesting
import IFlowStore
import SQLKit
import Testing

@Suite("user/update")
struct UserUpdateTests {
    static let cnp = "1800101221144"
    static let otherCNP = "2950724420010"

    func fields(_ f: Fixture, language: String = "en_US", _ extra: [String: String]) -> [String: String] {
        ["api_key": f.key, "api_language": language].merging(extra) { _, new in new }
    }

    @Test("creates a user in every body encoding, with the document's reply shape", arguments: BodyEncoding.allCases)
    func createsUser(encoding: BodyEncoding) async throws {
        try await withApp { client, f in
            // MUT
            let reply = try await client.post(
                "/api/api_v2/user/update",
                fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "John Deer", "team_name": "Producție"]),
                encoding: encoding
            )
            // validation
            #expect(reply.status == .ok)
            let update = try reply.decode(UserUpdateReplyMirror.self)
            #expect(update.updateBy == "cnp")
            #expect(update.updateByValue == Self.cnp)
            #expect(update.action == "created")
            let user = update.newUser
            #expect(user.fullName == "John Deer")
            #expect(user.cnp == Self.cnp)
            #expect(user.isEnabled == "1")
            #expect(user.teamName == "Producție")
            #expect(user.teamID.flatMap(Int.init) != nil)
            #expect(user.userID == update.userID)
            for field in [
                "disable_date", "rfid_tag", "id_card", "id_card_issued_by", "id_card_issue_date", "bank_account", "birth_date",
                "employment_date", "job_title", "mark_number", "contract_number", "section", "address", "city", "county", "phone_one", "phone_two",
            ] {
                #expect(user[field] == nil, "\(field) should be null")
            }
            #expect(reply.text.contains("\"Producție\""), "diacritics are sent as UTF-8, not escaped")
        }
    }

    @Test("stores and returns every field of the document")
    func storesEveryField() async throws {
        try await withApp { client, f in
            let all: [String: String] = [
                "full_name": "Ștefan Țăranu", "team_name": "Vânzări", "id_card": "rx123456", "disable_date": "2030-12-31", "is_enabled": "0",
                "rfid_tag": "04A1B2C3", "id_card_issued_by": "SPCLEP Iași", "id_card_issue_date": "2015-03-10",
                "bank_account": "ro49 aaaa 1b31 0075 9384 0000", "birth_date": "1980-01-01", "employment_date": "2019-12-01",
                "job_title": "Operator", "mark_number": "M-17", "contract_number": "CIM 12/2019", "section": "Hala 2",
                "address": "Str. Lungă 3", "city": "Brașov", "county": "Brașov", "phone_one": "+40 722 000 111", "phone_two": "0268 000 111",
            ]
            // MUT
            let reply = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp].merging(all) { a, _ in a }))
            // validation
            let user = try reply.decode(UserUpdateReplyMirror.self).newUser
            var expected = all
            expected["id_card"] = "RX123456"
            expected["bank_account"] = "RO49AAAA1B31007593840000"
            for (field, value) in expected {
                #expect(user[field] == value, "\(field)")
            }
            let listed = try await client.post("/api_v2/user/get_list", fields(f, ["cnp": Self.cnp]))
            let users = try listed.decode(UserListReplyMirror.self).users
            #expect(users.count == 1)
            for (field, value) in expected {
                #expect(users.first?[field] == value, "\(field) in get_list")
            }
        }
    }

    @Test("updates only the fields present; an empty value clears an optional field")
    func partialUpdate() async throws {
        try await withApp { client, f in
            // setup
            let created = try await client.post(
                "/api_v2/user/update",
                fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion Pop", "job_title": "Sudor", "city": "Cluj"])
            )
            // MUT
            let updated = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "city": "Arad", "job_title": ""]))
            // validation
            let update = try updated.decode(UserUpdateReplyMirror.self)
            #expect(update.action == "updated")
            #expect(update.userID == (try created.decode(UserUpdateReplyMirror.self).userID))
            #expect(update.newUser.fullName == "Ion Pop")
            #expect(update.newUser.city == "Arad")
            #expect(update.newUser.jobTitle == nil)
        }
    }

    @Test("update_by id_card finds and creates by id card")
    func updateByIDCard() async throws {
        try await withApp { client, f in
            let created = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "id_card", "update_by_value": "xb 123456", "full_name": "A B"])
            ).decode(UserUpdateReplyMirror.self)
            #expect(created.action == "created")
            #expect(created.newUser.idCard == "XB 123456")
            #expect(created.newUser.cnp == nil)
            let updated = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "id_card", "update_by_value": "XB 123456", "cnp": Self.cnp])
            ).decode(UserUpdateReplyMirror.self)
            #expect(updated.action == "updated")
            #expect(updated.userID == created.userID)
            #expect(updated.newUser.cnp == Self.cnp)
        }
    }

    @Test("full_name is required for a new user and must not be empty on update")
    func fullNameRules() async throws {
        try await withApp { client, f in
            let missing = try await client.post("/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp]))
            #expect(missing.checks == ["full_name:required"])
            #expect(missing.errors.first?.message == "full_name is required")
            _ = try await client.post("/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "X Y"]))
            let empty = try await client.post(
                "/api_v2/user/update", fields(f, language: "ro_RO", ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "  "]))
            #expect(empty.checks == ["full_name:not_empty"])
            #expect(empty.errors.first?.message == "full_name nu poate fi gol")
        }
    }

    @Test("team_name reuses the company's team, creates a missing one, and an empty value leaves the team")
    func teams() async throws {
        try await withApp { client, f in
            let a = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "A", "team_name": "Logistică"]))
            let b = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.otherCNP, "full_name": "B", "team_name": "Logistică"]))
            let teamA = try a.decode(UserUpdateReplyMirror.self).newUser.teamID
            #expect(teamA != nil)
            #expect(teamA == (try b.decode(UserUpdateReplyMirror.self).newUser.teamID))
            let c = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.otherCNP, "team_name": "Depozit"]))
            let teamC = try c.decode(UserUpdateReplyMirror.self).newUser.teamID
            #expect(teamC != nil && teamC != teamA)
            let d = try await client.post("/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.otherCNP, "team_name": ""]))
            #expect(try d.decode(UserUpdateReplyMirror.self).newUser.teamID == nil)
            #expect(try d.decode(UserUpdateReplyMirror.self).newUser.teamName == nil)
        }
    }

    @Test("every failing check is listed, on the field that carried the value, and nothing changes")
    func validation() async throws {
        try await withApp { client, f in
            // setup
            _ = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Ion", "city": "Cluj"]))
            // MUT
            let reply = try await client.post(
                "/api_v2/user/update",
                fields(
                    f,
                    [
                        "update_by": "cnp", "update_by_value": Self.cnp, "city": "Arad",
                        "cnp": "1800101221145", "bank_account": "RO49AAAA1B31007593840001", "birth_date": "2019-02-30",
                        "is_enabled": "yes", "job_title": String(repeating: "x", count: 101), "address": "line\nbreak",
                    ])
            )
            // validation
            #expect(reply.status == .ok)
            #expect(
                reply.checks == [
                    "cnp:valid_cnp", "bank_account:valid_iban", "birth_date:valid_date", "is_enabled:in_list", "job_title:max_length",
                    "address:single_line",
                ])
            #expect(reply.errors.first { $0.field == "job_title" }?.message == "job_title must have at most 100 characters")
            let listed = try await client.post("/api_v2/user/get_list", fields(f, [:]))
            #expect(try listed.decode(UserListReplyMirror.self).users.first?.city == "Cluj")
        }
    }

    @Test("a bad identifier is reported on update_by_value; a bad update_by on update_by")
    func identifierErrors() async throws {
        try await withApp { client, f in
            let badCNP = try await client.post(
                "/api_v2/user/update", fields(f, language: "ro_RO", ["update_by": "cnp", "update_by_value": "1234567890123", "full_name": "X"]))
            #expect(badCNP.checks == ["update_by_value:valid_cnp"])
            #expect(badCNP.errors.first?.message == "update_by_value nu este un CNP valid")
            let badKey = try await client.post("/api_v2/user/update", fields(f, ["update_by": "email", "full_name": "X"]))
            #expect(badKey.checks == ["update_by:in_list", "update_by_value:required"])
        }
    }

    @Test("cnp, id_card and rfid_tag are unique within the company, not across companies")
    func uniqueness() async throws {
        try await withApp { client, f in
            _ = try await client.post(
                "/api_v2/user/update",
                fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "A", "rfid_tag": "TAG1", "id_card": "RX1"]))
            _ = try await client.post("/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.otherCNP, "full_name": "B"]))
            // MUT
            let clash = try await client.post(
                "/api_v2/user/update",
                fields(f, ["update_by": "cnp", "update_by_value": Self.otherCNP, "cnp": Self.cnp, "rfid_tag": "TAG1", "id_card": "rx1"])
            )
            // validation
            #expect(clash.checks == ["cnp:unique", "id_card:unique", "rfid_tag:unique"])
            let other = try await client.post(
                "/api_v2/user/update",
                [
                    "api_key": f.otherKey, "api_language": "en_US", "update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Elsewhere",
                    "rfid_tag": "TAG1",
                ]
            )
            #expect(try other.decode(UserUpdateReplyMirror.self).action == "created")
        }
    }

    @Test("one company's key never reaches another company's users")
    func tenantIsolation() async throws {
        try await withApp { client, f in
            let mine = try await client.post(
                "/api_v2/user/update", fields(f, ["update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Mine"]))
            let theirs = try await client.post(
                "/api_v2/user/update",
                ["api_key": f.otherKey, "api_language": "en_US", "update_by": "cnp", "update_by_value": Self.cnp, "full_name": "Theirs"]
            )
            #expect(try theirs.decode(UserUpdateReplyMirror.self).action == "created")
            #expect(try theirs.decode(UserUpdateReplyMirror.self).userID != mine.decode(UserUpdateReplyMirror.self).userID)
            let list = try await client.post("/api_v2/user/get_list", fields(f, [:])).decode(UserListReplyMirror.self)
            #expect(list.total == "1")
            #expect(list.users.map(\.fullName) == ["Mine"])
        }
    }

    @Test("50 concurrent requests creating the same CNP create one user and all succeed")
    func concurrentCreation() async throws {
        try await withApp { client, f in
            // MUT
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await client.post(
                            "/api_v2/user/update",
                            [
                                "api_key": f.key, "api_language": "en_US", "update_by": "cnp", "update_by_value": Self.cnp,
                                "full_name": "Racer \(index)", "team_name": "Team \(index % 3)",
                            ]
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validation
            #expect(replies.allSatisfy { $0.status == .ok })
            let updates = try replies.map { try $0.decode(UserUpdateReplyMirror.self) }
            #expect(updates.filter { $0.action == "created" }.count == 1)
            #expect(Set(updates.map(\.userID)).count == 1)
            let list = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"])
            #expect(try list.decode(UserListReplyMirror.self).total == "1")
        }
    }

    @Test("the users table holds no plaintext CNP, id card or IBAN on any backend")
    func noPlaintextAtRest() async throws {
        try await withApp { client, f in
            // setup
            let reply = try await client.post(
                "/api_v2/user/update",
                fields(
                    f,
                    [
                        "update_by": "cnp", "update_by_value": Self.cnp, "full_name": "A", "id_card": "QQ123987",
                        "bank_account": "RO49AAAA1B31007593840000",
                    ])
            )
            #expect(try reply.decode(UserUpdateReplyMirror.self).action == "created")
            // MUT
            let rows = try await f.store.sql().raw("SELECT * FROM users").all()
            // validation
            #expect(rows.count == 1)
            for row in rows {
                for column in row.allColumns {
                    guard let text = try? row.decode(column: column, as: String.self) else { continue }
                    for secret in [Self.cnp, "QQ123987", "RO49AAAA1B31007593840000"] {
                        #expect(!text.contains(secret), "column \(column) holds a personal number in plain text")
                    }
                }
            }
        }
    }
}
