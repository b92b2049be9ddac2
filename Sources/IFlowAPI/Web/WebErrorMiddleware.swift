import Hummingbird
import IFlowCore
import Logging

/// Renders what goes wrong under `/admin` as HTML pages rather than the API's JSON envelope, with the header of the
/// administrator `WebSessionMiddleware` found.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let web: WebEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return response(to: error, request: request, context: context)
        }
    }

    /// The page for `error`: the sign-in redirect, a 404, an expired form, or a page saying that something went wrong.
    func response(to error: any Error, request: Request, context: Context) -> Response {
        switch error {
        case WebError.signInRequired:
            // After signing in, the browser comes back to a page it asked for, never to a form it posted.
            return WebEnvironment.redirect(to: WebEnvironment.signInURL(next: request.method == .get ? WebEnvironment.here(request) : nil))
        case WebError.notFound:
            return message(request, context, status: .notFound, heading: "not_found_title", text: "not_found_text")
        case WebError.formExpired:
            return message(request, context, status: .forbidden, heading: "form_expired_title", text: "form_expired_text")
        case WebError.tooLarge:
            return message(request, context, status: .contentTooLarge, heading: "error_title", text: "error_text")
        case let error as any HTTPResponseError:
            let notFound = error.status == .notFound
            return message(
                request, context, status: error.status, heading: notFound ? "not_found_title" : "error_title",
                text: notFound ? "not_found_text" : "error_text"
            )
        default:
            // The type only: database errors can quote the values they refused, and those may be personal numbers.
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return message(request, context, status: .internalServerError, heading: "error_title", text: "error_text")
        }
    }

    private func message(_ request: Request, _ context: Context, status: HTTPResponse.Status, heading: String, text: String) -> Response {
        let administrator = context.administrator
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
