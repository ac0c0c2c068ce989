-- claimtrail store, schema version 4: an audit trail of corrections and deletions, so an editor can
-- see who changed what and when, and what it said before.

CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changed_by TEXT NOT NULL,
    entity     TEXT NOT NULL CHECK (entity IN ('claim', 'speaker', 'attribution')),
    entity_id  INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('edit', 'delete')),
    claim_id   INTEGER,          -- the claim concerned, so that `trace claim` can show it
    before     TEXT NOT NULL,    -- the row before, as a JSON object
    after      TEXT,             -- the row after an edit, as a JSON object; NULL for a deletion
    reason     TEXT
);
CREATE INDEX change_log_by_claim ON change_log (claim_id);
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);

-- The trail is append-only.
CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
