-- claimtrail store, schema version 20: a source its publisher retracted or corrected stays in the
-- store, flagged, so everything that rests on it can be found (`impact source`) and every report
-- can mark it. `source retract` and `source correct` set these columns and log the change like
-- every other source edit. A retraction has a day and a reason; a correction keeps its latest note
-- here and every earlier one in the change log.
ALTER TABLE source ADD COLUMN retracted_on TEXT;
ALTER TABLE source ADD COLUMN retraction_reason TEXT;
ALTER TABLE source ADD COLUMN correction_note TEXT;

-- The few retracted sources, so a report can ask which of a claim's sources are retracted by
-- probing each one instead of reading every source the claim has.
CREATE INDEX source_retracted ON source (id) WHERE retracted_on IS NOT NULL;

-- The provenance report's view gains the source's retraction day at the end, as the CSV export does.
DROP VIEW provenance_report;
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
       c.status, c.assignee, s.retracted_on AS source_retracted_on
FROM attribution a
JOIN claim c ON c.id = a.claim_id
JOIN source s ON s.id = a.source_id
LEFT JOIN speaker sp ON sp.id = a.speaker_id
WHERE a.state = 'accepted'
ORDER BY a.claim_id, a.seen_on IS NULL, a.seen_on, a.id;

-- Independent origins (`origins`, and the count beside `sources` in every report) are read at
-- query time from the `via` links, never kept: merges and deletes, however made, cannot leave them
-- stale. These two partial indexes make that cheap for the busiest claim. The first holds each
-- claim's first-hand attributions (relayed through no other), so counting them reads an index
-- range, and finding origins with the same speaker on the same day probes it; the second holds
-- each claim's relays, from which circular citation is looked for.
CREATE INDEX attribution_first_hand ON attribution (claim_id, speaker_id, seen_on)
WHERE via_id IS NULL AND state = 'accepted';
CREATE INDEX attribution_relays ON attribution (claim_id, via_id, source_id)
WHERE via_id IS NOT NULL AND state = 'accepted';
