-- claimtrail store, schema version 22: each source's accepted attributions by how they are sourced,
-- kept by triggers, so that `audit --all` ranks the sources from one row per source instead of
-- reading every attribution's cue and quote (17 s at 1M attributions).
--
-- The rule is SourcingCategory's, written once here in the view `attribution_sourcing`: a row is
-- unattributed when it has no speaker or its cue or quote hedges ("reportedly", "is said to"…),
-- and anonymous when its speaker is of kind `anonymous` and it does not hedge. A source has a
-- row here while it has accepted attributions.
CREATE VIEW attribution_sourcing AS
SELECT a.id, a.source_id, a.speaker_id,
       a.speaker_id IS NULL OR a.hedged AS unattributed,
       a.speaker_id IS NOT NULL AND NOT a.hedged AND sp.kind = 'anonymous' AS anonymous
FROM (SELECT id, source_id, speaker_id, state,
             (SELECT instr(wording, 'reportedly') > 0 OR instr(wording, 'is said to') > 0
                     OR instr(wording, 'are said to') > 0 OR instr(wording, 'was said to') > 0
                     OR instr(wording, 'were said to') > 0 OR instr(wording, 'allegedly') > 0
                     OR instr(wording, 'purportedly') > 0 OR instr(wording, 'reports suggest') > 0
                     OR instr(wording, 'it is claimed') > 0 OR instr(wording, 'rumoured') > 0
                     OR instr(wording, 'rumored') > 0
              FROM (SELECT lower(coalesce(cue, '') || ' ' || coalesce(quote, '')) AS wording)) AS hedged
      FROM attribution) AS a
LEFT JOIN speaker sp ON sp.id = a.speaker_id
WHERE a.state = 'accepted';

CREATE TABLE source_sourcing (
    source_id    INTEGER PRIMARY KEY REFERENCES source (id),
    attributions INTEGER NOT NULL,
    anonymous    INTEGER NOT NULL,
    unattributed INTEGER NOT NULL
);
INSERT INTO source_sourcing
SELECT source_id, count(*), sum(anonymous), sum(unattributed) FROM attribution_sourcing GROUP BY source_id;

CREATE TRIGGER source_sourcing_added AFTER INSERT ON attribution WHEN NEW.state = 'accepted' BEGIN
    INSERT INTO source_sourcing
    SELECT source_id, 1, anonymous, unattributed FROM attribution_sourcing WHERE id = NEW.id
    ON CONFLICT DO UPDATE SET attributions = attributions + 1, anonymous = anonymous + excluded.anonymous,
                              unattributed = unattributed + excluded.unattributed;
END;

-- Taken off before the row goes, while the view still sees it.
CREATE TRIGGER source_sourcing_removed BEFORE DELETE ON attribution WHEN OLD.state = 'accepted' BEGIN
    UPDATE source_sourcing SET attributions = source_sourcing.attributions - 1,
                               anonymous = source_sourcing.anonymous - row.anonymous,
                               unattributed = source_sourcing.unattributed - row.unattributed
    FROM (SELECT anonymous, unattributed FROM attribution_sourcing WHERE id = OLD.id) AS row
    WHERE source_id = OLD.source_id;
    DELETE FROM source_sourcing WHERE source_id = OLD.source_id AND attributions = 0;
END;

-- An accepted row's speaker and source are fixed (attribution_counted_fields_fixed), but its cue
-- and quote may be corrected, and a correction may add or remove a hedge.
CREATE TRIGGER source_sourcing_rewording BEFORE UPDATE OF cue, quote ON attribution WHEN OLD.state = 'accepted'
BEGIN
    UPDATE source_sourcing SET anonymous = source_sourcing.anonymous - row.anonymous,
                               unattributed = source_sourcing.unattributed - row.unattributed
    FROM (SELECT anonymous, unattributed FROM attribution_sourcing WHERE id = OLD.id) AS row
    WHERE source_id = OLD.source_id;
END;
CREATE TRIGGER source_sourcing_reworded AFTER UPDATE OF cue, quote ON attribution WHEN NEW.state = 'accepted'
BEGIN
    UPDATE source_sourcing SET anonymous = source_sourcing.anonymous + row.anonymous,
                               unattributed = source_sourcing.unattributed + row.unattributed
    FROM (SELECT anonymous, unattributed FROM attribution_sourcing WHERE id = NEW.id) AS row
    WHERE source_id = NEW.source_id;
END;

-- A speaker whose kind changes to or from `anonymous` moves their rows in every source.
CREATE TRIGGER source_sourcing_speaker_rekinding BEFORE UPDATE OF kind ON speaker
WHEN (OLD.kind = 'anonymous') <> (NEW.kind = 'anonymous') BEGIN
    UPDATE source_sourcing SET anonymous = source_sourcing.anonymous - batch.anonymous
    FROM (SELECT source_id, sum(anonymous) AS anonymous FROM attribution_sourcing WHERE speaker_id = OLD.id
          GROUP BY source_id) AS batch
    WHERE source_sourcing.source_id = batch.source_id;
END;
CREATE TRIGGER source_sourcing_speaker_rekinded AFTER UPDATE OF kind ON speaker
WHEN (OLD.kind = 'anonymous') <> (NEW.kind = 'anonymous') BEGIN
    UPDATE source_sourcing SET anonymous = source_sourcing.anonymous + batch.anonymous
    FROM (SELECT source_id, sum(anonymous) AS anonymous FROM attribution_sourcing WHERE speaker_id = NEW.id
          GROUP BY source_id) AS batch
    WHERE source_sourcing.source_id = batch.source_id;
END;
