import ClaimTrail
import Hummingbird
import HummingbirdAuth

/// Finds who is asking: an `Authorization: Bearer` API token, or else the session cookie. It
/// refuses nothing by itself (routes say which role they need), except a token that is not
/// valid: a program sending a wrong token should hear so, not be treated as a visitor.
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
            guard let account = try await store.read({ try $0.account(bearing: token) }) else {
                throw AccessError.signInRequired
            }
            context.account = account
        } else if let cookie = request.cookies[Self.sessionCookie]?.value,
            let session = try await store.read({ try $0.session(cookie) })
        {
            context.account = session.account
            context.formToken = session.formToken
        }
        return try await next(request, context)
    }
}
