/// The reply of a request that failed: every failed check.
struct APIErrorReply: Encodable, Sendable {
    var error: [APIErrorItem]
}
