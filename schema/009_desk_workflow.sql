-- claimtrail store, schema version 9: the desk's workflow. Proposed attributions wait for review
-- before they count; claims carry a verification status, an assignee and a thread of notes;
-- verdicts carry an explanation, a language and where the reviewed claim appeared.
-- Only columns and tables are added, so this applies on top of either shape of the tables.

-- An attribution is `accepted` (what every count, report and export reads), `proposed` by the
-- extractor and waiting for review, or `rejected` by a reviewer (kept, so that it is not
-- proposed again). Rows recorded before this version were all entered or accepted by people.
ALTER TABLE attribution ADD COLUMN state TEXT NOT NULL DEFAULT 'accepted'
    CHECK (state IN ('proposed', 'accepted', 'rejected'));
CREATE INDEX attribution_proposed ON attribution (source_id, id) WHERE state = 'proposed';

-- What the extractor proposed, kept after review: the speaker and content as found in the text,
-- how sure it was, where the content sits in the source body (UTF-8 byte offsets) and which
-- version of the rules found it. The review (who, when, which way, why) is recorded here too.
-- The foreign key is checked at commit: accepting or merging re-records the attribution.
CREATE TABLE attribution_proposal (
    attribution_id    INTEGER PRIMARY KEY REFERENCES attribution (id) DEFERRABLE INITIALLY DEFERRED,
    speaker           TEXT NOT NULL,
    speaker_role      TEXT,
    content           TEXT NOT NULL,
    content_key       TEXT NOT NULL,   -- the folded content, to recognise it when proposed again
    confidence        REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    extractor_version TEXT NOT NULL,
    proposed_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    proposed_by       TEXT NOT NULL,
    decision          TEXT CHECK (decision IN ('accepted', 'rejected')),
    decided_at        TEXT,
    decided_by        TEXT,
    reason            TEXT,
    CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (decided_by IS NULL))
);
CREATE INDEX attribution_proposal_by_content ON attribution_proposal (content_key);

-- A claim created only as the content of a proposal is hidden from listings and exports until a
-- proposal of it is accepted (or someone records the claim by hand).
ALTER TABLE claim ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1));

-- Verification: unchecked → in_progress → needs_second_look → checked → published, one step at a
-- time either way (the rules live in VerificationStatus.swift; the vocabulary is fixed here).
ALTER TABLE claim ADD COLUMN status TEXT NOT NULL DEFAULT 'unchecked'
    CHECK (status IN ('unchecked', 'in_progress', 'needs_second_look', 'checked', 'published'));
ALTER TABLE claim ADD COLUMN status_changed_at TEXT;
ALTER TABLE claim ADD COLUMN assignee TEXT;
ALTER TABLE claim ADD COLUMN assigned_at TEXT;
CREATE INDEX claim_by_assignee ON claim (assignee, status) WHERE assignee IS NOT NULL;
CREATE INDEX claim_by_status ON claim (status);

-- A desk's own words for the statuses; the statuses and their rules stay the same.
CREATE TABLE status_label (
    status TEXT PRIMARY KEY CHECK (status IN ('unchecked', 'in_progress', 'needs_second_look', 'checked',
        'published')),
    label  TEXT NOT NULL UNIQUE CHECK (length(trim(label)) > 0)
);

-- Dated, signed notes on a claim, oldest first.
CREATE TABLE claim_note (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   INTEGER NOT NULL REFERENCES claim (id),
    written_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    written_by TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX claim_note_by_claim ON claim_note (claim_id, id);

-- ClaimReview's ratingExplanation, inLanguage (BCP 47) and the reviewed claim's appearance.
ALTER TABLE verdict ADD COLUMN explanation TEXT;
ALTER TABLE verdict ADD COLUMN language TEXT;
ALTER TABLE verdict ADD COLUMN appearance_url TEXT;

-- The triggers of schema 003, 005 and 007, redefined to follow accepted attributions only.
-- Accepting a proposal re-inserts its row as accepted (same id), which the insert triggers count.
DROP TRIGGER IF EXISTS attribution_added;
CREATE TRIGGER attribution_added AFTER INSERT ON attribution WHEN NEW.state = 'accepted' BEGIN
    UPDATE claim_stats SET
        attributions = attributions + 1,
        asserts = asserts + (NEW.stance = 'asserts'),
        denies = denies + (NEW.stance = 'denies'),
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
    INSERT INTO claim_voice
        SELECT to_claim_id, 'disputes', coalesce(NEW.speaker_id, -NEW.source_id), 1 FROM claim_relation
        WHERE from_claim_id = NEW.claim_id AND kind = 'contradicts' AND NEW.stance = 'asserts'
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

DROP TRIGGER IF EXISTS attribution_removed;
CREATE TRIGGER attribution_removed AFTER DELETE ON attribution WHEN OLD.state = 'accepted' BEGIN
    UPDATE claim_stats SET
        attributions = attributions - 1,
        asserts = asserts - (OLD.stance = 'asserts'),
        denies = denies - (OLD.stance = 'denies'),
        first_seen = (SELECT min(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s
            ON s.id = a.source_id
                      WHERE a.claim_id = OLD.claim_id AND a.state = 'accepted'),
        last_seen = (SELECT max(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s
            ON s.id = a.source_id
                     WHERE a.claim_id = OLD.claim_id AND a.state = 'accepted')
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

-- Counted fields stay fixed once accepted, and nothing becomes accepted by an UPDATE: accepting
-- re-records the row (same id) so that the insert triggers count it. A proposal may be rejected.
DROP TRIGGER IF EXISTS attribution_counted_fields_fixed;
CREATE TRIGGER attribution_counted_fields_fixed BEFORE UPDATE OF claim_id, speaker_id, source_id, stance,
    said_on, state
ON attribution WHEN OLD.state = 'accepted' OR NEW.state = 'accepted'
BEGIN
    SELECT RAISE(ABORT,
        'an attribution''s claim, speaker, source, stance and date are fixed; delete it and record it again');
END;

DROP TRIGGER IF EXISTS relation_added;
CREATE TRIGGER relation_added AFTER INSERT ON claim_relation WHEN NEW.kind = 'contradicts' BEGIN
    UPDATE claim_stats SET counter_claims = counter_claims + 1 WHERE claim_id = NEW.to_claim_id;
    INSERT INTO claim_voice
        SELECT NEW.to_claim_id, 'disputes', coalesce(speaker_id, -source_id), count(*) FROM attribution
        WHERE claim_id = NEW.from_claim_id AND stance = 'asserts' AND state = 'accepted' GROUP BY 3
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

DROP TRIGGER IF EXISTS relation_removed;
CREATE TRIGGER relation_removed AFTER DELETE ON claim_relation WHEN OLD.kind = 'contradicts' BEGIN
    UPDATE claim_stats SET counter_claims = counter_claims - 1 WHERE claim_id = OLD.to_claim_id;
    UPDATE claim_voice SET n = n - (SELECT count(*) FROM attribution
        WHERE claim_id = OLD.from_claim_id AND stance = 'asserts' AND state = 'accepted'
          AND coalesce(speaker_id, -source_id) = claim_voice.voice)
    WHERE claim_id = OLD.to_claim_id AND side = 'disputes';
    DELETE FROM claim_voice WHERE n = 0 AND claim_id = OLD.to_claim_id;
END;

DROP TRIGGER IF EXISTS speaker_attribution_added;
CREATE TRIGGER speaker_attribution_added AFTER INSERT ON attribution
WHEN NEW.speaker_id IS NOT NULL AND NEW.state = 'accepted' BEGIN
    INSERT INTO speaker_stats VALUES (NEW.speaker_id, 1) ON CONFLICT DO UPDATE SET attributions = attributions + 1;
END;
DROP TRIGGER IF EXISTS speaker_attribution_removed;
CREATE TRIGGER speaker_attribution_removed AFTER DELETE ON attribution
WHEN OLD.speaker_id IS NOT NULL AND OLD.state = 'accepted' BEGIN
    UPDATE speaker_stats SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id;
    DELETE FROM speaker_stats WHERE speaker_id = OLD.speaker_id AND attributions = 0;
END;

-- Search finds accepted quotes and claims that are not mere proposals.
DROP TRIGGER IF EXISTS search_quote_added;
CREATE TRIGGER search_quote_added AFTER INSERT ON attribution WHEN NEW.quote IS NOT NULL
    AND NEW.state = 'accepted' BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 1, NEW.quote);
END;
DROP TRIGGER IF EXISTS search_quote_edited;
CREATE TRIGGER search_quote_edited AFTER UPDATE OF quote ON attribution WHEN NEW.state = 'accepted' BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    INSERT INTO search_index (rowid, body) SELECT NEW.id * 4 + 1, NEW.quote WHERE NEW.quote IS NOT NULL;
END;
DROP TRIGGER IF EXISTS search_claim_added;
CREATE TRIGGER search_claim_added AFTER INSERT ON claim WHEN NEW.proposed = 0 BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
DROP TRIGGER IF EXISTS search_claim_edited;
CREATE TRIGGER search_claim_edited AFTER UPDATE OF text ON claim WHEN NEW.proposed = 0 BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4;
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
CREATE TRIGGER search_claim_confirmed AFTER UPDATE OF proposed ON claim WHEN OLD.proposed = 1
    AND NEW.proposed = 0 BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
