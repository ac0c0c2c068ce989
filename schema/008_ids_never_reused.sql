-- claimtrail store, schema version 8: an id, once given, is never given again.
--
-- Until now a new row took the highest live id plus one, so after `claim merge 18 19` the next claim
-- got 19, which claim_merge still resolved to 18, and a claim added after a deletion inherited the
-- deleted one's history in the change log. AUTOINCREMENT makes SQLite remember the highest id ever
-- given (in sqlite_sequence), also for rows inserted with an explicit id, as claimtrail's import does.
--
-- SQLite cannot add AUTOINCREMENT to a table, so every table whose ids users see is rebuilt by SQLite's
-- documented procedure (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table,
-- copy the rows with their ids, drop the old one, rename the new one, and recreate its indexes and
-- triggers exactly as the earlier migrations left them. The migrator runs this with foreign keys off
-- and runs `PRAGMA foreign_key_check` before it commits. legacy_alter_table keeps the rename from
-- re-parsing the triggers of other tables, which name a table that is briefly missing. Ids do not
-- change, so claim_stats, claim_voice, claim_source, speaker_stats and search_index stay as they are.
-- change_log is left alone: it is append-only, so its ids are never reused anyway.
PRAGMA legacy_alter_table = ON;

CREATE TABLE new_source (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    url         TEXT UNIQUE,
    outlet      TEXT,
    author      TEXT,
    published   TEXT,
    body        TEXT,
    body_sha256 TEXT,
    CHECK ((body IS NULL) = (body_sha256 IS NULL))
);
INSERT INTO new_source (id, title, url, outlet, author, published, body, body_sha256)
    SELECT id, title, url, outlet, author, published, body, body_sha256 FROM source;
DROP TABLE source;
ALTER TABLE new_source RENAME TO source;

CREATE TABLE new_speaker (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key       TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'unknown'
                   CHECK (kind IN ('person', 'organization', 'government', 'media', 'anonymous', 'unknown')),
    role           TEXT,
    affiliation_id INTEGER REFERENCES speaker (id),
    CHECK (affiliation_id IS NULL OR affiliation_id <> id)
);
INSERT INTO new_speaker (id, name, name_key, kind, role, affiliation_id)
    SELECT id, name, name_key, kind, role, affiliation_id FROM speaker;
DROP TABLE speaker;
ALTER TABLE new_speaker RENAME TO speaker;

CREATE TABLE new_claim (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    normalized TEXT NOT NULL UNIQUE,
    topic      TEXT
);
INSERT INTO new_claim (id, text, normalized, topic) SELECT id, text, normalized, topic FROM claim;
DROP TABLE claim;
ALTER TABLE new_claim RENAME TO claim;

-- seen_on comes last, where schema 006 added it.
CREATE TABLE new_attribution (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    INTEGER NOT NULL REFERENCES claim (id),
    speaker_id  INTEGER REFERENCES speaker (id),
    source_id   INTEGER NOT NULL REFERENCES source (id),
    stance      TEXT NOT NULL DEFAULT 'asserts' CHECK (stance IN ('asserts', 'denies', 'questions')),
    mode        TEXT NOT NULL DEFAULT 'indirect' CHECK (mode IN ('direct', 'indirect', 'paraphrase')),
    quote       TEXT,
    cue         TEXT,
    said_on     TEXT,
    via_id      INTEGER REFERENCES attribution (id),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    recorded_by TEXT NOT NULL,
    seen_on     TEXT,
    CHECK (via_id IS NULL OR via_id <> id)
);
INSERT INTO new_attribution (id, claim_id, speaker_id, source_id, stance, mode, quote, cue, said_on, via_id,
                             recorded_at, recorded_by, seen_on)
    SELECT id, claim_id, speaker_id, source_id, stance, mode, quote, cue, said_on, via_id,
           recorded_at, recorded_by, seen_on
    FROM attribution;
DROP TABLE attribution;
ALTER TABLE new_attribution RENAME TO attribution;

CREATE TABLE new_claim_relation (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    from_claim_id INTEGER NOT NULL REFERENCES claim (id),
    to_claim_id   INTEGER NOT NULL REFERENCES claim (id),
    kind          TEXT NOT NULL CHECK (kind IN ('contradicts', 'supports')),
    source_id     INTEGER REFERENCES source (id),
    CHECK (from_claim_id <> to_claim_id),
    UNIQUE (from_claim_id, to_claim_id, kind)
);
INSERT INTO new_claim_relation (id, from_claim_id, to_claim_id, kind, source_id)
    SELECT id, from_claim_id, to_claim_id, kind, source_id FROM claim_relation;
DROP TABLE claim_relation;
ALTER TABLE new_claim_relation RENAME TO claim_relation;

CREATE TABLE new_verdict (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    INTEGER NOT NULL REFERENCES claim (id),
    rating      TEXT NOT NULL CHECK (length(trim(rating)) > 0),
    score       INTEGER,
    best        INTEGER,
    worst       INTEGER,
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    reviewed_on TEXT,
    url         TEXT,
    UNIQUE (claim_id, reviewer)
);
INSERT INTO new_verdict (id, claim_id, rating, score, best, worst, reviewer, reviewed_on, url)
    SELECT id, claim_id, rating, score, best, worst, reviewer, reviewed_on, url FROM verdict;
DROP TABLE verdict;
ALTER TABLE new_verdict RENAME TO verdict;

PRAGMA legacy_alter_table = OFF;

-- The indexes, as schema 001, 003 and 006 left them.
CREATE INDEX source_by_title ON source (title);
CREATE INDEX speaker_by_name_key ON speaker (name_key);
CREATE INDEX speaker_by_affiliation ON speaker (affiliation_id);
CREATE INDEX claim_by_topic ON claim (topic);
CREATE INDEX attribution_by_claim ON attribution (claim_id, source_id, speaker_id);
CREATE INDEX attribution_by_source ON attribution (source_id);
CREATE INDEX attribution_by_via ON attribution (via_id);
CREATE INDEX attribution_claim_timeline ON attribution (claim_id, seen_on IS NULL, seen_on, id);
CREATE INDEX attribution_speaker_timeline ON attribution (speaker_id, seen_on IS NULL, seen_on, id);
CREATE INDEX claim_relation_by_target ON claim_relation (to_claim_id, kind);

-- The triggers of the rebuilt tables, word for word as schema 001, 003, 005, 006 and 007 created them.
CREATE TRIGGER attribution_via_same_claim
BEFORE INSERT ON attribution
WHEN NEW.via_id IS NOT NULL
 AND (SELECT claim_id FROM attribution WHERE id = NEW.via_id) IS NOT NEW.claim_id
BEGIN
    SELECT RAISE(ABORT, 'via attribution belongs to another claim');
END;

CREATE TRIGGER claim_added AFTER INSERT ON claim BEGIN
    INSERT INTO claim_stats (claim_id) VALUES (NEW.id);
END;

CREATE TRIGGER attribution_added AFTER INSERT ON attribution BEGIN
    UPDATE claim_stats SET
        attributions = attributions + 1,
        asserts = asserts + (NEW.stance = 'asserts'),
        denies = denies + (NEW.stance = 'denies'),
        -- The day it was seen: when said, else when its source was published. (A scalar subquery per
        -- use: UPDATE … FROM a derived table made this trigger three times slower.)
        first_seen = min(
            coalesce(first_seen, (SELECT coalesce(NEW.said_on, published) FROM source WHERE id = NEW.source_id)),
            coalesce((SELECT coalesce(NEW.said_on, published) FROM source WHERE id = NEW.source_id), first_seen)),
        last_seen = max(
            coalesce(last_seen, (SELECT coalesce(NEW.said_on, published) FROM source WHERE id = NEW.source_id)),
            coalesce((SELECT coalesce(NEW.said_on, published) FROM source WHERE id = NEW.source_id), last_seen))
    WHERE claim_id = NEW.claim_id;
    INSERT INTO claim_source VALUES (NEW.claim_id, NEW.source_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO claim_voice
        VALUES (NEW.claim_id, iif(NEW.stance = 'asserts', 'asserts', 'disputes'),
                coalesce(NEW.speaker_id, -NEW.source_id), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    -- Asserting a counter-claim disputes every claim it contradicts.
    INSERT INTO claim_voice
        SELECT to_claim_id, 'disputes', coalesce(NEW.speaker_id, -NEW.source_id), 1 FROM claim_relation
        WHERE from_claim_id = NEW.claim_id AND kind = 'contradicts' AND NEW.stance = 'asserts'
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER attribution_removed AFTER DELETE ON attribution BEGIN
    UPDATE claim_stats SET
        attributions = attributions - 1,
        asserts = asserts - (OLD.stance = 'asserts'),
        denies = denies - (OLD.stance = 'denies'),
        first_seen = (SELECT min(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s
            ON s.id = a.source_id WHERE a.claim_id = OLD.claim_id),
        last_seen = (SELECT max(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s
            ON s.id = a.source_id WHERE a.claim_id = OLD.claim_id)
    WHERE claim_id = OLD.claim_id;
    UPDATE claim_source SET n = n - 1 WHERE claim_id = OLD.claim_id AND source_id = OLD.source_id;
    UPDATE claim_voice SET n = n - 1
    WHERE voice = coalesce(OLD.speaker_id, -OLD.source_id)
      AND ((claim_id = OLD.claim_id AND side = iif(OLD.stance = 'asserts', 'asserts', 'disputes'))
        OR (OLD.stance = 'asserts' AND side = 'disputes' AND claim_id IN
            (SELECT to_claim_id FROM claim_relation WHERE from_claim_id = OLD.claim_id AND kind = 'contradicts')));
    DELETE FROM claim_source WHERE n = 0 AND claim_id = OLD.claim_id;
    DELETE FROM claim_voice WHERE n = 0 AND (claim_id = OLD.claim_id OR claim_id IN
        (SELECT to_claim_id FROM claim_relation WHERE from_claim_id = OLD.claim_id AND kind = 'contradicts'));
END;

-- The fields counters depend on are fixed once recorded: a correction deletes and re-adds.
CREATE TRIGGER attribution_counted_fields_fixed BEFORE UPDATE OF claim_id, speaker_id, source_id, stance,
    said_on ON attribution
BEGIN
    SELECT RAISE(ABORT,
        'an attribution''s claim, speaker, source, stance and date are fixed; delete it and record it again');
END;

CREATE TRIGGER relation_added AFTER INSERT ON claim_relation WHEN NEW.kind = 'contradicts' BEGIN
    UPDATE claim_stats SET counter_claims = counter_claims + 1 WHERE claim_id = NEW.to_claim_id;
    INSERT INTO claim_voice
        SELECT NEW.to_claim_id, 'disputes', coalesce(speaker_id, -source_id), count(*) FROM attribution
        WHERE claim_id = NEW.from_claim_id AND stance = 'asserts' GROUP BY 3
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER relation_removed AFTER DELETE ON claim_relation WHEN OLD.kind = 'contradicts' BEGIN
    UPDATE claim_stats SET counter_claims = counter_claims - 1 WHERE claim_id = OLD.to_claim_id;
    UPDATE claim_voice SET n = n - (SELECT count(*) FROM attribution
        WHERE claim_id = OLD.from_claim_id AND stance = 'asserts'
            AND coalesce(speaker_id, -source_id) = claim_voice.voice)
    WHERE claim_id = OLD.to_claim_id AND side = 'disputes';
    DELETE FROM claim_voice WHERE n = 0 AND claim_id = OLD.to_claim_id;
END;

CREATE TRIGGER search_claim_added AFTER INSERT ON claim BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
CREATE TRIGGER search_claim_edited AFTER UPDATE OF text ON claim BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4;
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
CREATE TRIGGER search_claim_removed AFTER DELETE ON claim BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4;
END;

CREATE TRIGGER search_quote_added AFTER INSERT ON attribution WHEN NEW.quote IS NOT NULL BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 1, NEW.quote);
END;
CREATE TRIGGER search_quote_edited AFTER UPDATE OF quote ON attribution BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    INSERT INTO search_index (rowid, body) SELECT NEW.id * 4 + 1, NEW.quote WHERE NEW.quote IS NOT NULL;
END;
CREATE TRIGGER search_quote_removed AFTER DELETE ON attribution BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER search_speaker_added AFTER INSERT ON speaker BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 2, NEW.name);
END;
CREATE TRIGGER search_speaker_edited AFTER UPDATE OF name ON speaker BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT NEW.id * 4 + 2, NEW.name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM speaker_alias
            WHERE speaker_id = NEW.id), '');
END;
CREATE TRIGGER search_speaker_removed AFTER DELETE ON speaker BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER search_source_added AFTER INSERT ON source BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 3, NEW.title);
END;
CREATE TRIGGER search_source_edited AFTER UPDATE OF title ON source BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 3, NEW.title);
END;
CREATE TRIGGER search_source_removed AFTER DELETE ON source BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;

CREATE TRIGGER attribution_seen_on AFTER INSERT ON attribution WHEN NEW.seen_on IS NULL BEGIN
    UPDATE attribution SET seen_on = coalesce(NEW.said_on, (SELECT published FROM source WHERE id = NEW.source_id))
    WHERE id = NEW.id;
END;

CREATE TRIGGER speaker_attribution_added AFTER INSERT ON attribution WHEN NEW.speaker_id IS NOT NULL BEGIN
    INSERT INTO speaker_stats VALUES (NEW.speaker_id, 1) ON CONFLICT DO UPDATE SET attributions = attributions + 1;
END;
CREATE TRIGGER speaker_attribution_removed AFTER DELETE ON attribution WHEN OLD.speaker_id IS NOT NULL BEGIN
    UPDATE speaker_stats SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id;
    DELETE FROM speaker_stats WHERE speaker_id = OLD.speaker_id AND attributions = 0;
END;

-- The highest id each table has ever given, as far as the store remembers: live rows, claims merged
-- away (claim_merge), and rows whose deletion the change log records, with the claims it names.
-- The counters below start from it, and `claimtrail check` reports a counter that falls below it.
CREATE VIEW highest_used_id (name, id) AS
SELECT 'source', (SELECT coalesce(max(id), 0) FROM source)
UNION ALL
SELECT 'speaker', max((SELECT coalesce(max(id), 0) FROM speaker),
                      (SELECT coalesce(max(entity_id), 0) FROM change_log WHERE entity = 'speaker'))
UNION ALL
SELECT 'claim', max((SELECT coalesce(max(id), 0) FROM claim),
                    (SELECT coalesce(max(merged_id), 0) FROM claim_merge),
                    (SELECT coalesce(max(entity_id), 0) FROM change_log WHERE entity = 'claim'),
                    (SELECT coalesce(max(claim_id), 0) FROM change_log))
UNION ALL
SELECT 'attribution', max((SELECT coalesce(max(id), 0) FROM attribution),
                          (SELECT coalesce(max(entity_id), 0) FROM change_log WHERE entity = 'attribution'))
UNION ALL
SELECT 'claim_relation', (SELECT coalesce(max(id), 0) FROM claim_relation)
UNION ALL
SELECT 'verdict', (SELECT coalesce(max(id), 0) FROM verdict);

-- Existing stores: no id that was ever used is handed out again.
DELETE FROM sqlite_sequence WHERE name IN (SELECT name FROM highest_used_id);
INSERT INTO sqlite_sequence (name, seq) SELECT name, id FROM highest_used_id;
