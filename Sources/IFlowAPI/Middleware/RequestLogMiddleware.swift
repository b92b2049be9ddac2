import Hummingbird
import Logging

/// One log line per request: request id (from the context's logger), method, path, status and duration.
///
/// Only the path is logged, and only its word-like segments: never the query string, headers, body, or a path
/// segment that is long, has other symbols or more than three digits, any of which may carry a key or a personal number.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static func loggable(path: String) -> String {
        path.prefix(200).split(separator: "/", omittingEmptySubsequences: false).map { segment in
            let scalars = segment.unicodeScalars
            let wordLike = scalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
            }
            return segment.count <= 40 && wordLike && scalars.filter({ ("0"..."9").contains($0) }).count <= 3 ? String(segment) : ":value"
        }.joined(separator: "/")
    }

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
                    "endpoint": "\(Self.loggable(path: request.uri.path))",
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
