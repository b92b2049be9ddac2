import Hummingbird

/// Looks up the session cookie's administrator, once per request, and hands them to the pages in the context.
///
/// It runs outside `WebErrorMiddleware`, so that error pages show the header of whoever is signed in; a failed lookup
/// therefore never reaches that middleware, and is rendered here the same way.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let web: WebEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[WebEnvironment.sessionCookie]?.value, !token.isEmpty {
            do {
                context.administrator = try await web.store.signedInAdministrator(token: token)
            } catch {
                return WebErrorMiddleware(web: web).response(to: error, request: request, context: context)
            }
        }
        return try await next(request, context)
    }
}
