/// What proves who is asking: API tokens, sign-in sessions, and the record of wrong passwords.
///
/// Tokens are random 256-bit secrets handed out once; the store keeps only their SHA-256, so a
/// copy of the store (a backup, a replica) cannot be used to sign in. SHA-256 rather than bcrypt is
/// enough here because the secret is random, not chosen by a person.
extension ClaimStore {
    /// Wrong passwords in a row after which an account waits.
    public static let signInAttempts = 5
    /// How long it waits, in seconds.
    public static let signInPause = 60
    /// How long a session lasts after sign-in, in seconds.
    public static let sessionLifetime = 12 * 60 * 60

    private static let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

    // MARK: API tokens

    /// Issues a new API token for an account.
    /// - Returns: the token's id (to revoke it) and the token itself, which is not stored.
    public func issueToken(forAccount name: String, by: String) throws -> (id: Int64, token: String) {
        let account = try account(named: name)
        guard account.disabledAt == nil else { throw ClaimTrailError.invalid("“\(account.name)” is disabled") }
        let token = "ct_" + Secret.random()
        try database.execute(
            "INSERT INTO api_token (account_id, token_hash) VALUES (?, ?)",
            [account.id, SHA256.hex(token)]
        )
        let id = database.lastInsertRowID
        try logAccountChange(account.id, action: "token", detail: "#\(id)", by: by)
        return (id, token)
    }

    /// Revokes an API token by its id; requests bearing it are refused from then on.
    public func revokeToken(_ id: Int64, by: String) throws {
        guard
            let (accountID, revoked) = try database.cached("SELECT account_id, revoked_at FROM api_token WHERE id = ?")
                .first([id], { ($0.int64(0), $0.text(1)) })
        else { throw ClaimTrailError.notFound("no API token #\(id)") }
        guard revoked == nil else {
            throw ClaimTrailError.invalid("nothing to change: token #\(id) is already revoked")
        }
        try database.execute("UPDATE api_token SET revoked_at = \(Self.now) WHERE id = ?", [id])
        try logAccountChange(accountID, action: "revoke", detail: "#\(id)", by: by)
    }

    /// The tokens issued, to one account or to all, oldest first.
    public func tokens(forAccount name: String? = nil) throws -> [APIToken] {
        let accountID = try name.map { try account(named: $0).id }
        return try database.cached(
            """
            SELECT t.id, a.name, t.created_at, t.revoked_at FROM api_token t JOIN account a ON a.id = t.account_id
            WHERE ?1 IS NULL OR t.account_id = ?1 ORDER BY t.id
            """
        ).map([accountID]) { row in
            APIToken(id: row.int64(0), accountName: row.string(1), createdAt: row.string(2), revokedAt: row.text(3))
        }
    }

    /// The enabled account a live API token belongs to, if any.
    public func account(bearing token: String) throws -> Account? {
        try database.cached(
            """
            SELECT a.id, a.name, a.role, a.created_at, a.disabled_at
            FROM api_token t JOIN account a ON a.id = t.account_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled_at IS NULL
            """
        ).first([SHA256.hex(token)], Self.account)
    }

    // MARK: Sessions

    /// Starts a session for an account that has just signed in.
    /// - Returns: the cookie's value (not stored) and the session's form token.
    public func startSession(forAccount id: Int64) throws -> (token: String, formToken: String) {
        let token = Secret.random()
        let formToken = Secret.random()
        try database.execute("DELETE FROM account_session WHERE expires_at <= \(Self.now)")
        try database.execute(
            """
            INSERT INTO account_session (account_id, token_hash, csrf_token, expires_at)
            VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?))
            """,
            [id, SHA256.hex(token), formToken, "+\(Self.sessionLifetime) seconds"]
        )
        return (token, formToken)
    }

    /// The enabled account a live session belongs to, with the session's form token.
    public func session(_ token: String) throws -> (account: Account, formToken: String)? {
        try database.cached(
            """
            SELECT a.id, a.name, a.role, a.created_at, a.disabled_at, s.csrf_token
            FROM account_session s JOIN account a ON a.id = s.account_id
            WHERE s.token_hash = ? AND s.expires_at > \(Self.now) AND a.disabled_at IS NULL
            """
        ).first([SHA256.hex(token)]) { (Self.account($0), $0.string(5)) }
    }

    /// Ends a session (sign-out).
    public func endSession(_ token: String) throws {
        try database.execute("DELETE FROM account_session WHERE token_hash = ?", [SHA256.hex(token)])
    }

    // MARK: Sign-in

    /// What a sign-in checks a password against: the enabled account of that name, its bcrypt
    /// hash, and until when it must wait after too many wrong passwords (nil if it need not).
    public func signInCandidate(
        named name: String
    ) throws -> (account: Account, passwordHash: String, lockedUntil: String?)? {
        try database.cached(
            """
            SELECT id, name, role, created_at, disabled_at, password_hash,
                   CASE WHEN locked_until > \(Self.now) THEN locked_until END
            FROM account WHERE name_key = ? AND disabled_at IS NULL
            """
        ).first([TextKey.fold(name)]) { (Self.account($0), $0.string(5), $0.text(6)) }
    }

    /// Records the outcome of a password check. The `signInAttempts`-th wrong password in a row
    /// makes the account wait `signInPause` seconds; a right one clears the count.
    /// - Returns: until when the account must now wait, if it must.
    @discardableResult
    public func recordSignIn(ofAccount id: Int64, succeeded: Bool) throws -> String? {
        if succeeded {
            try database.execute("UPDATE account SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", [id])
            return nil
        }
        try database.execute(
            """
            UPDATE account SET
                locked_until = CASE WHEN failed_sign_ins + 1 >= ?2
                                    THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?3) ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ?2 THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = ?1
            """,
            [id, Self.signInAttempts, "+\(Self.signInPause) seconds"]
        )
        return try database.cached(
            "SELECT locked_until FROM account WHERE id = ? AND locked_until > \(Self.now)"
        ).first([id]) { $0.text(0) } ?? nil
    }
}
