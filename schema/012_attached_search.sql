-- claimtrail store, schema version 12: full-text search attached to the tables it searches, so that
-- Datasette's `?_search=` works on claim, attribution, source and speaker; English stemming
-- (`magnetometer` finds `magnetometers`); source bodies become searchable; and views for browsing.
--
-- Each index is an FTS5 external-content table: it holds only the index and reads the text from its
-- table by rowid (for snippets and `rebuild`). Datasette finds the index of table T as the virtual
-- table declared with content="T". Triggers keep each index in step; an external-content index is
-- told what it held before a change ('delete' with the old values), so every delete below passes
-- exactly the text that was indexed.
--
-- Search follows the desk's workflow of schema 009: only accepted attributions are indexed, and a
-- claim that exists only as the content of a proposal is not, until it is confirmed. The indexes
-- therefore hold a subset of their tables' rows (Datasette's ?_search reads the index, so it finds
-- no proposal either), and `claimtrail check` compares them with that subset.

DROP TRIGGER search_claim_added;
DROP TRIGGER search_claim_edited;
DROP TRIGGER search_claim_confirmed;
DROP TRIGGER search_claim_removed;
DROP TRIGGER search_quote_added;
DROP TRIGGER search_quote_edited;
DROP TRIGGER search_quote_removed;
DROP TRIGGER search_speaker_added;
DROP TRIGGER search_speaker_edited;
DROP TRIGGER search_speaker_removed;
DROP TRIGGER search_alias_added;
DROP TRIGGER search_alias_removed;
DROP TRIGGER search_source_added;
DROP TRIGGER search_source_edited;
DROP TRIGGER search_source_removed;
DROP TABLE search_index;

CREATE VIRTUAL TABLE claim_fts USING fts5(
    text, content="claim", content_rowid="id", tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claim_fts_added AFTER INSERT ON claim WHEN NEW.proposed = 0 BEGIN
    INSERT INTO claim_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;
-- A confirmed proposal (proposed 1 → 0) enters the index here.
CREATE TRIGGER claim_fts_edited AFTER UPDATE OF text, proposed ON claim BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, text) SELECT 'delete', OLD.id, OLD.text WHERE OLD.proposed = 0;
    INSERT INTO claim_fts (rowid, text) SELECT NEW.id, NEW.text WHERE NEW.proposed = 0;
END;
CREATE TRIGGER claim_fts_removed AFTER DELETE ON claim WHEN OLD.proposed = 0 BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;

-- Attributions: the quote and the cue ("denied", "according to"), of accepted ones only. Accepting a
-- proposal re-records its row as accepted (schema 009), which the insert trigger indexes.
CREATE VIRTUAL TABLE attribution_fts USING fts5(
    quote, cue, content="attribution", content_rowid="id", tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER attribution_fts_added AFTER INSERT ON attribution WHEN NEW.state = 'accepted' BEGIN
    INSERT INTO attribution_fts (rowid, quote, cue) VALUES (NEW.id, NEW.quote, NEW.cue);
END;
CREATE TRIGGER attribution_fts_edited AFTER UPDATE OF quote, cue, state ON attribution BEGIN
    INSERT INTO attribution_fts (attribution_fts, rowid, quote, cue)
        SELECT 'delete', OLD.id, OLD.quote, OLD.cue WHERE OLD.state = 'accepted';
    INSERT INTO attribution_fts (rowid, quote, cue) SELECT NEW.id, NEW.quote, NEW.cue WHERE NEW.state = 'accepted';
END;
CREATE TRIGGER attribution_fts_removed AFTER DELETE ON attribution WHEN OLD.state = 'accepted' BEGIN
    INSERT INTO attribution_fts (attribution_fts, rowid, quote, cue) VALUES ('delete', OLD.id, OLD.quote, OLD.cue);
END;

-- Sources: the title and the article body.
CREATE VIRTUAL TABLE source_fts USING fts5(
    title, body, content="source", content_rowid="id", tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_added AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER source_fts_edited AFTER UPDATE OF title, body ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
    INSERT INTO source_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER source_fts_removed AFTER DELETE ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;

-- Speakers: the name and every alias. Aliases live in speaker_alias, so the index reads the view
-- speaker_search, one row per speaker with its aliases in key order (the order the primary key
-- keeps them in, so the same text comes back for every 'delete'). Datasette is pointed at
-- speaker_fts for the speaker table by the metadata.json of `claimtrail datasette-metadata`.
CREATE VIEW speaker_search (id, name, aliases) AS
SELECT id, name,
       (SELECT group_concat(alias, '; ') FROM
          (SELECT alias FROM speaker_alias WHERE speaker_id = speaker.id ORDER BY alias_key))
FROM speaker;
CREATE VIRTUAL TABLE speaker_fts USING fts5(
    name, aliases, content="speaker_search", content_rowid="id",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER speaker_fts_added AFTER INSERT ON speaker BEGIN
    INSERT INTO speaker_fts (rowid, name, aliases) SELECT id, name, aliases FROM speaker_search WHERE id = NEW.id;
END;
CREATE TRIGGER speaker_fts_edited AFTER UPDATE OF name ON speaker BEGIN
    INSERT INTO speaker_fts (speaker_fts, rowid, name, aliases)
        SELECT 'delete', OLD.id, OLD.name, aliases FROM speaker_search WHERE id = NEW.id;
    INSERT INTO speaker_fts (rowid, name, aliases) SELECT id, name, aliases FROM speaker_search WHERE id = NEW.id;
END;
-- Before the delete, while the aliases are still there (a cascade removes them after).
CREATE TRIGGER speaker_fts_removed BEFORE DELETE ON speaker BEGIN
    INSERT INTO speaker_fts (speaker_fts, rowid, name, aliases)
        SELECT 'delete', id, name, aliases FROM speaker_search WHERE id = OLD.id;
END;
-- An alias change replaces the speaker's entry: out before the change, back in after it. An
-- alias removed by a speaker's own deletion finds no speaker, and does nothing. An alias the
-- speaker already has is skipped by INSERT … ON CONFLICT DO NOTHING after the BEFORE trigger but
-- without the AFTER one, so the entry is only taken out when the alias is new.
CREATE TRIGGER speaker_fts_alias_adding BEFORE INSERT ON speaker_alias
WHEN NOT EXISTS (SELECT 1 FROM speaker_alias WHERE speaker_id = NEW.speaker_id AND alias_key = NEW.alias_key) BEGIN
    INSERT INTO speaker_fts (speaker_fts, rowid, name, aliases)
        SELECT 'delete', id, name, aliases FROM speaker_search WHERE id = NEW.speaker_id;
END;
CREATE TRIGGER speaker_fts_alias_added AFTER INSERT ON speaker_alias BEGIN
    INSERT INTO speaker_fts (rowid, name, aliases)
        SELECT id, name, aliases FROM speaker_search WHERE id = NEW.speaker_id;
END;
CREATE TRIGGER speaker_fts_alias_removing BEFORE DELETE ON speaker_alias BEGIN
    INSERT INTO speaker_fts (speaker_fts, rowid, name, aliases)
        SELECT 'delete', id, name, aliases FROM speaker_search WHERE id = OLD.speaker_id;
END;
CREATE TRIGGER speaker_fts_alias_removed AFTER DELETE ON speaker_alias BEGIN
    INSERT INTO speaker_fts (rowid, name, aliases)
        SELECT id, name, aliases FROM speaker_search WHERE id = OLD.speaker_id;
END;

-- Existing stores: index what is already there.
-- ('rebuild' would read every row, proposals too.)
INSERT INTO claim_fts (rowid, text) SELECT id, text FROM claim WHERE proposed = 0;
INSERT INTO attribution_fts (rowid, quote, cue) SELECT id, quote, cue FROM attribution WHERE state = 'accepted';
INSERT INTO source_fts (source_fts) VALUES ('rebuild');
INSERT INTO speaker_fts (speaker_fts) VALUES ('rebuild');

-- The provenance report of `claimtrail export --format csv`: the same columns, rows and order
-- (claim by claim, each in timeline order, accepted attributions only). Empty CSV cells are NULL
-- here. via_chain follows the via links to the first report, at most 64 steps as the export does.
CREATE VIEW provenance_report AS
SELECT c.id AS claim_id, c.text AS claim, c.topic,
       CASE WHEN (SELECT counter_claims > 0 OR (asserts > 0 AND denies > 0) FROM claim_stats WHERE claim_id = c.id)
            THEN 'true' ELSE 'false' END AS contested,
       (SELECT group_concat(from_claim_id, ';') FROM (SELECT from_claim_id FROM claim_relation
          WHERE to_claim_id = c.id AND kind = 'contradicts' ORDER BY from_claim_id)) AS counter_claim_ids,
       a.stance, sp.name AS speaker, sp.kind AS speaker_kind, sp.role AS speaker_role, a.mode, a.cue, a.quote,
       s.title AS source_title, s.outlet AS source_outlet, s.author AS source_author, s.url AS source_url,
       s.published,
       CASE WHEN a.via_id IS NOT NULL THEN coalesce(sp.name, '(unattributed)') || ' ← ' || (
           WITH RECURSIVE hop (id, step, name) AS (
               SELECT v.via_id, 1, coalesce(vs.name, '(unattributed)')
               FROM attribution v LEFT JOIN speaker vs ON vs.id = v.speaker_id WHERE v.id = a.via_id
               UNION ALL
               SELECT v.via_id, hop.step + 1, coalesce(vs.name, '(unattributed)')
               FROM hop JOIN attribution v ON v.id = hop.id LEFT JOIN speaker vs ON vs.id = v.speaker_id
               WHERE hop.step < 64
           )
           SELECT group_concat(name, ' ← ') FROM (SELECT name FROM hop ORDER BY step)
       ) END AS via_chain,
       a.recorded_at, a.recorded_by, a.id AS attribution_id, a.speaker_id, a.source_id, a.said_on,
       (SELECT group_concat(from_claim_id, ';') FROM (SELECT from_claim_id FROM claim_relation
          WHERE to_claim_id = c.id AND kind = 'supports' ORDER BY from_claim_id)) AS supported_by_claim_ids,
       c.status, c.assignee
FROM attribution a
JOIN claim c ON c.id = a.claim_id
JOIN source s ON s.id = a.source_id
LEFT JOIN speaker sp ON sp.id = a.speaker_id
WHERE a.state = 'accepted'
ORDER BY a.claim_id, a.seen_on IS NULL, a.seen_on, a.id;

-- The contested claims, most disputed first, as `claimtrail contested` lists them.
CREATE VIEW contested_claims AS
SELECT c.id AS claim_id, c.text AS claim, c.topic, s.asserting, s.disputing, s.counter_claims, s.sources,
       s.first_seen, s.last_seen,
       (SELECT count(*) FROM attribution WHERE claim_id = c.id AND seen_on IS NULL AND state = 'accepted')
           AS undated_attributions
FROM claim_stats s JOIN claim c ON c.id = s.claim_id
WHERE s.counter_claims > 0 OR (s.asserts > 0 AND s.denies > 0)
ORDER BY s.disputing DESC, s.counter_claims DESC, s.asserting DESC, s.sources DESC, s.claim_id;

-- Each speaker's record: who they are, and what they have been recorded saying (accepted attributions).
CREATE VIEW speaker_record AS
SELECT sp.id AS speaker_id, sp.name AS speaker, sp.kind, sp.role, af.name AS affiliation,
       (SELECT group_concat(alias, '; ') FROM
          (SELECT alias FROM speaker_alias WHERE speaker_id = sp.id ORDER BY alias_key)) AS aliases,
       count(a.id) AS attributions, count(DISTINCT a.claim_id) AS claims, count(DISTINCT a.source_id) AS sources,
       coalesce(sum(a.stance = 'asserts'), 0) AS asserts, coalesce(sum(a.stance = 'denies'), 0) AS denies,
       coalesce(sum(a.stance = 'questions'), 0) AS questions,
       min(a.seen_on) AS first_seen, max(a.seen_on) AS last_seen
FROM speaker sp
LEFT JOIN speaker af ON af.id = sp.affiliation_id
LEFT JOIN attribution a ON a.speaker_id = sp.id AND a.state = 'accepted'
GROUP BY sp.id
ORDER BY sp.id;
