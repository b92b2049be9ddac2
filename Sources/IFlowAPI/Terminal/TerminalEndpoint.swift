import Hummingbird
import IFlowCore

/// One action of a badge terminal, e.g. `rfid_devices/auto_attendance`, served for GET and POST.
struct TerminalEndpoint: Sendable {
    /// `group/action`, as iFlow names it.
    var path: String
    /// An offline batch: a large body of many fields (`RequestLimits.maxUploadBytes`, `batchFieldLimit`).
    var acceptsBatch = false
    /// The badge the request names, read by the dispatcher with the terminal's token in one statement
    /// (``TerminalRequest/badge``); `nil` for an action that names none.
    var badge: (@Sendable (RequestFields) -> String?)? = nil
    var handle: @Sendable (TerminalRequest) async throws -> Response
}

extension TerminalEndpoint {
    /// An endpoint whose handler returns its reply type, sent as `{"api_reply": ...}`.
    init<Reply: Encodable & Sendable>(
        path: String, acceptsBatch: Bool = false, badge: (@Sendable (RequestFields) -> String?)? = nil,
        handle: @escaping @Sendable (TerminalRequest) async throws -> Reply
    ) {
        self.init(path: path, acceptsBatch: acceptsBatch, badge: badge) { request in try APIReply.ok(await handle(request)) }
    }
}
