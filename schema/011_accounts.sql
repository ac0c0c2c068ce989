-- claimtrail store, schema version 11: the accounts of a desk that shares one store through
-- `claimtrail serve`, their sign-in sessions and API tokens, and an append-only log of who changed
-- which account. Secrets are never stored: passwords as bcrypt hashes, session and API tokens as
-- SHA-256 hashes, so a copy of the store signs nobody in.

CREATE TABLE account (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: the log names accounts by id
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL UNIQUE,                -- the folded name: one account per name in any case
    role            TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash   TEXT NOT NULL,                       -- bcrypt
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- set by `user disable`; a disabled account signs nothing in
    disabled_at     TEXT,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,          -- wrong passwords in a row
    locked_until    TEXT                                 -- after 5 wrong passwords: no sign-in before this time
);

CREATE TABLE account_session (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES account (id),
    token_hash  TEXT NOT NULL UNIQUE,                    -- SHA-256 of the cookie's value
    csrf_token  TEXT NOT NULL,                           -- the session's form token (not a credential on its own)
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    expires_at  TEXT NOT NULL
);
CREATE INDEX account_session_by_account ON account_session (account_id);

CREATE TABLE api_token (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES account (id),
    token_hash  TEXT NOT NULL UNIQUE,                    -- SHA-256 of the token
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    revoked_at  TEXT
);
CREATE INDEX api_token_by_account ON api_token (account_id);

-- Who added, changed or disabled which account, and who issued or revoked which token. Kept apart
-- from change_log, whose entity check (claim, speaker, attribution) cannot be widened without
-- rebuilding it.
CREATE TABLE account_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changed_by  TEXT NOT NULL,
    account_id  INTEGER NOT NULL REFERENCES account (id),
    action      TEXT NOT NULL CHECK (action IN ('add', 'role', 'disable', 'token', 'revoke')),
    detail      TEXT                                 -- e.g. the new role, or the token's id
);
CREATE INDEX account_log_by_account ON account_log (account_id);

CREATE TRIGGER account_log_append_only_update BEFORE UPDATE ON account_log
BEGIN SELECT RAISE(ABORT, 'the account log cannot be edited'); END;
CREATE TRIGGER account_log_append_only_delete BEFORE DELETE ON account_log
BEGIN SELECT RAISE(ABORT, 'the account log cannot be edited'); END;
