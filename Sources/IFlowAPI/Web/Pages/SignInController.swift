import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// Signing in and out, and the language switch in the header.
struct SignInController {
    let web: WebEnvironment
    let throttle: SignInThrottle

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("sign-in", use: page)
        group.post("sign-in", use: signIn)
        group.post("sign-out", use: signOut)
        group.post("language", use: changeLanguage)
    }

    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> Response {
        let query = WebEnvironment.query(request)
        let next = WebEnvironment.safeNext(query["next"])
        if context.administrator != nil { return WebEnvironment.redirect(to: next ?? "/admin/timesheet") }
        var language = WebEnvironment.language(of: request)
        var chosen: Language?
        if let raw = query["lang"], let parsed = Language(rawValue: raw) {
            language = parsed
            chosen = parsed
        }
        var response = signInPage(
            request, language: language, next: next, email: "",
            notice: query["signed_out"] == "1" ? WebText.format("signed_out", language) : nil
        )
        if let chosen { response.setCookie(languageCookie(chosen, request: request)) }
        return response
    }

    @Sendable func signIn(_ request: Request, context: WebRequestContext) async throws -> Response {
        let fields = try await WebEnvironment.formFields(request)
        let language = WebEnvironment.language(of: request)
        let next = WebEnvironment.safeNext(fields["next"])
        let email = String((fields["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(254))
        guard let cookieToken = request.cookies[WebEnvironment.signInCookie]?.value, !cookieToken.isEmpty,
            let formToken = fields["csrf_token"], constantTimeEquals(cookieToken, formToken)
        else {
            return signInPage(
                request, language: language, next: next, email: email, error: WebText.format("form_expired_text", language), status: .forbidden)
        }

        let key = email.lowercased() + "\n" + (context.remoteAddress?.ipAddress ?? "unknown")
        if let wait = try await throttle.attempt(key) {
            let minutes = String(max(1, Int((wait / 60).rounded(.up))))
            var response = signInPage(
                request, language: language, next: next, email: email,
                error: WebText.format("sign_in_throttled", language, ["minutes": minutes]), status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        guard let administratorID = try await web.store.verifyAdministrator(email: email, password: fields["password"] ?? "") else {
            context.logger.notice("sign-in refused")
            return signInPage(
                request, language: language, next: next, email: email, error: WebText.format("sign_in_failed", language), status: .unauthorized)
        }
        try await throttle.reset(key)

        let grant = try await web.store.createAdminSession(administratorID: administratorID, lifetime: web.options.sessionLifetime)
        guard let administrator = try await web.store.signedInAdministrator(token: grant.token) else {
            return WebEnvironment.redirect(to: WebEnvironment.signInURL(next: next))
        }
        context.logger.info("signed in", metadata: ["administrator": "\(administratorID)", "company": "\(administrator.company.id)"])
        var response = WebEnvironment.redirect(to: next ?? "/admin/timesheet")
        response.setCookie(web.cookie(WebEnvironment.sessionCookie, grant.token, maxAge: Int(web.options.sessionLifetime), request: request))
        response.setCookie(web.expiredCookie(WebEnvironment.signInCookie, request: request))
        response.setCookie(languageCookie(administrator.language, request: request))
        return response
    }

    @Sendable func signOut(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let administrator = context.administrator else { return WebEnvironment.redirect(to: "/admin/sign-in") }
        _ = try await web.form(request, administrator: administrator)
        if let token = request.cookies[WebEnvironment.sessionCookie]?.value { try await web.store.deleteAdminSession(token: token) }
        var response = WebEnvironment.redirect(to: "/admin/sign-in?signed_out=1")
        response.setCookie(web.expiredCookie(WebEnvironment.sessionCookie, request: request))
        return response
    }

    @Sendable func changeLanguage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        var response = WebEnvironment.redirect(to: WebEnvironment.safeNext(fields["next"]) ?? "/admin/timesheet")
        if let language = fields["language"].flatMap(Language.init(rawValue:)) {
            try await web.store.setAdministratorLanguage(id: administrator.administratorID, language: language)
            response.setCookie(languageCookie(language, request: request))
        }
        return response
    }

    /// The sign-in form, with a fresh or the browser's existing pre-session CSRF token.
    private func signInPage(
        _ request: Request, language: Language, next: String?, email: String, error: String? = nil, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let existing = request.cookies[WebEnvironment.signInCookie]?.value ?? ""
        let token = existing.utf8.count == 43 && existing.utf8.allSatisfy(Self.isBase64URL) ? existing : Store.randomToken(bytes: 32)
        var values: [String: Any] = ["signInToken": token, "next": next ?? "", "formEmail": email]
        if let error { values["error"] = error }
        if let notice { values["notice"] = notice }
        var response = web.page(
            "sign-in", title: WebText.format("sign_in_title", language), language: language, administrator: nil, request: request,
            status: status, values: values
        )
        response.setCookie(web.cookie(WebEnvironment.signInCookie, token, maxAge: nil, request: request))
        return response
    }

    private func languageCookie(_ language: Language, request: Request) -> Cookie {
        web.cookie(WebEnvironment.languageCookie, language.rawValue, maxAge: 365 * 24 * 3600, request: request)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }
}
