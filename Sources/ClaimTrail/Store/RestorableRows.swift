/// What a merge or a claim deletion takes away, as JSON in SQL, for the one change-log entry that
/// records it (its `before`). An edit that moves or removes tens of thousands of attributions logs
/// once, not once per row, yet the entry keeps enough to put the store back as it was: the ids
/// of the rows a merge moved (they keep their ids), and whole rows for those a deletion removed.
/// Each fragment is a JSON array, in id order; `?1` is the claim or speaker the edit is about.
enum RestorableRows {
    /// The ids of the attributions with `column` (`claim_id` or `speaker_id`) equal to `?1`.
    static func attributionIDs(_ column: String) -> String {
        "json((SELECT json_group_array(id) FROM (SELECT id FROM attribution WHERE \(column) = ?1 ORDER BY id)))"
    }

    /// Claim `?1`'s attributions, every column but the timeline day (which follows from the others).
    static let attributions = """
        json((SELECT json_group_array(json_object(
                  'id', id, 'claim_id', claim_id, 'speaker_id', speaker_id, 'source_id', source_id, 'stance', stance,
                  'mode', mode, 'quote', quote, 'cue', cue, 'said_on', said_on, 'via_id', via_id,
                  'recorded_at', recorded_at, 'recorded_by', recorded_by, 'state', state, 'uid', uid))
              FROM (SELECT * FROM attribution WHERE claim_id = ?1 ORDER BY id)))
        """

    /// The extractor's proposals behind claim `?1`'s attributions.
    static let proposals = """
        json((SELECT json_group_array(json_object(
                  'attribution_id', attribution_id, 'speaker', speaker, 'speaker_role', speaker_role,
                  'content', content, 'content_key', content_key, 'confidence', confidence,
                  'content_start', content_start, 'content_end', content_end, 'extractor_version', extractor_version,
                  'proposed_at', proposed_at, 'proposed_by', proposed_by, 'decision', decision,
                  'decided_at', decided_at, 'decided_by', decided_by, 'reason', reason))
              FROM (SELECT * FROM attribution_proposal
                    WHERE attribution_id IN (SELECT id FROM attribution WHERE claim_id = ?1) ORDER BY attribution_id)))
        """

    /// The relations from or to claim `?1`.
    static let relations = """
        json((SELECT json_group_array(json_object(
                  'id', id, 'from_claim_id', from_claim_id, 'to_claim_id', to_claim_id, 'kind', kind,
                  'source_id', source_id, 'uid', uid))
              FROM (SELECT * FROM claim_relation WHERE ?1 IN (from_claim_id, to_claim_id) ORDER BY id)))
        """

    /// The verdicts on claim `?1`.
    static let verdicts = """
        json((SELECT json_group_array(json_object(
                  'id', id, 'claim_id', claim_id, 'rating', rating, 'score', score, 'best', best, 'worst', worst,
                  'reviewer', reviewer, 'reviewed_on', reviewed_on, 'url', url, 'explanation', explanation,
                  'language', language, 'appearance_url', appearance_url, 'uid', uid))
              FROM (SELECT * FROM verdict WHERE claim_id = ?1 ORDER BY id)))
        """

    /// The notes on claim `?1`.
    static let notes = """
        json((SELECT json_group_array(json_object(
                  'id', id, 'written_at', written_at, 'written_by', written_by, 'text', text))
              FROM (SELECT * FROM claim_note WHERE claim_id = ?1 ORDER BY id)))
        """
}
