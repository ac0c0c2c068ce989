-- claimtrail store, schema version 1: sources, speakers, claims, attributions, claim relations.
-- This file is the one source of truth; scripts/embed-schema.sh copies it into the binary.
-- Dates are ISO 8601 text ('2018-08-28' or '2018-08-28T09:30:00Z'), compared as text.

-- An article, broadcast or document in which claims are reported.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    url         TEXT UNIQUE,
    outlet      TEXT,
    author      TEXT,
    published   TEXT,
    body        TEXT,
    body_sha256 TEXT,
    CHECK ((body IS NULL) = (body_sha256 IS NULL))
);
CREATE INDEX source_by_title ON source (title);

-- Whoever a claim is attributed to. name_key is the case- and quote-folded name used for lookups.
CREATE TABLE speaker (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key       TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'unknown'
                   CHECK (kind IN ('person', 'organization', 'government', 'media', 'anonymous', 'unknown')),
    role           TEXT,
    affiliation_id INTEGER REFERENCES speaker (id),
    CHECK (affiliation_id IS NULL OR affiliation_id <> id)
);
CREATE INDEX speaker_by_name_key ON speaker (name_key);
CREATE INDEX speaker_by_affiliation ON speaker (affiliation_id);

-- Other names a speaker is reported under ("Russian MoD", "the Kremlin").
-- Key columns come first: SQLite 3.40's integrity_check misreports NOT NULL columns placed
-- before a key column of a WITHOUT ROWID table.
CREATE TABLE speaker_alias (
    speaker_id INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
    alias_key  TEXT NOT NULL,
    alias      TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    PRIMARY KEY (speaker_id, alias_key)
) WITHOUT ROWID;
CREATE INDEX speaker_alias_by_key ON speaker_alias (alias_key);

-- A proposition found in the news. normalized is the folded text that makes one claim one row.
CREATE TABLE claim (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    normalized TEXT NOT NULL UNIQUE,
    topic      TEXT
);
CREATE INDEX claim_by_topic ON claim (topic);

-- Who said a claim, where, and how. A NULL speaker is an unattributed statement:
-- the source's own voice, or a hedge such as "reportedly".
-- via_id names the attribution through which this one reached the source (the relaying outlet).
CREATE TABLE attribution (
    id          INTEGER PRIMARY KEY,
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
    CHECK (via_id IS NULL OR via_id <> id)
);
CREATE INDEX attribution_by_claim ON attribution (claim_id, stance);
CREATE INDEX attribution_by_speaker ON attribution (speaker_id);
CREATE INDEX attribution_by_source ON attribution (source_id);
CREATE INDEX attribution_by_via ON attribution (via_id);

-- A relay reports the same claim: a via chain never crosses from one claim to another.
CREATE TRIGGER attribution_via_same_claim
BEFORE INSERT ON attribution
WHEN NEW.via_id IS NOT NULL
 AND (SELECT claim_id FROM attribution WHERE id = NEW.via_id) IS NOT NEW.claim_id
BEGIN
    SELECT RAISE(ABORT, 'via attribution belongs to another claim');
END;

-- from_claim contradicts (is a counter-claim to) or supports to_claim, optionally per a source.
CREATE TABLE claim_relation (
    id            INTEGER PRIMARY KEY,
    from_claim_id INTEGER NOT NULL REFERENCES claim (id),
    to_claim_id   INTEGER NOT NULL REFERENCES claim (id),
    kind          TEXT NOT NULL CHECK (kind IN ('contradicts', 'supports')),
    source_id     INTEGER REFERENCES source (id),
    CHECK (from_claim_id <> to_claim_id),
    UNIQUE (from_claim_id, to_claim_id, kind)
);
CREATE INDEX claim_relation_by_target ON claim_relation (to_claim_id, kind);
