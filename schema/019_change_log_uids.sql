-- claimtrail store, schema version 19: the change log travels between stores (export, import, sync).
--
-- An entry names its record by the record's uid in an export, never by a store-local id. A deleted
-- or merged-away record's row is gone, so its uid is kept here when its row is deleted (ids are never
-- reused, schema 008, so the entity and id name one record for good). An attribution moved by a merge
-- is deleted and inserted again with its uid: a live row with the uid comes first, then this table.
-- A uid that is here, not live, and not in merged_uid was deleted: an import or sync does not bring
-- the record back.
CREATE TABLE retired_uid (
    uid        TEXT PRIMARY KEY,
    entity     TEXT NOT NULL
               CHECK (entity IN ('source', 'speaker', 'claim', 'attribution', 'relation', 'verdict')),
    id         INTEGER NOT NULL,
    retired_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (entity, id)
);
CREATE TRIGGER source_uid_retired AFTER DELETE ON source WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'source', OLD.id);
END;
CREATE TRIGGER speaker_uid_retired AFTER DELETE ON speaker WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'speaker', OLD.id);
END;
CREATE TRIGGER claim_uid_retired AFTER DELETE ON claim WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'claim', OLD.id);
END;
CREATE TRIGGER attribution_uid_retired AFTER DELETE ON attribution WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'attribution', OLD.id);
END;
CREATE TRIGGER claim_relation_uid_retired AFTER DELETE ON claim_relation WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'relation', OLD.id);
END;
CREATE TRIGGER verdict_uid_retired AFTER DELETE ON verdict WHEN OLD.uid IS NOT NULL BEGIN
    INSERT OR IGNORE INTO retired_uid (uid, entity, id) VALUES (OLD.uid, 'verdict', OLD.id);
END;

-- Every change-log entry gets a uid of its own (v7, its time the entry's), so that an entry that
-- arrives twice, from an export read again or from two stores, is one entry. A DEFAULT cannot be
-- added by ALTER TABLE unless constant, so the table is rebuilt as in 014, with its ids.
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
    reason     TEXT,
    uid        TEXT NOT NULL DEFAULT (printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655))
);
INSERT INTO new_change_log
    (id, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason, uid)
    SELECT id, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason,
    printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday(changed_at) - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday(changed_at) - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    FROM change_log;
DROP TABLE change_log;
ALTER TABLE new_change_log RENAME TO change_log;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX change_log_by_claim ON change_log (claim_id);
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);
CREATE UNIQUE INDEX change_log_by_uid ON change_log (uid);
-- The order entries are exported in, the same in every store that holds them: by time, then uid.
CREATE INDEX change_log_by_time ON change_log (changed_at, uid);
CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log cannot be edited'); END;
