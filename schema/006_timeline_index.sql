-- claimtrail store, schema version 6: each attribution's day in the timeline, indexed per claim and
-- per speaker, so a trace reads its first page in order from an index however busy the claim.

-- The day it was seen: when it was said, else when its source was published. claimtrail sets it on
-- insert; this trigger fills it for rows inserted without it (bulk SQL, merges). An attribution's
-- date and source never change afterwards (see attribution_counted_fields_fixed).
ALTER TABLE attribution ADD COLUMN seen_on TEXT;
UPDATE attribution SET seen_on = coalesce(said_on, (SELECT published FROM source WHERE id = attribution.source_id));

CREATE TRIGGER attribution_seen_on AFTER INSERT ON attribution WHEN NEW.seen_on IS NULL BEGIN
    UPDATE attribution SET seen_on = coalesce(NEW.said_on, (SELECT published FROM source WHERE id = NEW.source_id))
    WHERE id = NEW.id;
END;

-- Timelines: dated attributions first, by day, then in the order recorded.
CREATE INDEX attribution_claim_timeline ON attribution (claim_id, seen_on IS NULL, seen_on, id);
CREATE INDEX attribution_speaker_timeline ON attribution (speaker_id, seen_on IS NULL, seen_on, id);
DROP INDEX attribution_by_speaker;
