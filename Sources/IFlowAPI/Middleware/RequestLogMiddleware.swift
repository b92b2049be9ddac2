import Hummingbird
import Logging

/// One log line per request: request id (from the context's logger), method, path, status and duration.
///
/// Only the path is logged, and only its word-like segments: never the query string, headers, body, or a path
/// segment that is long, has other symbols or more than three digits, any of which may carry a key or a personal number.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// By bytes: a word-like segment is ASCII, so its bytes are its characters (a path is logged on every request).
    static func loggable(path: String) -> String {
        path.prefix(200).utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { segment in
            var digits = 0
            let wordLike =
                segment.count <= 40
                && segment.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"):
                        digits += 1
                        return true
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                        UInt8(ascii: "."):
                        return true
                    default: return false
                    }
                }
            return wordLike && digits <= 3 ? String(decoding: segment, as: UTF8.self) : ":value"
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
