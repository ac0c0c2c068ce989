/// The desk's accounts: who may sign in to `claimtrail serve`, and with which role. Each change is
/// written to the append-only account log with who made it. Passwords arrive already hashed
/// (bcrypt, by the caller), so this layer never sees one.
extension ClaimStore {
    private static let accountColumns = "id, name, role, created_at, disabled_at"

    /// An account from a row whose first columns are `accountColumns`.
    static func account(_ row: Row) -> Account {
        Account(
            id: row.int64(0),
            name: row.string(1),
            role: AccountRole(rawValue: row.string(2)) ?? .viewer,
            createdAt: row.string(3),
            disabledAt: row.text(4)
        )
    }

    /// Adds an account. A name already taken, in any case, is refused, and so is one that would not
    /// show as it is (see `requireVisible`).
    public func addAccount(name: String, role: AccountRole, passwordHash: String, by: String) throws -> Account {
        guard let clean = Reference.clean(name) else { throw ClaimTrailError.invalid("an account needs a name") }
        try Self.requireVisible(accountName: clean)
        if let existing = try accountIfAny(named: clean) {
            throw ClaimTrailError.invalid(
                "“\(clean)” is taken: account “\(existing.name)” exists (names ignore case)"
            )
        }
        try database.execute(
            "INSERT INTO account (name, name_key, role, password_hash) VALUES (?, ?, ?, ?)",
            [clean, TextKey.fold(clean), role.rawValue, passwordHash]
        )
        let id = database.lastInsertRowID
        try logAccountChange(id, action: "add", detail: role.rawValue, by: by)
        return try account(named: clean)
    }

    /// Refuses an account name holding a character that does not show as itself: a control (a tab,
    /// a line break), a format character (a bidirectional override, a zero-width space), a private-use
    /// or unassigned code point, or a space other than U+0020. Tables drop or blank such characters,
    /// so `user list`, the server's pages and every `recorded_by` would show "\u{202E}admin" as
    /// "admin", the name of another account.
    private static func requireVisible(accountName name: String) throws {
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: break
            case .spaceSeparator where scalar != " ": break
            default: continue
            }
            throw ClaimTrailError.invalid(
                "an account name cannot hold \(scalar.codePoint), a character that does not show as itself"
            )
        }
    }

    /// Every account, in the order they were added.
    public func accounts() throws -> [Account] {
        try database.cached("SELECT \(Self.accountColumns) FROM account ORDER BY id").map([], Self.account)
    }

    /// The account with this name, in any case.
    public func account(named name: String) throws -> Account {
        guard let account = try accountIfAny(named: name) else {
            throw ClaimTrailError.notFound("no account “\(name)”")
        }
        return account
    }

    private func accountIfAny(named name: String) throws -> Account? {
        try database.cached("SELECT \(Self.accountColumns) FROM account WHERE name_key = ?").first(
            [TextKey.fold(name)],
            Self.account
        )
    }

    /// Gives an account another role.
    public func setRole(_ role: AccountRole, ofAccount name: String, by: String) throws {
        let account = try account(named: name)
        guard account.role != role else {
            throw ClaimTrailError.invalid("nothing to change: “\(account.name)” is already \(role.rawValue)")
        }
        try database.execute("UPDATE account SET role = ? WHERE id = ?", [role.rawValue, account.id])
        try logAccountChange(account.id, action: "role", detail: role.rawValue, by: by)
    }

    /// Switches an account off for good: it signs in no more, and its sessions and tokens stop working.
    public func disableAccount(named name: String, by: String) throws {
        let account = try account(named: name)
        guard account.disabledAt == nil else {
            throw ClaimTrailError.invalid("nothing to change: “\(account.name)” is already disabled")
        }
        try database.execute(
            "UPDATE account SET disabled_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            [account.id]
        )
        try database.execute("DELETE FROM account_session WHERE account_id = ?", [account.id])
        try database.execute(
            """
            UPDATE api_token SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            WHERE account_id = ? AND revoked_at IS NULL
            """,
            [account.id]
        )
        try logAccountChange(account.id, action: "disable", detail: nil, by: by)
    }

    func logAccountChange(_ accountID: Int64, action: String, detail: String?, by: String) throws {
        try database.execute(
            "INSERT INTO account_log (changed_by, account_id, action, detail) VALUES (?, ?, ?, ?)",
            [by, accountID, action, detail]
        )
    }

    /// The account log, oldest first: `(when, by whom, account, action, detail)`.
    public func accountLog() throws -> [AccountChange] {
        try database.cached(
            """
            SELECT l.changed_at, l.changed_by, a.name, l.action, l.detail
            FROM account_log l JOIN account a ON a.id = l.account_id ORDER BY l.id
            """
        ).map([]) { row in
            AccountChange(
                at: row.string(0),
                by: row.string(1),
                account: row.string(2),
                action: row.string(3),
                detail: row.text(4)
            )
        }
    }
}
