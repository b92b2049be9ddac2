import Foundation
import HTTPTypes
import Hummingbird
import IFlowCore
import IFlowStore
import Mustache
import NIOCore

/// What every web page shares: the store, the templates, the cookies, and how forms are read and pages rendered.
struct WebEnvironment: Sendable {
    let store: Store
    let options: WebOptions
    let calculators: CalculatorCache
    let library: MustacheLibrary

    static let sessionCookie = "iflow_session"
    /// The sign-in form's CSRF token, before there is a session (double-submit: cookie and form field must match).
    static let signInCookie = "iflow_signin"
    /// The language of pages shown without a session (sign-in, errors); kept equal to the administrator's choice.
    static let languageCookie = "iflow_lang"
    static let cookiePath = "/admin"
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let maxFormBytes = 64 * 1024

    /// The menu entry a page belongs to.
    enum Section {
        case today, timesheet, employees, apiAccess, devices, labourCode, audit
    }

    // MARK: Forms

    /// The fields of a POSTed form, after checking its CSRF token against the session's.
    func form(_ request: Request, administrator: SignedInAdministrator) async throws -> FormFields {
        let fields = try await Self.formFields(request)
        guard let token = fields["csrf_token"], constantTimeEquals(token, administrator.csrfToken) else { throw WebError.formExpired }
        return fields
    }

    static func formFields(_ request: Request) async throws -> FormFields {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxFormBytes)
        } catch is NIOTooManyBytesError {
            throw WebError.tooLarge
        }
        do {
            return try FormFields.decode(body: body, contentType: request.headers[.contentType])
        } catch {
            throw WebError.formExpired
        }
    }

    /// The query string's fields (`+` read as a space, as browsers send GET forms).
    static func query(_ request: Request) -> FormFields {
        (try? FormFields.decode(body: ByteBuffer(string: request.uri.query ?? ""), contentType: "application/x-www-form-urlencoded")) ?? FormFields()
    }

    // MARK: Cookies

    /// `Secure` when configured so or when the proxy in front says the browser used HTTPS. A client that sends the
    /// header itself over plain HTTP only makes its own browser withhold the cookie.
    func isSecure(_ request: Request) -> Bool {
        options.alwaysSecureCookies || request.headers[Self.forwardedProto]?.lowercased() == "https"
    }

    /// An `HttpOnly`, `SameSite=Lax` cookie for `/admin`.
    func cookie(_ name: String, _ value: String, maxAge: Int?, request: Request) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: Self.cookiePath, secure: isSecure(request), httpOnly: true, sameSite: .lax)
    }

    /// A cookie that tells the browser to forget `name`.
    func expiredCookie(_ name: String, request: Request) -> Cookie {
        cookie(name, "", maxAge: 0, request: request)
    }

    /// The language of pages without a session: the language cookie, else the browser's preference, else Romanian.
    static func language(of request: Request) -> Language {
        if let raw = request.cookies[languageCookie]?.value, let language = Language(rawValue: raw) { return language }
        if let accept = request.headers[.acceptLanguage]?.lowercased() {
            let first = accept.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if first.hasPrefix("en") { return .enUS }
        }
        return .roRO
    }

    // MARK: Pages

    /// The path and query of the request, to come back to.
    static func here(_ request: Request) -> String {
        request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    }

    /// `raw` when it is a path of ours to redirect to, else `nil`: never another host, never a scheme.
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/admin/") || raw == "/admin", !raw.hasPrefix("//"), raw.utf8.count <= 2000,
            raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return nil }
        return raw
    }

    /// The sign-in page, which comes back to `next` (when it is a path of ours) after signing in.
    static func signInURL(next: String?) -> String {
        url("/admin/sign-in", [("next", safeNext(next))])
    }

    /// `path` with a query string built from `items` (empty values left out).
    static func url(_ path: String, _ items: [(String, String?)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// Renders a page inside the layout.
    /// - Parameters:
    ///   - template: A name of `WebTemplates.sources`.
    ///   - values: The page's own values; they may override the layout's.
    func page(
        _ template: String, title: String, language: Language, administrator: SignedInAdministrator?, request: Request,
        section: Section? = nil, status: HTTPResponse.Status = .ok, withScript: Bool = false, values: [String: Any] = [:]
    ) -> Response {
        var context: [String: Any] = [
            "t": WebText.table(language),
            "htmlLang": language.htmlCode,
            "pageTitle": title,
            "withScript": withScript,
        ]
        let here = Self.here(request)
        context["languages"] = Language.allCases.map { option -> [String: Any] in
            [
                "code": option.rawValue,
                "short": option.htmlCode.uppercased(),
                "name": option == .roRO ? "Română" : "English",
                "current": option == language,
                "languageURL": Self.url("/admin/sign-in", [("lang", option.rawValue), ("next", Self.safeNext(Self.query(request)["next"]))]),
            ]
        }
        if let administrator {
            context["admin"] =
                [
                    "company": administrator.company.name,
                    "email": administrator.email,
                    "csrf": administrator.csrfToken,
                    "here": here,
                    "navTimesheet": section == .timesheet,
                    "navEmployees": section == .employees,
                    "navAPIAccess": section == .apiAccess,
                    "navToday": section == .today,
                    "navDevices": section == .devices,
                    "navAudit": section == .audit,
                    "navLabourCode": section == .labourCode,
                ] as [String: Any]
        }
        context.merge(values) { _, new in new }
        let html = library.render(context, withTemplate: template) ?? ""
        return Self.htmlResponse(html, status: status)
    }

    static func htmlResponse(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: securityHeaders(contentType: "text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Pages hold personal data: never cached, never framed, no scripts but our own file.
    static func securityHeaders(contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .cacheControl: "no-store",
            .contentSecurityPolicy:
                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// `yyyy-MM-dd HH:mm` in the company's time zone.
    static func timestamp(_ date: Date?, in zone: TimeZone) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
