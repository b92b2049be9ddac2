import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import Testing

@testable import IFlowAPI

@Suite("Web: signing in")
struct WebSignInTests {
    @Test("pages without a session redirect to the sign-in page, which comes back to them")
    func redirectsToSignIn() async throws {
        try await withApp { client, f in
            var browser = Browser()
            // MUT
            let page = try await client.get("/admin/timesheet?month=2025-03", as: &browser)
            // validation
            #expect(page.status == .seeOther)
            #expect(page.location == "/admin/sign-in?next=%2Fadmin%2Ftimesheet%3Fmonth%3D2025-03")
            for path in ["/admin/employees", "/admin/employees/1", "/admin/settings/api-access", "/admin/timesheet.csv"] {
                #expect(try await client.get(path, as: &browser).status == .seeOther, "\(path)")
            }
            let root = try await client.get("/admin", as: &browser)
            #expect(root.location == "/admin/timesheet")
            let posted = try await client.submit("/admin/settings/api-access", ["label": "payroll"], as: &browser)
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/admin/sign-in", "a form is not posted again after signing in")
        }
    }

    @Test("a correct password opens a session: random token, stored hashed, cookie HttpOnly, SameSite=Lax, not Secure over HTTP")
    func signsIn() async throws {
        try await withApp { client, f in
            // setup
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "Ana@Acme.ro")
            var browser = Browser()
            let form = try await client.get("/admin/sign-in?next=/admin/employees", as: &browser)
            #expect(form.status == .ok)
            #expect(form.setCookies["iflow_signin"]?.contains("HttpOnly") == true)
            // MUT
            let result = try await client.submit(
                "/admin/sign-in",
                ["csrf_token": try #require(form.csrfToken), "email": " ana@acme.ro ", "password": WebTest.password, "next": "/admin/employees"],
                as: &browser
            )
            // validation
            #expect(result.status == .seeOther)
            #expect(result.location == "/admin/employees")
            let cookie = try #require(result.setCookies["iflow_session"])
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Lax"))
            #expect(attributes.contains("Path=/admin"))
            #expect(!attributes.contains("Secure"))
            let token = try #require(browser.cookies["iflow_session"])
            #expect(token.count >= 43, "at least 256 bits, base64url")
            let stored = try await f.store.sql().raw("SELECT token_hash FROM admin_sessions").all().map {
                try $0.decode(column: "token_hash", as: String.self)
            }
            let hash = SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(stored == [hash])
            #expect(result.setCookies["iflow_lang"]?.contains("ro_RO") == true)
            let administrator = try #require(try await f.store.administrators(companyID: f.companyID).first)
            #expect(administrator.email == "ana@acme.ro")
            #expect(administrator.passwordHash.hasPrefix("$2b$04$") && !administrator.passwordHash.contains(WebTest.password), "bcrypt")
            let page = try await client.get("/admin/employees", as: &browser)
            #expect(page.status == .ok)
            #expect(page.text.contains("ana@acme.ro"))
        }
    }

    @Test("cookies are Secure behind a proxy that says X-Forwarded-Proto: https, and always when configured")
    func secureCookies() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            // MUT
            let result = try await client.signIn("ana@acme.ro", as: &browser, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            // validation
            #expect(result.setCookies["iflow_session"]?.contains("; Secure") == true)
        }
        var options = WebOptions()
        options.alwaysSecureCookies = true
        try await withApp(web: options) { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            let form = try await client.get("/admin/sign-in", as: &browser)
            #expect(form.setCookies["iflow_signin"]?.contains("; Secure") == true)
            let result = try await client.signIn("ana@acme.ro", as: &browser)
            #expect(result.setCookies["iflow_session"]?.contains("; Secure") == true)
        }
    }

    @Test("a wrong password or an unknown address is refused the same way, without a session")
    func wrongPassword() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro", language: .enUS)
            for (email, password) in [("ana@acme.ro", "wrong password!"), ("nobody@acme.ro", WebTest.password)] {
                var browser = Browser()
                // MUT
                let result = try await client.signIn(email, password: password, as: &browser)
                // validation
                #expect(result.status == .unauthorized)
                #expect(result.setCookies["iflow_session"] == nil)
                #expect(result.text.contains("Adresa de e-mail sau parola este greșită."))
            }
        }
    }

    @Test("the sign-in form is refused without its CSRF token, or with another browser's")
    func signInCSRF() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            _ = try await client.get("/admin/sign-in", as: &browser)
            var other = Browser()
            let otherForm = try await client.get("/admin/sign-in", as: &other)
            // MUT
            let missing = try await client.submit("/admin/sign-in", ["email": "ana@acme.ro", "password": WebTest.password], as: &browser)
            let foreign = try await client.submit(
                "/admin/sign-in", ["csrf_token": try #require(otherForm.csrfToken), "email": "ana@acme.ro", "password": WebTest.password],
                as: &browser
            )
            var noCookie = Browser()
            let forged = try await client.submit(
                "/admin/sign-in", ["csrf_token": try #require(otherForm.csrfToken), "email": "ana@acme.ro", "password": WebTest.password],
                as: &noCookie
            )
            // validation
            for page in [missing, foreign, forged] {
                #expect(page.status == .forbidden)
                #expect(page.setCookies["iflow_session"] == nil)
            }
        }
    }

    @Test("after 5 attempts for an address in 15 minutes the 6th is refused, even with the right password")
    func rateLimited() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            for _ in 0..<5 {
                let attempt = try await client.signIn("ana@acme.ro", password: "not the password", as: &browser)
                #expect(attempt.status == .unauthorized)
            }
            // MUT
            let blocked = try await client.signIn("ana@acme.ro", as: &browser)
            // validation
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter].flatMap(Int.init) ?? 0 > 0)
            #expect(blocked.setCookies["iflow_session"] == nil)
            var colleague = Browser()
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ion@acme.ro")
            #expect(try await client.signIn("ion@acme.ro", as: &colleague).status == .seeOther, "another address is not blocked")
        }
    }

    @Test("GET / leads to the web administration, which sends a visitor without a session on to sign in; other methods get 405")
    func frontDoor() async throws {
        try await withApp { client, _ in
            var browser = Browser()
            // MUT
            let front = try await client.get("/", as: &browser)
            let posted = try await client.send("/", method: .post)
            // validation
            #expect(front.status == .seeOther)
            #expect(front.location == "/admin")
            let admin = try await client.get(try #require(front.location), as: &browser)
            let next = try await client.get(try #require(admin.location), as: &browser)
            #expect(next.location?.hasPrefix("/admin/sign-in") == true)
            #expect(posted.status == .methodNotAllowed)
            #expect(posted.headers[.allow] == "GET")
        }
    }

    @Test("the throttle's window slides: attempts older than the window stop counting; a success forgets them")
    func throttleWindow() async throws {
        for backend in TestBackend.all {
            try await backend.withStore { store in
                // setup
                let throttle = SignInThrottle(store: store, limit: 2, window: 900)
                let start = Date(timeIntervalSince1970: 1_000_000)
                // MUT, validation
                #expect(try await throttle.attempt("a", now: start) == nil)
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(100)) == nil)
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(200)) == 700)
                #expect(try await throttle.attempt("b", now: start.addingTimeInterval(200)) == nil)
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(901)) == nil)
                try await throttle.reset("a")
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(902)) == nil)
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(903)) == nil)
                #expect(try await throttle.attempt("a", now: start.addingTimeInterval(904)) != nil)
            }
        }
    }

    @Test("signing out ends the session on the server, not only in the browser")
    func signsOut() async throws {
        try await withApp { client, f in
            try await WebTest.administrator(f.store, companyID: f.companyID, email: "ana@acme.ro")
            var browser = Browser()
            try await client.signIn("ana@acme.ro", as: &browser)
            let stolen = browser
            // MUT
            let result = try await client.submit("/admin/sign-out", ["csrf_token": try #require(browser.csrf)], as: &browser)
            // validation
            #expect(result.status == .seeOther)
            #expect(result.setCookies["iflow_session"]?.contains("Max-Age=0") == true)
            var replay = stolen
            #expect(try await client.get("/admin/timesheet", as: &replay).status == .seeOther)
            let count = try await f.store.administrators(companyID: f.companyID).count
            #expect(count == 1)
        }
    }

    @Test("redirects after signing in stay on this server")
    func safeNext() {
        #expect(WebEnvironment.safeNext("/admin/timesheet?month=2025-03") == "/admin/timesheet?month=2025-03")
        for hostile in ["//evil.example/admin/", "https://evil.example/admin/", "/admin/\\evil", "/other", "/admin/ x", "javascript:alert(1)"] {
            #expect(WebEnvironment.safeNext(hostile) == nil, "\(hostile)")
        }
    }
}
