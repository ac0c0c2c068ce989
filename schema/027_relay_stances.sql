-- claimtrail store, schema version 27: the relays' index knows each relay's stance.
--
-- Independent origins count only first-hand statements that assert a claim, and first-hand denials
-- are shown beside them: each is the claim's kept count of that stance less its relays with that
-- stance. Without the stance in the relays' index, telling a relay's stance read its row: at 1M
-- attributions, the busiest claim's 3,992 relays cost about 4 ms warm and 20 ms cold on every view
-- of its page. With the stance appended, the count reads the same short stretch of the index and
-- nothing else (0.3 ms), and every query that used the index before reads it as it did: the
-- columns before the stance are unchanged. An import large next to its store drops and rebuilds
-- this index by name (`DeferredIndexes`), so it rebuilds this definition.
DROP INDEX attribution_relays;
CREATE INDEX attribution_relays ON attribution (claim_id, via_id, source_id, stance)
WHERE via_id IS NOT NULL AND state = 'accepted';
