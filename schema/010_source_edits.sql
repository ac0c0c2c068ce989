-- claimtrail store, schema version 10: sources can be corrected (`source edit`, logged like every
-- other edit), a corrected publication date moves the source's attributions in the timelines,
-- and a speaker's aliases can be removed (`speaker edit --remove-alias`).

-- The change log accepts source edits. SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt by SQLite's documented procedure, as in 008: a new table is made, the rows (ids
-- kept) copied into it, the old one dropped and the new one renamed, and its indexes and
-- append-only triggers, which went with the old one, made again. legacy_alter_table keeps the
-- rename from checking the view highest_used_id (008), which names change_log, while no table has
-- that name. Ids are AUTOINCREMENT, so a log entry's id is never given twice.
PRAGMA legacy_alter_table = ON;
CREATE TABLE new_change_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changed_by TEXT NOT NULL,
    entity     TEXT NOT NULL CHECK (entity IN ('claim', 'speaker', 'attribution', 'source')),
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

-- A source dated later (or corrected) places its attributions that carry no date of their own
-- on the new day, and moves their claims' first and last seen with them. Like every counter since
-- schema 009, first and last seen follow accepted attributions only: a proposal waiting for review
-- (or a rejected one) dates nothing.
CREATE TRIGGER source_published_edited AFTER UPDATE OF published ON source
WHEN NEW.published IS NOT OLD.published BEGIN
    UPDATE attribution SET seen_on = NEW.published WHERE source_id = NEW.id AND said_on IS NULL;
    UPDATE claim_stats SET
        first_seen = (SELECT min(seen_on) FROM attribution WHERE claim_id = claim_stats.claim_id
            AND state = 'accepted'),
        last_seen = (SELECT max(seen_on) FROM attribution WHERE claim_id = claim_stats.claim_id
            AND state = 'accepted')
    WHERE claim_id IN (SELECT claim_id FROM attribution WHERE source_id = NEW.id AND state = 'accepted');
END;

-- A removed alias leaves the speaker's search entry (name and aliases).
CREATE TRIGGER search_alias_removed AFTER DELETE ON speaker_alias BEGIN
    DELETE FROM search_index WHERE rowid = OLD.speaker_id * 4 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT id * 4 + 2, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM speaker_alias
            WHERE speaker_id = OLD.speaker_id), '')
        FROM speaker WHERE id = OLD.speaker_id;
END;
