import Hummingbird
import Metrics

/// Counts requests by endpoint and status and times them; a streamed reply (a report) until its last byte is
/// written. See ``RequestMetrics``.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The error middlewares inside answer every error; one that still escapes is counted with the status Hummingbird gives it.
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.handles(endpoint: context.endpointPath, status: status.code).requests.increment()
            throw error
        }
        let handles = metrics.handles(endpoint: context.endpointPath, status: response.status.code)
        handles.requests.increment()
        guard response.body.contentLength == nil else {
            // A reply whose length is known is already in memory: writing it adds nothing worth timing, and wrapping
            // it would lose Hummingbird's single-write path for a buffer.
            handles.record(ContinuousClock.now - start)
            return response
        }
        let body = response.body
        response.body = ResponseBody { writer in
            defer { handles.record(ContinuousClock.now - start) }
            try await body.write(writer)
        }
        return response
    }
}
