-- claimtrail store, schema version 3: per-claim counters kept current by triggers, so that ranking
-- contested claims reads one index instead of aggregating every attribution (issue: scale).
-- `claimtrail check` recomputes them from scratch and reports any drift.

-- How a claim stands. A voice is a speaker, or for an unattributed statement its source (-source id).
CREATE TABLE claim_stats (
    claim_id       INTEGER PRIMARY KEY REFERENCES claim (id),
    attributions   INTEGER NOT NULL DEFAULT 0,
    asserts        INTEGER NOT NULL DEFAULT 0,  -- attributions asserting
    denies         INTEGER NOT NULL DEFAULT 0,  -- attributions denying
    asserting      INTEGER NOT NULL DEFAULT 0,  -- distinct asserting voices
    -- distinct voices denying, questioning, or asserting a counter-claim
    disputing      INTEGER NOT NULL DEFAULT 0,
    counter_claims INTEGER NOT NULL DEFAULT 0,
    sources        INTEGER NOT NULL DEFAULT 0,  -- distinct sources
    first_seen     TEXT,
    last_seen      TEXT
);
-- The contested claims in ranking order; the WHERE clause is the definition of "contested".
CREATE INDEX claim_stats_contested ON claim_stats (disputing DESC, counter_claims DESC, asserting DESC,
    sources DESC, claim_id)
WHERE counter_claims > 0 OR (asserts > 0 AND denies > 0);

-- How many attributions give each voice its side on each claim; a row exists while n > 0.
CREATE TABLE claim_voice (
    claim_id INTEGER NOT NULL,
    side     TEXT NOT NULL CHECK (side IN ('asserts', 'disputes')),
    voice    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (claim_id, side, voice)
) WITHOUT ROWID;

-- How many attributions of each claim each source holds; a row exists while n > 0.
CREATE TABLE claim_source (
    claim_id  INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (claim_id, source_id)
) WITHOUT ROWID;

CREATE TRIGGER claim_voice_added AFTER INSERT ON claim_voice BEGIN
    UPDATE claim_stats SET asserting = asserting + (NEW.side = 'asserts'),
        disputing = disputing + (NEW.side = 'disputes')
    WHERE claim_id = NEW.claim_id;
END;
CREATE TRIGGER claim_voice_removed AFTER DELETE ON claim_voice BEGIN
    UPDATE claim_stats SET asserting = asserting - (OLD.side = 'asserts'),
        disputing = disputing - (OLD.side = 'disputes')
    WHERE claim_id = OLD.claim_id;
END;
CREATE TRIGGER claim_source_added AFTER INSERT ON claim_source BEGIN
    UPDATE claim_stats SET sources = sources + 1 WHERE claim_id = NEW.claim_id;
END;
CREATE TRIGGER claim_source_removed AFTER DELETE ON claim_source BEGIN
    UPDATE claim_stats SET sources = sources - 1 WHERE claim_id = OLD.claim_id;
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

-- Existing stores: count what is already there. Inserting the tallies fires their triggers,
-- which fill in the distinct counts.
INSERT INTO claim_stats (claim_id) SELECT id FROM claim;
INSERT INTO claim_source SELECT claim_id, source_id, count(*) FROM attribution GROUP BY 1, 2;
INSERT INTO claim_voice
    SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes'), coalesce(speaker_id, -source_id), count(*)
    FROM attribution GROUP BY 1, 2, 3;
INSERT INTO claim_voice
    SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id), count(*)
    FROM claim_relation r JOIN attribution a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts'
    WHERE r.kind = 'contradicts' GROUP BY 1, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
UPDATE claim_stats SET attributions = tally.attributions, asserts = tally.asserts, denies = tally.denies,
                       first_seen = tally.first_seen, last_seen = tally.last_seen
FROM (SELECT a.claim_id, count(*) AS attributions, sum(a.stance = 'asserts') AS asserts,
    sum(a.stance = 'denies') AS denies,
             min(coalesce(a.said_on, s.published)) AS first_seen, max(coalesce(a.said_on, s.published)) AS last_seen
      FROM attribution a JOIN source s ON s.id = a.source_id GROUP BY a.claim_id) AS tally
WHERE claim_stats.claim_id = tally.claim_id;
UPDATE claim_stats SET counter_claims = tally.n
FROM (SELECT to_claim_id, count(*) AS n FROM claim_relation WHERE kind = 'contradicts' GROUP BY 1) AS tally
WHERE claim_stats.claim_id = tally.to_claim_id;

-- Finding an attribution by claim, source and speaker (the duplicate check, relay references)
-- reads a few rows, however busy the claim.
DROP INDEX attribution_by_claim;
CREATE INDEX attribution_by_claim ON attribution (claim_id, source_id, speaker_id);
