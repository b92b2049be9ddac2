import Foundation
import HTTPTypes
import HummingbirdTesting
import IFlowCore
import IFlowStore
import NIOCore
import Testing

/// A browser's view of the web administration: its cookies, and the last CSRF token a page gave it.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf: String?

    var cookieHeader: HTTPFields {
        guard !cookies.isEmpty else { return [:] }
        return [.cookie: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }
}

/// A response as a browser sees it: status, headers, body text and the cookies it sets.
struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }

    /// `Set-Cookie` lines by cookie name.
    var setCookies: [String: String] {
        var cookies: [String: String] = [:]
        for line in headers[values: .setCookie] {
            guard let name = line.split(separator: "=", maxSplits: 1).first else { continue }
            cookies[String(name)] = line
        }
        return cookies
    }

    /// The value of the first `name="csrf_token"` field.
    var csrfToken: String? { Self.firstMatch(#"name="csrf_token" value="([^"]+)""#, in: text) }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

enum WebTest {
    static let password = "correct horse battery"

    /// An administrator of `companyID`, hashed at bcrypt's lowest cost so tests stay quick.
    @discardableResult
    static func administrator(_ store: Store, companyID: Int, email: String, language: Language = .roRO) async throws -> Administrator {
        try await store.createAdministrator(companyID: companyID, email: email, password: password, language: language, cost: 4)
    }
}

extension TestClientProtocol {
    /// GET as the browser, remembering the cookies set and the page's CSRF token.
    func get(_ path: String, as browser: inout Browser, headers: HTTPFields = [:]) async throws -> Page {
        var all = browser.cookieHeader
        all.append(contentsOf: headers)
        let response = try await executeRequest(uri: path, method: .get, headers: all, body: nil)
        return remember(Page(status: response.status, headers: response.headers, body: response.body), in: &browser)
    }

    /// POST a form as the browser.
    func submit(_ path: String, _ fields: [String: String], as browser: inout Browser, headers: HTTPFields = [:]) async throws -> Page {
        var all = browser.cookieHeader
        all.append(contentsOf: headers)
        all[.contentType] = "application/x-www-form-urlencoded"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        let response = try await executeRequest(uri: path, method: .post, headers: all, body: ByteBuffer(string: body))
        return remember(Page(status: response.status, headers: response.headers, body: response.body), in: &browser)
    }

    /// Signs in through the form; the browser then holds the session cookie and the session's CSRF token.
    @discardableResult
    func signIn(_ email: String, password: String = WebTest.password, as browser: inout Browser, headers: HTTPFields = [:]) async throws -> Page {
        let form = try await get("/admin/sign-in", as: &browser)
        let token = try #require(form.csrfToken)
        let result = try await submit("/admin/sign-in", ["csrf_token": token, "email": email, "password": password], as: &browser, headers: headers)
        if result.status == .seeOther { _ = try await get("/admin/timesheet", as: &browser) }
        return result
    }

    private func remember(_ page: Page, in browser: inout Browser) -> Page {
        for (name, line) in page.setCookies {
            let value = String(line.split(separator: ";").first?.split(separator: "=", maxSplits: 1).dropFirst().first ?? "")
            if line.contains("Max-Age=0") || value.isEmpty {
                browser.cookies[name] = nil
            } else {
                browser.cookies[name] = value
            }
        }
        if let token = page.csrfToken { browser.csrf = token }
        return page
    }
}
