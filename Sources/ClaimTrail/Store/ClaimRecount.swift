/// The counters a claim keeps (`claim_stats`, its voice and source tallies; schema 003 and 009),
/// counted again from its attributions and relations, for a few claims at once.
///
/// A merge or a claim deletion moves or removes all of a busy claim's attributions. Row by row,
/// the triggers recompute the claim's first and last day at every removed row, a scan of the
/// claim's attributions each time: on a 1M store, `claim delete` of a claim with 28k attributions
/// and `claim merge` of one with 41k did not end within 5 minutes. Those edits run with the
/// triggers off and then count the claims they touched again here, in one grouped statement per
/// table, which reads each touched claim's attributions once. The triggers stay the definition:
/// `check` recounts every claim the same way, and the tests compare with stores built row by row.
enum ClaimRecount {
    /// Counts claims `ids` again from what the store holds now; the caller has the triggers off.
    /// A claim with no attributions left gets zero counts; ids of claims already gone are skipped.
    /// An id given twice (a claim that both touched claims contradict) is counted once: the grouped
    /// count joins each listed id to its attributions, so a repeated id would double them.
    static func apply(to database: Database, claims ids: some Collection<Int64>) throws {
        guard !ids.isEmpty else { return }
        let list = "[" + Set(ids).sorted().map(String.init).joined(separator: ",") + "]"
        for statement in statements { try database.execute(statement, [list]) }
    }

    /// The claims that `ids` contradict: an asserting voice of a claim also disputes each of those.
    static func countered(by ids: some Collection<Int64>, in database: Database) throws -> [Int64] {
        try database.prepare(
            """
            SELECT DISTINCT to_claim_id FROM claim_relation
            WHERE kind = 'contradicts' AND from_claim_id IN (SELECT value FROM json_each(?))
            """
        ).map(["[" + ids.map(String.init).joined(separator: ",") + "]"]) { $0.int64(0) }
    }

    /// `?1` is the JSON array of the claims' ids.
    private static let statements = [
        "DELETE FROM claim_source WHERE claim_id IN (SELECT value FROM json_each(?1))",
        """
        INSERT INTO claim_source
        SELECT claim_id, source_id, count(*) FROM attribution
        WHERE claim_id IN (SELECT value FROM json_each(?1)) AND state = 'accepted'
        GROUP BY claim_id, source_id
        """,
        "DELETE FROM claim_voice WHERE claim_id IN (SELECT value FROM json_each(?1))",
        // attribution_added's voices: each attribution's own side of its claim, and asserting a
        // counter-claim disputes every claim it contradicts.
        """
        INSERT INTO claim_voice
        SELECT claim_id, side, voice, count(*) FROM (
            SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes') AS side,
                   coalesce(speaker_id, -source_id) AS voice
            FROM attribution WHERE claim_id IN (SELECT value FROM json_each(?1)) AND state = 'accepted'
            UNION ALL
            SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id)
            FROM claim_relation r
            JOIN attribution a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts' AND a.state = 'accepted'
            WHERE r.to_claim_id IN (SELECT value FROM json_each(?1)) AND r.kind = 'contradicts')
        GROUP BY claim_id, side, voice
        """,
        """
        UPDATE claim_stats SET
            attributions = counted.attributions, asserts = counted.asserts, denies = counted.denies,
            first_seen = counted.first_seen, last_seen = counted.last_seen,
            asserting = (SELECT count(*) FROM claim_voice v WHERE v.claim_id = counted.id AND v.side = 'asserts'),
            disputing = (SELECT count(*) FROM claim_voice v WHERE v.claim_id = counted.id AND v.side = 'disputes'),
            sources = (SELECT count(*) FROM claim_source s WHERE s.claim_id = counted.id),
            counter_claims = (SELECT count(*) FROM claim_relation r WHERE r.to_claim_id = counted.id
                                                                     AND r.kind = 'contradicts')
        FROM (SELECT ids.value AS id, count(a.id) AS attributions, coalesce(sum(a.stance = 'asserts'), 0) AS asserts,
                     coalesce(sum(a.stance = 'denies'), 0) AS denies, min(a.seen_on) AS first_seen,
                     max(a.seen_on) AS last_seen
              FROM json_each(?1) AS ids
              LEFT JOIN attribution a ON a.claim_id = ids.value AND a.state = 'accepted'
              GROUP BY ids.value) AS counted
        WHERE claim_stats.claim_id = counted.id
        """,
    ]
}
