import Hummingbird
import IFlowCore

/// One action of a badge terminal, e.g. `rfid_devices/auto_attendance`, served for GET and POST.
struct TerminalEndpoint: Sendable {
    /// `group/action`, as iFlow names it.
    var path: String
    /// An offline batch: a large body of many fields (`RequestLimits.maxUploadBytes`, `batchFieldLimit`).
    var acceptsBatch = false
    /// The handler's write finds the terminal itself, with what it writes (a live scan: ``Store/recordLiveScan(_:)``),
    /// so the dispatcher reads none first (``TerminalRequest/device`` is `nil` for a token given).
    var authenticatesInWrite = false
    var handle: @Sendable (TerminalRequest) async throws -> Response
}

extension TerminalEndpoint {
    /// An endpoint whose handler returns its reply type, sent as `{"api_reply": ...}`.
    init<Reply: Encodable & Sendable>(
        path: String, acceptsBatch: Bool = false, authenticatesInWrite: Bool = false,
        handle: @escaping @Sendable (TerminalRequest) async throws -> Reply
    ) {
        self.init(path: path, acceptsBatch: acceptsBatch, authenticatesInWrite: authenticatesInWrite) { request in
            try APIReply.ok(await handle(request))
        }
    }
}
