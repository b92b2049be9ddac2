import Hummingbird
import IFlowStore
import NIOCore

/// The request context of the pages under `/admin`: the app's context and the administrator signed in with the
/// request's session cookie, which `WebSessionMiddleware` looks up once per request.
struct WebRequestContext: ChildRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// Sign-in attempts are counted per client address.
    let remoteAddress: SocketAddress?
    /// `nil` without a valid session.
    var administrator: SignedInAdministrator?

    init(context: AppRequestContext) {
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
    }

    /// The signed-in administrator, or `WebError.signInRequired`: a redirect to the sign-in page, which comes back here.
    func requireAdministrator() throws -> SignedInAdministrator {
        guard let administrator else { throw WebError.signInRequired }
        return administrator
    }
}
