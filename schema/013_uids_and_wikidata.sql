-- claimtrail store, schema version 13: stable ids (UIDs) and Wikidata links for speakers.
--
-- Every source, speaker, claim, attribution, claim relation and verdict gets a `uid`: a UUID version 7
-- (RFC 9562), written in canonical lower-case text. Its first 48 bits are the Unix time in milliseconds,
-- then the version (7), 12 random bits, the variant (binary 10) and 62 random bits. claimtrail gives
-- every new row its uid in Swift (Model/UID.swift): the importer writes with triggers off, so it cannot
-- rely on a trigger. The `_uid_given` triggers are a safety net for rows inserted by other tools
-- (sqlite3's `.import`): a row inserted without a uid gets one.
--
-- Existing rows get a v7-shaped uid here. Its time is the attribution's recorded_at; the other tables
-- record no time of creation, so theirs is the time of the upgrade. SQLite has no UUID function, so
-- printf spells it out: the time's high 32 and low 16 bits, '7' and 12 random bits, the variant
-- (8 + 2 random bits) with 12 more, and 48: the 74 random bits of RFC 9562, from random(). A uid is
-- unique, and never changes: a trigger refuses an UPDATE that alters it.

ALTER TABLE source ADD COLUMN uid TEXT;
UPDATE source SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX source_by_uid ON source (uid);
CREATE TRIGGER source_uid_given AFTER INSERT ON source WHEN NEW.uid IS NULL BEGIN
    UPDATE source SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER source_uid_unchanged BEFORE UPDATE OF uid ON source
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

ALTER TABLE speaker ADD COLUMN uid TEXT;
UPDATE speaker SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX speaker_by_uid ON speaker (uid);
CREATE TRIGGER speaker_uid_given AFTER INSERT ON speaker WHEN NEW.uid IS NULL BEGIN
    UPDATE speaker SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER speaker_uid_unchanged BEFORE UPDATE OF uid ON speaker
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

ALTER TABLE claim ADD COLUMN uid TEXT;
UPDATE claim SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX claim_by_uid ON claim (uid);
CREATE TRIGGER claim_uid_given AFTER INSERT ON claim WHEN NEW.uid IS NULL BEGIN
    UPDATE claim SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER claim_uid_unchanged BEFORE UPDATE OF uid ON claim
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

ALTER TABLE attribution ADD COLUMN uid TEXT;
UPDATE attribution SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday(coalesce(recorded_at, 'now')) - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday(coalesce(recorded_at, 'now')) - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX attribution_by_uid ON attribution (uid);
CREATE TRIGGER attribution_uid_given AFTER INSERT ON attribution WHEN NEW.uid IS NULL BEGIN
    UPDATE attribution SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday(coalesce(NEW.recorded_at, 'now')) - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday(coalesce(NEW.recorded_at, 'now')) - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER attribution_uid_unchanged BEFORE UPDATE OF uid ON attribution
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

ALTER TABLE claim_relation ADD COLUMN uid TEXT;
UPDATE claim_relation SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX claim_relation_by_uid ON claim_relation (uid);
CREATE TRIGGER claim_relation_uid_given AFTER INSERT ON claim_relation WHEN NEW.uid IS NULL BEGIN
    UPDATE claim_relation SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER claim_relation_uid_unchanged BEFORE UPDATE OF uid ON claim_relation
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

ALTER TABLE verdict ADD COLUMN uid TEXT;
UPDATE verdict SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
    CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
    random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655);
CREATE UNIQUE INDEX verdict_by_uid ON verdict (uid);
CREATE TRIGGER verdict_uid_given AFTER INSERT ON verdict WHEN NEW.uid IS NULL BEGIN
    UPDATE verdict SET uid = printf('%08x-%04x-7%03x-%x%03x-%012x',
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
        CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
        random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)
    WHERE id = NEW.id;
END;
CREATE TRIGGER verdict_uid_unchanged BEFORE UPDATE OF uid ON verdict
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'a uid never changes'); END;

-- The uids of merged claims and speakers, and of a record that arrived in an import under another uid
-- as one already stored (a claim of the same text, a source of the same URL, the same attribution or
-- relation), resolve to the row that absorbed them. into_id follows later merges, as claim_merge does.
CREATE TABLE merged_uid (
    uid     TEXT PRIMARY KEY,
    entity  TEXT NOT NULL
            CHECK (entity IN ('source', 'speaker', 'claim', 'attribution', 'relation', 'verdict')),
    into_id INTEGER NOT NULL
);
CREATE INDEX merged_uid_by_target ON merged_uid (entity, into_id);

-- A speaker's Wikidata item (`Q42`), set by `speaker link` or `--wikidata`; never fetched.
ALTER TABLE speaker ADD COLUMN wikidata TEXT
    CHECK (wikidata IS NULL OR (wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'));
CREATE INDEX speaker_by_wikidata ON speaker (wikidata) WHERE wikidata IS NOT NULL;

-- Links proposed by a reconciliation file (`speaker reconcile FILE`: name, qid, description), matched
-- against speakers' names and aliases. A proposal is applied only when an editor accepts it; a
-- rejected one stays, so the same file read again does not propose it again.
CREATE TABLE speaker_link_proposal (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    speaker_id   INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
    wikidata     TEXT NOT NULL
                 CHECK (wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'),
    matched_name TEXT NOT NULL,  -- the name in the file, as written
    description  TEXT,
    status       TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    proposed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    proposed_by  TEXT NOT NULL,
    decided_by   TEXT,
    UNIQUE (speaker_id, wikidata)
);
