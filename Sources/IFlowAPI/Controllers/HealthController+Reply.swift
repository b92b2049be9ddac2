/// `/healthz`'s body (no `api_reply` envelope): `ok` or `unavailable`.
struct HealthReply: Encodable, Sendable {
    var status: String
}
