-- claimtrail store, schema version 24: the provenance report's view gains `quote_check` at the end,
-- as the CSV export does: how each direct quote stands against its source's body (verbatim,
-- altered, not_found, no_body), read from where the quote was found as it was recorded (schema 018)
-- rather than by searching bodies. SQL cannot search a body, so a quote never looked for, or whose
-- source's body was edited since (its SHA-256 differs), reads NULL here until `quotes verify` looks
-- for it again and keeps what it finds; the CSV export looks for such a quote itself, keeping nothing.
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
       c.status, c.assignee, s.retracted_on AS source_retracted_on,
       CASE WHEN a.mode = 'direct' AND a.quote IS NOT NULL THEN
           CASE WHEN s.body_sha256 IS NULL THEN 'no_body'
           ELSE (SELECT q.status FROM quote_location q
                 WHERE q.attribution_id = a.id AND q.body_sha256 = s.body_sha256) END
       END AS quote_check
FROM attribution a
JOIN claim c ON c.id = a.claim_id
JOIN source s ON s.id = a.source_id
LEFT JOIN speaker sp ON sp.id = a.speaker_id
WHERE a.state = 'accepted'
ORDER BY a.claim_id, a.seen_on IS NULL, a.seen_on, a.id;
