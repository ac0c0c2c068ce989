import Hummingbird

/// How the server's cookies are set: `HttpOnly` (no script reads them), `SameSite=Strict` (no
/// other site's page sends them), and `Secure` when the browser reached the server over TLS.
struct CookiePolicy: Sendable {
    let settings: ServerSettings

    /// TLS ends at a proxy in front of the server: either the operator said so (`--behind-tls`),
    /// or a proxy on the trusted list says so in `X-Forwarded-Proto`. Anyone else's header is ignored.
    func isSecure(_ request: Request, peer: String?) -> Bool {
        if settings.behindTLS { return true }
        guard let peer, settings.trustedProxies.contains(peer) else { return false }
        return request.headers.value(named: "x-forwarded-proto")?.lowercased() == "https"
    }

    func cookie(_ name: String, _ value: String, maxAge: Int, _ request: Request, _ context: DeskContext) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: maxAge,
            path: "/",
            secure: isSecure(request, peer: context.peerAddress),
            httpOnly: true,
            sameSite: .strict
        )
    }
}
