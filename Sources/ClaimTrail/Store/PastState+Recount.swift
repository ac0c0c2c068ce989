/// The kept counters of the past (`claim_stats`, `claim_voice`, `claim_source`, `speaker_stats`,
/// `source_sourcing`), counted again from the past rows for what they tally that changed: the
/// claims, speakers and sources of every hidden or rewritten row, and the claims that a changed
/// claim contradicts (its asserting voices dispute them). Each is one grouped statement, as in
/// `ClaimRecount`, reading the past through the TEMP views.
extension PastState {
    func recount() throws {
        for statement in Self.recountStatements { try database.execute(statement) }
    }

    /// Rows of `main.attribution` hidden or rewritten, in both their present and their past form.
    private static let changedAttributions = """
        SELECT claim_id, speaker_id, source_id FROM main.attribution WHERE id IN (SELECT key FROM hidden_attribution)
        UNION ALL SELECT claim_id, speaker_id, source_id FROM past_attribution
        """

    private static let recountStatements = [
        """
        INSERT OR IGNORE INTO affected_claim
        SELECT claim_id FROM (\(changedAttributions))
        UNION SELECT key FROM hidden_claim UNION SELECT id FROM past_claim
        UNION SELECT from_claim_id FROM main.claim_relation WHERE id IN (SELECT key FROM hidden_claim_relation)
        UNION SELECT to_claim_id FROM main.claim_relation WHERE id IN (SELECT key FROM hidden_claim_relation)
        UNION SELECT from_claim_id FROM past_claim_relation UNION SELECT to_claim_id FROM past_claim_relation
        """,
        """
        INSERT OR IGNORE INTO affected_claim
        SELECT to_claim_id FROM main.claim_relation
        WHERE kind = 'contradicts' AND from_claim_id IN (SELECT id FROM affected_claim)
        UNION SELECT to_claim_id FROM claim_relation
        WHERE kind = 'contradicts' AND from_claim_id IN (SELECT id FROM affected_claim)
        """,
        "INSERT OR IGNORE INTO hidden_claim_stats SELECT id FROM affected_claim",
        "INSERT OR IGNORE INTO hidden_claim_voice SELECT id FROM affected_claim",
        "INSERT OR IGNORE INTO hidden_claim_source SELECT id FROM affected_claim",
        """
        INSERT INTO past_claim_source (claim_id, source_id, n)
        SELECT claim_id, source_id, count(*) FROM attribution
        WHERE claim_id IN (SELECT id FROM affected_claim) AND state = 'accepted'
        GROUP BY claim_id, source_id
        """,
        // attribution_added's voices: each attribution's own side of its claim, and asserting a
        // counter-claim disputes every claim it contradicts.
        """
        INSERT INTO past_claim_voice (claim_id, side, voice, n)
        SELECT claim_id, side, voice, count(*) FROM (
            SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes') AS side,
                   coalesce(speaker_id, -source_id) AS voice
            FROM attribution WHERE claim_id IN (SELECT id FROM affected_claim) AND state = 'accepted'
            UNION ALL
            SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id)
            FROM claim_relation r
            JOIN attribution a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts' AND a.state = 'accepted'
            WHERE r.to_claim_id IN (SELECT id FROM affected_claim) AND r.kind = 'contradicts')
        GROUP BY claim_id, side, voice
        """,
        """
        INSERT INTO past_claim_stats (claim_id, attributions, asserts, denies, asserting, disputing, counter_claims,
                                      sources, first_seen, last_seen)
        SELECT c.id, count(a.id), coalesce(sum(a.stance = 'asserts'), 0), coalesce(sum(a.stance = 'denies'), 0),
               (SELECT count(*) FROM past_claim_voice v WHERE v.claim_id = c.id AND v.side = 'asserts'),
               (SELECT count(*) FROM past_claim_voice v WHERE v.claim_id = c.id AND v.side = 'disputes'),
               (SELECT count(*) FROM claim_relation r WHERE r.to_claim_id = c.id AND r.kind = 'contradicts'),
               (SELECT count(*) FROM past_claim_source s WHERE s.claim_id = c.id),
               min(a.seen_on), max(a.seen_on)
        FROM affected_claim ac JOIN claim c ON c.id = ac.id
        LEFT JOIN attribution a ON a.claim_id = c.id AND a.state = 'accepted'
        GROUP BY c.id
        """,
        """
        INSERT OR IGNORE INTO affected_speaker
        SELECT speaker_id FROM (\(changedAttributions)) WHERE speaker_id IS NOT NULL
        UNION SELECT key FROM hidden_speaker UNION SELECT id FROM past_speaker
        """,
        "INSERT OR IGNORE INTO hidden_speaker_stats SELECT id FROM affected_speaker",
        """
        INSERT INTO past_speaker_stats (speaker_id, attributions)
        SELECT speaker_id, count(*) FROM attribution
        WHERE speaker_id IN (SELECT id FROM affected_speaker) AND state = 'accepted'
        GROUP BY speaker_id
        """,
        // A speaker's kind makes its attributions anonymous or not, in every source it spoke in.
        """
        INSERT OR IGNORE INTO affected_source
        SELECT source_id FROM (\(changedAttributions))
        UNION SELECT key FROM hidden_source UNION SELECT id FROM past_source
        UNION SELECT source_id FROM attribution WHERE speaker_id IN (SELECT id FROM affected_speaker)
        """,
        "INSERT OR IGNORE INTO hidden_source_sourcing SELECT id FROM affected_source",
        """
        INSERT INTO past_source_sourcing (source_id, attributions, anonymous, unattributed)
        SELECT source_id, count(*), sum(anonymous), sum(unattributed) FROM attribution_sourcing
        WHERE source_id IN (SELECT id FROM affected_source)
        GROUP BY source_id
        """,
    ]
}
