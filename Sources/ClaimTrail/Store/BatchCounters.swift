/// What the attribution insert triggers do row by row (schema 003, 005, 007 and 022), done once for
/// a whole batch of new attributions: the rows of `attribution` from id `?1` on.
///
/// Per row, the triggers cost more than the insert itself: each one updates the claim's counters,
/// its voice and source tallies, the speaker's count and the search index. Grouped per batch, the
/// same upkeep takes a few statements, and halves what an import spends in SQLite. The triggers
/// stay the definition: they keep every other writer right (merges, deletes, plain SQL), and a
/// test checks that a batch leaves exactly what they would.
///
/// The counts of voices and sources new to a claim are taken before the tallies they are new to
/// are merged. The relay check of `attribution_via_same_claim` and the day of
/// `attribution_seen_on` are done before a row is staged (see `ClaimStore.addAttribution`).
/// Staged rows are all `accepted`: proposals are written one by one, with the triggers on, and
/// the triggers count only accepted rows (schema 009).
enum BatchCounters {
    /// Runs the upkeep for the rows from `firstID` on; the caller has the triggers off. During an
    /// import, `records` first brings the batch's other new rows up to date (`RecordUpkeep`).
    static func apply(to database: Database, firstID: Int64, records: inout RecordUpkeep?) throws {
        try database.executeScript(
            """
            CREATE TEMP TABLE IF NOT EXISTS batch_voice (
                claim_id INTEGER, side TEXT, voice INTEGER, n INTEGER, PRIMARY KEY (claim_id, side, voice)
            ) WITHOUT ROWID
            """
        )
        try records?.apply(to: database)
        for statement in fromRows { try database.execute(statement, [firstID]) }
        for statement in fromVoices { try database.execute(statement) }
    }

    /// Statements reading the batch's rows.
    static let fromRows = [
        // attribution_fts_added
        """
        INSERT INTO attribution_fts (rowid, quote, cue)
        SELECT id, quote, cue FROM main.attribution NOT INDEXED WHERE id >= ?1
        """,

        // speaker_attribution_added
        """
        INSERT INTO speaker_stats
        SELECT speaker_id,
            count(*) FROM main.attribution NOT INDEXED WHERE id >= ?1 AND speaker_id IS NOT NULL GROUP BY speaker_id
        ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions
        """,

        // source_sourcing_added. A view takes no NOT INDEXED: the unary plus keeps the planner from
        // walking the whole of `attribution_by_source`, every row of the store, to get the batch's rows
        // already grouped (0.8 s of CPU per batch, even for one `attribute`, at 10M), rather than
        // reading the batch's id range and sorting it.
        """
        INSERT INTO source_sourcing
        SELECT source_id, count(*), sum(anonymous), sum(unattributed) FROM attribution_sourcing
        WHERE id >= ?1 GROUP BY +source_id
        ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions,
                                  anonymous = anonymous + excluded.anonymous,
                                  unattributed = unattributed + excluded.unattributed
        """,

        // attribution_added: the claim's own counts and its first and last day seen.
        """
        UPDATE claim_stats SET
            attributions = claim_stats.attributions + batch.attributions,
            asserts = claim_stats.asserts + batch.asserts,
            denies = claim_stats.denies + batch.denies,
            first_seen = coalesce(min(claim_stats.first_seen, batch.first_seen), claim_stats.first_seen,
                batch.first_seen),
            last_seen = coalesce(max(claim_stats.last_seen, batch.last_seen), claim_stats.last_seen, batch.last_seen)
        FROM (SELECT claim_id, count(*) AS attributions, sum(stance = 'asserts') AS asserts,
                     sum(stance = 'denies') AS denies, min(seen_on) AS first_seen, max(seen_on) AS last_seen
              FROM main.attribution NOT INDEXED WHERE id >= ?1 GROUP BY claim_id) AS batch
        WHERE claim_stats.claim_id = batch.claim_id
        """,

        // claim_source_added, for each source new to a claim; then attribution_added's claim_source upsert.
        """
        UPDATE claim_stats SET sources = claim_stats.sources + batch.sources
        FROM (SELECT claim_id, count(DISTINCT source_id) AS sources FROM main.attribution AS p NOT INDEXED
              WHERE p.id >= ?1 AND NOT EXISTS (SELECT 1 FROM claim_source s WHERE s.claim_id = p.claim_id
                  AND s.source_id = p.source_id)
              GROUP BY claim_id) AS batch
        WHERE claim_stats.claim_id = batch.claim_id
        """,
        """
        INSERT INTO claim_source
        SELECT claim_id, source_id, count(*) FROM main.attribution NOT INDEXED WHERE id >= ?1 GROUP BY claim_id,
            source_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """,

        // attribution_added's voices: each row's own side of its claim, and asserting a
        // counter-claim disputes every claim it contradicts.
        """
        INSERT INTO temp.batch_voice
        SELECT claim_id, side, voice, count(*) FROM (
            SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes') AS side,
                   coalesce(speaker_id, -source_id) AS voice
            FROM main.attribution NOT INDEXED WHERE id >= ?1
            UNION ALL
            SELECT r.to_claim_id, 'disputes', coalesce(p.speaker_id, -p.source_id)
            FROM main.attribution AS p NOT INDEXED
            JOIN claim_relation r ON r.from_claim_id = p.claim_id AND r.kind = 'contradicts'
            WHERE p.id >= ?1 AND p.stance = 'asserts')
        GROUP BY claim_id, side, voice
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """,
    ]

    /// Statements reading the batch's voices, gathered in `temp.batch_voice` by the last of
    /// `fromRows` (and by `RecordUpkeep`, for new counter-claim relations).
    private static let fromVoices = [
        // claim_voice_added, for each voice new to a claim's side; then the claim_voice upsert.
        """
        UPDATE claim_stats SET asserting = claim_stats.asserting + batch.asserting,
            disputing = claim_stats.disputing + batch.disputing
        FROM (SELECT claim_id, sum(side = 'asserts') AS asserting, sum(side = 'disputes') AS disputing
              FROM temp.batch_voice b
              WHERE NOT EXISTS (SELECT 1 FROM claim_voice v
                                WHERE v.claim_id = b.claim_id AND v.side = b.side AND v.voice = b.voice)
              GROUP BY claim_id) AS batch
        WHERE claim_stats.claim_id = batch.claim_id
        """,
        """
        INSERT INTO claim_voice SELECT * FROM temp.batch_voice WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """,
        "DELETE FROM temp.batch_voice",
    ]
}
