import Hummingbird
import IFlowCore
import Logging

/// Renders what goes wrong under `/admin` as HTML pages rather than the API's JSON envelope.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let web: WebEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch WebError.signInRequired(let next) {
            return WebEnvironment.redirect(to: WebEnvironment.url("/admin/sign-in", [("next", WebEnvironment.safeNext(next))]))
        } catch WebError.notFound {
            return await message(request, status: .notFound, heading: "not_found_title", text: "not_found_text")
        } catch WebError.formExpired {
            return await message(request, status: .forbidden, heading: "form_expired_title", text: "form_expired_text")
        } catch WebError.tooLarge {
            return await message(request, status: .contentTooLarge, heading: "error_title", text: "error_text")
        } catch let error as any HTTPResponseError {
            let notFound = error.status == .notFound
            return await message(
                request, status: error.status, heading: notFound ? "not_found_title" : "error_title", text: notFound ? "not_found_text" : "error_text"
            )
        } catch {
            // The type only: database errors can quote the values they refused, and those may be personal numbers.
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return await message(request, status: .internalServerError, heading: "error_title", text: "error_text")
        }
    }

    private func message(_ request: Request, status: HTTPResponse.Status, heading: String, text: String) async -> Response {
        let administrator = try? await web.administrator(request)
        let language = administrator?.language ?? WebEnvironment.language(of: request)
        let t = WebText.table(language)
        return web.page(
            "message", title: t[heading] ?? "", language: language, administrator: administrator, request: request, status: status,
            values: [
                "heading": t[heading] ?? "",
                "text": t[text] ?? "",
                "linkURL": administrator == nil ? "/admin/sign-in" : "/admin/timesheet",
                "linkText": administrator == nil ? (t["sign_in_title"] ?? "") : (t["back_home"] ?? ""),
            ]
        )
    }
}
