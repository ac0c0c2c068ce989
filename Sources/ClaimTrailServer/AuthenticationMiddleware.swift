import ClaimTrail
import Hummingbird
import HummingbirdAuth

/// Finds who is asking: an `Authorization: Bearer` API token, or else the session cookie. It
/// refuses nothing by itself (routes say which role they need), except a token that is not
/// valid (see `DeskContext.signIn(in:)`).
///
/// A GET is left to sign in within the read that builds its page, one read transaction and one
/// trip to a read thread instead of two: the lookup on its own trip cost a claim page a
/// noticeable share of its time. A GET route that does not build a page in `ReadRoutes` signs in
/// with `DeskContext.signedIn(_:)`; one that forgets finds nobody signed in, and refuses.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = DeskContext
    let store: StoreAccess

    /// The session cookie's name.
    static let sessionCookie = "claimtrail_session"

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var context = context
        if let token = request.headers.bearer?.token {
            context.credential = .token(token)
        } else if let cookie = request.cookies[Self.sessionCookie]?.value {
            context.credential = .session(cookie)
        }
        if request.method != .get && request.method != .head { context = try await context.signedIn(store) }
        return try await next(request, context)
    }
}
