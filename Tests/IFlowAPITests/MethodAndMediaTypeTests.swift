import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IFlowStore
import Logging
import NIOCore
import Testing

@testable import IFlowAPI

@Suite("Methods and media types")
struct MethodAndMediaTypeTests {
    @Test("every method token the HTTP parser reads is refused on an action, QUERY among them, and only POST is served")
    func everyMethodToken() async throws {
        // setup
        let tokens = Set(APIDispatcher.refusedMethods.map(\.rawValue))
        let query = try #require(HTTPRequest.Method("QUERY"))
        // validation
        #expect(tokens.count == 34)
        #expect(tokens.isSuperset(of: ["QUERY", "PROPFIND", "MSEARCH", "GET", "HEAD", "CONNECT", "SOURCE"]))
        #expect(!tokens.contains("POST"))
        try await withApp { client, _ in
            // MUT
            let action = try await client.send("/api/api_v2/audit/get_list", method: query)
            let unknown = try await client.send("/api_v2/user/nothing", method: query)
            let health = try await client.send("/healthz", method: query)
            // validation
            #expect(action.status == .methodNotAllowed)
            #expect(action.headers[.allow] == "POST")
            #expect(action.text == #"{"api_reply":{"error":[{"field_name":null,"check_name":"method","message":"Use POST for this endpoint"}]}}"#)
            #expect(unknown.status == .notFound)
            #expect(health.status == .methodNotAllowed)
            #expect(health.headers[.allow] == "GET")
        }
    }

    @Test("through a real socket: every token llhttp reads answers 405 JSON, QUERY in ro_RO; FOO gets the parser's bare 400")
    func realParser() async throws {
        try await TestBackend.sqlite.withStore { store in
            // setup
            let app = buildApplication(store: store, logger: Logger(label: "test"))
            // What a client sends: NIO reads M-SEARCH as MSEARCH, a token it would itself refuse on the wire. The test
            // client sends CONNECT in authority form (the host, not a path) and then tunnels, so the router test covers it.
            let wireTokens = APIDispatcher.refusedMethods.map { $0.rawValue == "MSEARCH" ? "M-SEARCH" : $0.rawValue }.filter { $0 != "CONNECT" }
            try await app.test(.live) { client in
                for token in wireTokens {
                    // MUT
                    let reply = try await client.executeRequest(
                        uri: "/api/api_v2/user/get_list", method: try #require(HTTPRequest.Method(token)), headers: [:], body: nil)
                    // validation
                    #expect(reply.status == .methodNotAllowed, "\(token)")
                    #expect(reply.headers[.contentType] == APIReply.contentType, "\(token)")
                }
            }
            try await app.test(.live) { client in
                // MUT
                let query = try await client.executeRequest(
                    uri: "/api_v2/user/update?api_language=ro_RO", method: try #require(HTTPRequest.Method("QUERY")), headers: [:], body: nil)
                // validation
                #expect(query.status == .methodNotAllowed)
                #expect(query.headers[.allow] == "POST")
                #expect(query.headers[.contentType] == APIReply.contentType)
                let text = String(buffer: query.body)
                #expect(
                    text == #"{"api_reply":{"error":[{"field_name":null,"check_name":"method","message":"Folosiți POST pentru acest endpoint"}]}}"#)
            }
            try await app.test(.live) { client in
                // MUT
                let unknown = try await client.executeRequest(
                    uri: "/api_v2/user/update", method: try #require(HTTPRequest.Method("FOO")), headers: [:], body: nil)
                // validation: NIO's llhttp refuses the token before Hummingbird, as the document says
                #expect(unknown.status == .badRequest)
                #expect(unknown.body.readableBytes == 0)
                #expect(unknown.headers[.contentType] == nil)
            }
        }
    }

    @Test("an endpoint that allows GET reads a GET's query string (never its body) and refuses the other methods with Allow: GET, POST")
    func endpointAllowingGET() async throws {
        try await TestBackend.sqlite.withStore { store in
            // setup: the holidays handler behind two GET endpoints, one with a default language and one without
            let company = try await store.createCompany(name: "Acme Producție SRL", timezone: "Europe/Bucharest")
            let key = try await store.createAPIKey(companyID: try #require(company.id), label: "payroll", actor: .commandLine).secret
            let holidays = CalendarController().holidays
            let router = Router(context: AppRequestContext.self)
            router.middlewares.add(ErrorEnvelopeMiddleware())
            let dispatcher = APIDispatcher(
                store: store, keyUse: KeyUseRecorder(store: store, logger: Logger(label: "test")), rateLimiter: RateLimiter(policy: .off),
                limits: RequestLimits(),
                endpoints: [
                    APIEndpoint(path: "calendar/defaulted", allowsGET: true, defaultLanguage: .roRO, handle: holidays),
                    APIEndpoint(path: "calendar/strict", allowsGET: true, handle: holidays),
                ]
            )
            dispatcher.addRoutes(to: router.group("api_v2"))
            try await Application(router: router).test(.router) { client in
                // MUT
                let get = try await client.send("/api_v2/calendar/defaulted?api_key=\(key)&year=2026", method: .get)
                let english = try await client.send("/api_v2/calendar/defaulted?api_key=\(key)&year=2026&api_language=en_US", method: .get)
                let bearer = try await client.send(
                    "/api_v2/calendar/defaulted?year=2026", method: .get, headers: [.authorization: "Bearer \(key)"])
                let post = try await client.post("/api_v2/calendar/defaulted", ["api_key": key, "year": "2026"])
                let head = try await client.send("/api_v2/calendar/defaulted?api_key=\(key)&year=2026", method: .head)
                let unknownLanguage = try await client.send("/api_v2/calendar/defaulted?api_key=\(key)&year=2026&api_language=fr_FR", method: .get)
                let strict = try await client.send("/api_v2/calendar/strict?api_key=\(key)&year=2026", method: .get)
                let body = try await client.send(
                    "/api_v2/calendar/defaulted", method: .get, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "api_key=\(key)&year=2026"))
                let put = try await client.send("/api_v2/calendar/defaulted?api_language=en_US", method: .put)
                let query = try await client.send("/api_v2/calendar/strict", method: try #require(HTTPRequest.Method("QUERY")))
                // validation
                let romanian = try get.decode(HolidaysReplyMirror.self)
                #expect(romanian.year == "2026")
                #expect(romanian.holidays.first?.name == "Anul Nou")
                #expect(try english.decode(HolidaysReplyMirror.self).holidays.first?.name == "New Year's Day")
                #expect(try bearer.decode(HolidaysReplyMirror.self).holidays.first?.name == "Anul Nou")
                #expect(try post.decode(HolidaysReplyMirror.self).holidays.first?.name == "Anul Nou")
                #expect(head.status == .methodNotAllowed)
                #expect(head.headers[.allow] == "GET, POST")
                #expect(unknownLanguage.checks == ["api_language:in_list"])
                #expect(unknownLanguage.errors.map(\.message) == ["api_language trebuie să fie una dintre valorile: en_US, US, ro_RO"])
                #expect(strict.checks == ["api_language:required"])
                #expect(body.checks == ["api_key:required"])
                #expect(put.status == .methodNotAllowed)
                #expect(put.headers[.allow] == "GET, POST")
                #expect(put.errors.map(\.message) == ["Use GET, POST for this endpoint"])
                #expect(query.status == .methodNotAllowed)
                #expect(query.headers[.allow] == "GET, POST")
                #expect(query.checks == ["-:method"])
            }
        }
    }

    @Test("404 and 405 messages are in the body's api_language, else the query string's, else English")
    func transportLanguage() async throws {
        try await withApp { client, f in
            // MUT
            let body = try await client.post("/api_v2/user/nothing", ["api_key": f.key, "api_language": "ro_RO"])
            let multipart = try await client.post("/api_v2/user/nothing", ["api_language": "ro_RO"], encoding: .multipart)
            let json = try await client.post("/api_v2/user/nothing", ["api_language": "ro_RO"], encoding: .json)
            let query = try await client.send("/nothing?api_language=ro_RO", method: .get)
            let bodyFirst = try await client.post("/api_v2/user/nothing?api_language=ro_RO", ["api_language": "en_US"])
            let english = try await client.send("/api_v2/user/nothing", method: .post)
            let unknownLanguage = try await client.send("/api_v2/user/nothing?api_language=fr_FR", method: .post)
            let method = try await client.send("/api_v2/user/get_list?api_language=ro_RO", method: .get)
            let methodBody = try await client.post("/healthz", ["api_language": "ro_RO"])
            // validation
            let notFound = #"{"api_reply":{"error":[{"field_name":null,"check_name":"endpoint","message":"Endpoint-ul nu este disponibil"}]}}"#
            for reply in [body, multipart, json, query] {
                #expect(reply.status == .notFound)
                #expect(reply.text == notFound)
            }
            #expect(bodyFirst.errors.map(\.message) == ["The endpoint is not available"])
            #expect(english.errors.map(\.message) == ["The endpoint is not available"])
            #expect(unknownLanguage.errors.map(\.message) == ["The endpoint is not available"])
            #expect(method.status == .methodNotAllowed)
            #expect(method.errors.map(\.message) == ["Folosiți POST pentru acest endpoint"])
            #expect(methodBody.status == .methodNotAllowed)
            #expect(methodBody.errors.map(\.message) == ["Folosiți GET pentru acest endpoint"])
        }
    }

    @Test(
        "a body of an unsupported media type is 415 with the envelope and changes nothing", arguments: ["text/plain", "application/xml", "text/csv"])
    func unsupportedMediaType(_ contentType: String) async throws {
        try await withApp { client, f in
            // setup
            let form = "api_key=\(f.key)&api_language=en_US&update_by=cnp&update_by_value=1800101221144&full_name=Ion"
            // MUT
            let reply = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: form))
            let romanian = try await client.send(
                "/api_v2/user/update?api_language=ro_RO", method: .post, headers: [.contentType: "\(contentType); charset=utf-8"],
                body: ByteBuffer(string: form))
            // validation
            #expect(reply.status == .unsupportedMediaType)
            #expect(reply.headers[.contentType] == APIReply.contentType)
            let english = "The Content-Type must be application/x-www-form-urlencoded, multipart/form-data or application/json"
            #expect(reply.text == #"{"api_reply":{"error":[{"field_name":null,"check_name":"media_type","message":"\#(english)"}]}}"#)
            #expect(romanian.status == .unsupportedMediaType)
            #expect(
                romanian.errors.map(\.message)
                    == ["Content-Type trebuie să fie application/x-www-form-urlencoded, multipart/form-data sau application/json"])
            let list = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"])
            #expect(try list.decode(UserListReplyMirror.self).total == "0")
        }
    }

    @Test("without a Content-Type, and in each accepted media type, the body is read as its fields")
    func acceptedMediaTypes() async throws {
        try await withApp { client, f in
            // setup
            let form = "api_key=\(f.key)&api_language=en_US&update_by=cnp&update_by_value=1800101221144&full_name=Ion"
            // MUT
            let bare = try await client.send("/api_v2/user/update", method: .post, body: ByteBuffer(string: form))
            let mixedCase = try await client.send(
                "/api_v2/user/update", method: .post, headers: [.contentType: "Application/X-WWW-Form-Urlencoded; charset=UTF-8"],
                body: ByteBuffer(string: form))
            let json = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"], encoding: .json)
            let multipart = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "en_US"], encoding: .multipart)
            // validation
            #expect(try bare.decode(UserUpdateReplyMirror.self).action == "created")
            #expect(try mixedCase.decode(UserUpdateReplyMirror.self).action == "updated")
            #expect(try json.decode(UserListReplyMirror.self).total == "1")
            #expect(try multipart.decode(UserListReplyMirror.self).total == "1")
        }
    }

    @Test("an api_language the API does not know lists the documented values, US among them")
    func languageValues() async throws {
        try await withApp { client, f in
            // MUT
            let reply = try await client.post("/api_v2/user/get_list", ["api_key": f.key, "api_language": "fr_FR"])
            // validation
            #expect(reply.errors.map(\.message) == ["api_language must be one of: en_US, US, ro_RO"])
        }
    }
}
