import ClaimTrail

/// Why a request was refused before it reached the store.
enum AccessError: Error, Equatable {
    /// Nobody is signed in: 401 for the API, the sign-in page for a browser.
    case signInRequired
    /// The account's role is below what the request needs: 403.
    case forbidden(needed: AccountRole)
    /// A form without this session's form token: a forged cross-site post, or a stale page. 403.
    case badFormToken
    /// Too many wrong passwords: 429 until then.
    case signInPaused(until: String)
    /// A wrong name or password; which of the two is not said. 401.
    case wrongPassword

    var message: String {
        switch self {
        case .signInRequired: "sign in first"
        case .forbidden(let needed): "this needs the \(needed.rawValue) role"
        case .badFormToken: "the form was not sent from this site's page, or the page is too old; reload it"
        case .signInPaused(let until): "too many wrong passwords for this account; try again after \(until)"
        case .wrongPassword: "wrong name or password"
        }
    }
}
