import Hummingbird
import Logging

/// One log line per request: request id (from the context's logger), method, path, status and duration.
///
/// Only the path is logged: never the query string, headers or body, which may carry a key or a personal number.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = "500"
        defer {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method)",
                    "endpoint": "\(request.uri.path.prefix(200))",
                    "status": "\(status)",
                    "duration_ms": "\((milliseconds * 10).rounded() / 10)",
                ]
            )
        }
        let response = try await next(request, context)
        status = String(response.status.code)
        return response
    }
}
