import ClaimTrail
import Hummingbird
import HummingbirdBcrypt
import NIOPosix

/// Signing in and out of the web interface. The API signs in by token instead.
struct SignInRoutes {
    let store: StoreAccess
    let cookies: CookiePolicy
    /// A bcrypt hash of nothing anyone knows, checked when no account has the name given, so that a
    /// name that does not exist takes as long to refuse as a wrong password.
    let decoyHash = Bcrypt.hash(Secret.random(), cost: 12)

    /// The cookie that carries the sign-in form's token (the session's does not exist yet).
    static let formCookie = "claimtrail_signin"

    func add(to router: Router<DeskContext>) {
        router.on("/login", query: ["next"]) { request, context, query in
            signInPage(next: query["next"], message: nil, request, context)
        }
        router.on("/login", method: .post) { request, context, _ in
            let form = try await RequestInput.unverifiedForm(
                request,
                context: context,
                fields: ["name", "password", "next"]
            )
            guard let sent = form["csrf"], let expected = request.cookies[Self.formCookie]?.value,
                RequestInput.sameSecret(sent, expected)
            else { throw AccessError.badFormToken }
            do {
                let account = try await signIn(name: form["name"] ?? "", password: form.fields["password"] ?? "")
                let session = try await store.write { store in
                    try store.recordSignIn(ofAccount: account.id, succeeded: true)
                    return try store.startSession(forAccount: account.id)
                }
                var response = Response.redirect(to: Self.localPath(form["next"]))
                response.setCookie(
                    cookies.cookie(
                        AuthenticationMiddleware.sessionCookie,
                        session.token,
                        maxAge: ClaimStore.sessionLifetime,
                        request,
                        context
                    )
                )
                response.setCookie(cookies.cookie(Self.formCookie, "", maxAge: 0, request, context))
                return response
            } catch let error as AccessError where !context.wantsJSON {
                var response = signInPage(next: form["next"], message: error.message, request, context)
                response.status = ErrorMiddleware.describe(error).0
                return response
            }
        }
        router.on("/logout", method: .post) { request, context, _ in
            _ = try await RequestInput.form(request, context: context, fields: [])
            if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
                try await store.write { try $0.endSession(cookie) }
            }
            var response = Response.redirect(to: "/login")
            response.setCookie(cookies.cookie(AuthenticationMiddleware.sessionCookie, "", maxAge: 0, request, context))
            return response
        }
    }

    /// Checks a name and password. Five wrong passwords in a row make the account wait a minute.
    private func signIn(name: String, password: String) async throws -> Account {
        let candidate = try await store.read { try $0.signInCandidate(named: name) }
        if let until = candidate?.lockedUntil { throw AccessError.signInPaused(until: until) }
        let hash = candidate?.passwordHash ?? decoyHash
        // bcrypt takes a quarter of a second on purpose: never on an event loop.
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account = candidate?.account else { throw AccessError.wrongPassword }
        guard matches else {
            let until = try await store.write { try $0.recordSignIn(ofAccount: account.id, succeeded: false) }
            throw until.map { AccessError.signInPaused(until: $0) } ?? AccessError.wrongPassword
        }
        return account
    }

    private func signInPage(next: String?, message: String?, _ request: Request, _ context: DeskContext) -> Response {
        let token = Secret.random()
        let body = SignInPage.html(formToken: token, next: Self.localPath(next), message: message)
        var response = Response.html(PageLayout.page(title: "Sign in", viewer: Viewer(), body: body))
        response.setCookie(cookies.cookie(Self.formCookie, token, maxAge: 3600, request, context))
        return response
    }

    /// Where to go after signing in: a path on this site only, never another site's address.
    static func localPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return "/contested" }
        return next
    }
}
