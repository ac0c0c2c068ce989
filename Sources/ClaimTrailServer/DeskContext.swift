import ClaimTrail
import Hummingbird

/// What the server knows about one request beyond the request itself: who sent it, and whether
/// the answer should be JSON.
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connecting peer's IP address: a trusted proxy's forwarded scheme is believed.
    let peerAddress: String?
    /// Answer in JSON: an `/api/` path, a `.json` suffix, or `Accept: application/json`.
    var wantsJSON = false
    /// The signed-in account, by session cookie or API token.
    var account: Account?
    /// The session's form token when signed in by cookie; nil when signed in by API token,
    /// whose requests a browser never sends on its own, so they need none.
    var formToken: String?

    /// Who a page is rendered for.
    var viewer: Viewer { Viewer(account: account, formToken: formToken) }

    public var maxUploadSize: Int { ServerSettings.maximumBodySize }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in account, if it has at least `role`.
    func require(_ role: AccountRole) throws -> Account {
        guard let account else { throw AccessError.signInRequired }
        guard account.role >= role else { throw AccessError.forbidden(needed: role) }
        return account
    }
}
