-- claimtrail store, schema version 7: how many attributions each speaker has, kept by triggers, so
-- that `trace speaker` says "the first 200 of N" without counting a busy speaker's million rows.
-- An attribution's speaker never changes (see attribution_counted_fields_fixed), so insert and
-- delete are all there is to follow. A row exists while its count is above zero.
CREATE TABLE speaker_stats (
    speaker_id   INTEGER PRIMARY KEY REFERENCES speaker (id),
    attributions INTEGER NOT NULL
);
INSERT INTO speaker_stats SELECT speaker_id, count(*) FROM attribution WHERE speaker_id IS NOT NULL GROUP BY 1;

CREATE TRIGGER speaker_attribution_added AFTER INSERT ON attribution WHEN NEW.speaker_id IS NOT NULL BEGIN
    INSERT INTO speaker_stats VALUES (NEW.speaker_id, 1) ON CONFLICT DO UPDATE SET attributions = attributions + 1;
END;
CREATE TRIGGER speaker_attribution_removed AFTER DELETE ON attribution WHEN OLD.speaker_id IS NOT NULL BEGIN
    UPDATE speaker_stats SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id;
    DELETE FROM speaker_stats WHERE speaker_id = OLD.speaker_id AND attributions = 0;
END;
