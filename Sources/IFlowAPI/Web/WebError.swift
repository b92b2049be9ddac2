/// Why a web request ends in something other than its page; `WebErrorMiddleware` renders each.
enum WebError: Error {
    /// No valid session: redirect to the sign-in page, coming back to the page asked for afterwards.
    case signInRequired
    /// No such page, or a record of another company (which must look exactly like a missing one).
    case notFound
    /// The form's CSRF token is missing or is not the session's.
    case formExpired
    /// The form body is larger than any form of ours.
    case tooLarge
}
