import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowAPI
import IFlowStore
import Logging
import Testing

@Suite("Audit trail and rate limits")
struct AuditAndLimitsTests {
    @Test("changes through the API are recorded with who, when, what and which fields — never the values")
    func auditTrail() async throws {
        try await withApp { client, f in
            // setup
            let base = ["api_key": f.key, "api_language": "en_US"]
            let created = try await client.post(
                "/api_v2/user/update",
                base.merging(["update_by": "cnp", "update_by_value": "1800101221144", "full_name": "Ion", "city": "Cluj"]) { _, b in b }
            )
            let userID = try created.decode(UserUpdateReplyMirror.self).userID
            _ = try await client.post(
                "/api_v2/user/update",
                base.merging(["update_by": "cnp", "update_by_value": "1800101221144", "city": "Cluj", "bank_account": "RO49AAAA1B31007593840000"]) {
                    _, b in b
                }
            )
            _ = try await client.post(
                "/api_v2/user/update", base.merging(["update_by": "cnp", "update_by_value": "1800101221144", "city": "Cluj"]) { _, b in b }
            )
            _ = try await client.post(
                "/api_v2/schedule/set_day",
                base.merging(["user_by": "user_id", "user_by_value": userID, "date": "2024-03-04", "shifts": "08:00-16:00"]) { _, b in b }
            )
            _ = try await client.post(
                "/api_v2/user/update",
                ["api_key": f.otherKey, "api_language": "en_US", "update_by": "cnp", "update_by_value": "1800101221144", "full_name": "X"]
            )
            // MUT
            let reply = try await client.post("/api_v2/audit/get_list", base)
            // validation
            let audit = try reply.decode(AuditListReplyMirror.self)
            #expect(audit.total == "4", "an update that changes nothing is not recorded; other companies' changes are not listed")
            let all = audit.events
            #expect(all.map(\.action) == ["schedule.set_day", "user.updated", "user.created", "api_key.created"])
            #expect(all.last?.actorType == "cli")
            let events = Array(all.dropLast())
            #expect(events[0].detail == "2024-03-04")
            #expect(events[1].fields == ["bank_account"])
            #expect(Set(events[2].fields) == ["full_name", "cnp", "city"])
            #expect(events.allSatisfy { $0.actorType == "api_key" && $0.actor.contains("payroll") })
            #expect(events.allSatisfy { $0.time.hasSuffix("Z") })
            #expect(events.allSatisfy { $0.entity == "user" && $0.entityID == userID })
            #expect(!reply.text.contains("1800101221144") && !reply.text.contains("RO49AAAA"))
            let filtered = try await client.post(
                "/api_v2/audit/get_list", base.merging(["entity": "user", "entity_id": userID, "limit": "1"]) { _, b in b })
            #expect(try filtered.decode(AuditListReplyMirror.self).total == "3")
            #expect(try filtered.decode(AuditListReplyMirror.self).events.count == 1)
            let bad = try await client.post("/api_v2/audit/get_list", base.merging(["entity": "salary"]) { _, b in b })
            #expect(bad.checks == ["entity:in_list"])
        }
    }

    @Test("a key over its rate gets 429 with Retry-After and the envelope; other keys are unaffected")
    func rateLimit() async throws {
        try await TestBackend.sqlite.withStore { store in
            // setup
            let company = try await store.createCompany(name: "X", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
            let other = try await store.createAPIKey(companyID: company.id!, label: "", actor: .commandLine)
            var limits = RequestLimits()
            limits.rate = .init(rate: 0.01, burst: 3)
            let app = buildApplication(store: store, limits: limits, logger: Logger(label: "test"))
            try await app.test(.router) { client in
                // MUT
                var statuses: [HTTPResponse.Status] = []
                var last: Reply?
                for _ in 0..<5 {
                    let reply = try await client.post("/api_v2/user/get_list", ["api_key": key.secret, "api_language": "ro_RO"])
                    statuses.append(reply.status)
                    last = reply
                }
                // validation
                #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
                #expect(last?.checks == ["api_key:rate_limit"])
                #expect(last?.errors.first?.message == "prea multe cereri cu acest api_key; reîncercați mai târziu")
                let response = try await client.executeRequest(
                    uri: "/api_v2/user/get_list", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: .init(string: "api_key=\(key.secret)&api_language=en_US")
                )
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true)
                let unaffected = try await client.post("/api_v2/user/get_list", ["api_key": other.secret, "api_language": "en_US"])
                #expect(unaffected.status == .ok)
            }
        }
    }
}
