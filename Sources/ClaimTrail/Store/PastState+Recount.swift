/// The kept counters of the past (`claim_stats`, `claim_voice`, `claim_source`, `speaker_stats`,
/// `source_sourcing`), counted again from the past rows for what they tally that changed: the
/// claims, speakers and sources of every hidden or rewritten row, and the claims that a changed
/// claim contradicts (its asserting voices dispute them). Each is one grouped statement, as in
/// `ClaimRecount`, reading the past through the TEMP views.
extension PastState {
    func recount() throws {
        for statement in Self.recountStatements { try database.execute(statement) }
        // Counted through the view `attribution_sourcing`, which SQLite reads whole: only when needed.
        let needed = try database.prepare("SELECT 1 FROM affected_source LIMIT 1").first { _ in true } ?? false
        guard needed else { return }
        try database.execute(Self.sourcingRecount)
    }

    /// Rows of `main.attribution` hidden or rewritten, in both their present and their past form.
    private static let changedAttributions = """
        SELECT claim_id, speaker_id, source_id FROM main.attribution WHERE id IN (SELECT key FROM hidden_attribution)
        UNION ALL SELECT claim_id, speaker_id, source_id FROM past_attribution
        """

    /// The accepted attributions of the affected claims. Each read of a TEMP view is a subquery of
    /// its own (`LIMIT -1` keeps SQLite from folding it into a count or a join): so the view's two
    /// halves are searched by index, where a view folded into an aggregate is scanned whole (1M rows).
    private static let affectedAttributions = """
        SELECT id, claim_id, speaker_id, source_id, stance, seen_on FROM attribution
        WHERE claim_id IN (SELECT id FROM affected_claim) AND state = 'accepted' LIMIT -1
        """

    /// The `main` rows hidden and the past rows put back whose `changed` condition (over `was`,
    /// the past row, and `now`, the row in `main`) holds, or that exist on one side only, as both
    /// their present and their past values of all columns.
    private static func movedAttributions(_ changed: String) -> String {
        """
        SELECT now.* FROM main.attribution now LEFT JOIN past_attribution was ON was.id = now.id
        WHERE now.id IN (SELECT key FROM hidden_attribution) AND (was.id IS NULL OR \(changed))
        UNION ALL
        SELECT was.* FROM past_attribution was LEFT JOIN main.attribution now ON now.id = was.id
        WHERE now.id IS NULL OR \(changed)
        """
    }

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
        SELECT claim_id, source_id, count(*) FROM (\(affectedAttributions))
        GROUP BY claim_id, source_id
        """,
        // attribution_added's voices: each attribution's own side of its claim, and asserting a
        // counter-claim disputes every claim it contradicts.
        """
        INSERT INTO past_claim_voice (claim_id, side, voice, n)
        SELECT claim_id, side, voice, count(*) FROM (
            SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes') AS side,
                   coalesce(speaker_id, -source_id) AS voice
            FROM (\(affectedAttributions))
            UNION ALL
            SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id)
            FROM claim_relation r
            JOIN (SELECT claim_id, speaker_id, source_id FROM attribution
                  WHERE claim_id IN (SELECT from_claim_id FROM claim_relation
                                     WHERE to_claim_id IN (SELECT id FROM affected_claim) AND kind = 'contradicts')
                    AND stance = 'asserts' AND state = 'accepted' LIMIT -1) AS a ON a.claim_id = r.from_claim_id
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
        LEFT JOIN (\(affectedAttributions)) AS a ON a.claim_id = c.id
        GROUP BY c.id
        """,
        """
        INSERT OR IGNORE INTO affected_speaker
        SELECT speaker_id
        FROM (\(movedAttributions("was.speaker_id IS NOT now.speaker_id OR was.state IS NOT now.state")))
        WHERE speaker_id IS NOT NULL
        UNION SELECT key FROM hidden_speaker UNION SELECT id FROM past_speaker
        """,
        "INSERT OR IGNORE INTO hidden_speaker_stats SELECT id FROM affected_speaker",
        """
        INSERT INTO past_speaker_stats (speaker_id, attributions)
        SELECT speaker_id, count(*) FROM (SELECT speaker_id FROM attribution
              WHERE speaker_id IN (SELECT id FROM affected_speaker) AND state = 'accepted' LIMIT -1)
        GROUP BY speaker_id
        """,
        // What makes an attribution count as anonymous or unattributed in its source: its speaker
        // and wording (a hedge), and its speaker's kind.
        """
        INSERT OR IGNORE INTO affected_source
        SELECT source_id FROM (\(movedAttributions(
            "was.source_id IS NOT now.source_id OR was.state IS NOT now.state OR was.speaker_id IS NOT now.speaker_id "
                + "OR was.quote IS NOT now.quote OR was.cue IS NOT now.cue")))
        UNION SELECT key FROM hidden_source UNION SELECT id FROM past_source
        UNION SELECT source_id FROM (SELECT source_id FROM attribution WHERE speaker_id IN (
            SELECT was.id FROM past_speaker was LEFT JOIN main.speaker now ON now.id = was.id
            WHERE was.kind IS NOT now.kind) LIMIT -1)
        """,
        "INSERT OR IGNORE INTO hidden_source_sourcing SELECT id FROM affected_source",
    ]

    private static let sourcingRecount = """
        INSERT INTO past_source_sourcing (source_id, attributions, anonymous, unattributed)
        SELECT source_id, count(*), sum(anonymous), sum(unattributed) FROM attribution_sourcing
        WHERE source_id IN (SELECT id FROM affected_source)
        GROUP BY source_id
        """
}
