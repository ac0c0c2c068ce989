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
    /// What the request signs in with, until `signIn(in:)` has checked it against the store.
    var credential: Credential?
    /// The signed-in account, by session cookie or API token, once `signIn(in:)` has run.
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

    /// What a request signs in with.
    enum Credential: Sendable {
        /// An API token, from `Authorization: Bearer`.
        case token(String)
        /// The session cookie's value.
        case session(String)
    }

    /// Checks the credential in `store`, within the caller's read, and takes its account (and a
    /// session's form token); once checked, it is gone. A token that is not valid is refused: a
    /// program sending a wrong token should hear so, not be treated as a visitor. A session that
    /// is not valid (expired, signed out, disabled) leaves the request signed out.
    mutating func signIn(in store: ClaimStore) throws {
        switch credential {
        case .token(let token):
            guard let account = try store.account(bearing: token) else { throw AccessError.signInRequired }
            self.account = account
        case .session(let cookie):
            if let session = try store.session(cookie) {
                account = session.account
                formToken = session.formToken
            }
        case nil: break
        }
        credential = nil
    }

    /// This context signed in, in a read of its own: for a route that does not read the store
    /// anyway (a page signs in within the read that builds it).
    func signedIn(_ store: StoreAccess) async throws -> DeskContext {
        guard credential != nil else { return self }
        return try await store.read { store in
            var context = self
            try context.signIn(in: store)
            return context
        }
    }

    /// The signed-in account, if it has at least `role`.
    func require(_ role: AccountRole) throws -> Account {
        guard let account else { throw AccessError.signInRequired }
        guard account.role >= role else { throw AccessError.forbidden(needed: role) }
        return account
    }
}
