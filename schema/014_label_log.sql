-- claimtrail store, schema version 14: renaming a status label is logged in the change log like
-- every other correction (who, when, the label before and after). The entity check is widened by
-- rebuilding the table as in 010 (SQLite cannot change a CHECK constraint in place): a new table,
-- the rows copied with their ids, the old one dropped and the new one renamed, with
-- legacy_alter_table on so that the rename does not check the view highest_used_id (008), and its
-- indexes and append-only triggers made again. A label's entry has the status's place in the order
-- (1 = unchecked … 5 = published) as entity_id, and `{"status": …, "label": …}` as before and after.
PRAGMA legacy_alter_table = ON;
CREATE TABLE new_change_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changed_by TEXT NOT NULL,
    entity     TEXT NOT NULL CHECK (entity IN ('claim', 'speaker', 'attribution', 'source', 'status_label')),
    entity_id  INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('edit', 'delete')),
    claim_id   INTEGER,          -- the claim concerned, so that `trace claim` can show it
    before     TEXT NOT NULL,    -- the row before, as a JSON object
    after      TEXT,             -- the row after an edit, as a JSON object; NULL for a deletion
    reason     TEXT
);
INSERT INTO new_change_log (id, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason)
    SELECT id, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason
    FROM change_log;
DROP TABLE change_log;
ALTER TABLE new_change_log RENAME TO change_log;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX change_log_by_claim ON change_log (claim_id);
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);
CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
