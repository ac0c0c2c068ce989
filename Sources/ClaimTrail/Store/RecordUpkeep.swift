/// What the insert triggers of claims, sources, speakers, aliases and counter-claim relations do
/// (schema 003 and 012), done once per import batch for the rows added since the previous one.
///
/// An import runs with the connection's triggers off from start to end, not only while its
/// attributions are written. With them on, each claim or source insert also wrote the search
/// index, and FTS5 writes what it holds to disk at every statement's savepoint: an import of
/// 100,000 claims wrote 100,000 one-claim index segments, a tenth of the whole import's time.
/// Here the batch's claims, sources and speakers are indexed by one statement each. The
/// triggers stay the definition, and the batch test holds this to what they leave.
struct RecordUpkeep {
    /// The first id of each table that has not been brought up to date yet.
    private var claim, source, speaker, relation: Int64
    /// Speakers stored before the batch that were given new aliases: their search entries, taken out
    /// by `aliasesAdding`, are put back.
    private var aliasedSpeakers: Set<Int64> = []

    /// Starts after the rows stored now, which the triggers have seen to.
    init(database: Database) throws {
        (claim, source, speaker, relation) = try Self.nextIDs(in: database)
    }

    /// Notes that a speaker is about to be given aliases; new speakers are indexed with their
    /// aliases anyway. A speaker indexed before has its entry taken out now, while the index can
    /// still be told the text it holds (speaker_fts_alias_adding), and put back by `apply`.
    mutating func aliasesAdding(to speakerID: Int64, in database: Database) throws {
        guard speakerID < speaker, aliasedSpeakers.insert(speakerID).inserted else { return }
        try database.execute(
            """
            INSERT INTO speaker_fts (speaker_fts, rowid, name, aliases)
            SELECT 'delete', id, name, aliases FROM main.speaker_search WHERE id = ?
            """,
            [speakerID]
        )
    }

    /// Brings the rows added since the last call up to date. The voices that a new counter-claim
    /// relation gives the claim it counters, from the attributions stored before this batch, are
    /// added to `temp.batch_voice`; `BatchCounters` merges them with the batch's own. They are read
    /// from the counter-claim's asserting voices (`claim_voice`, which holds exactly the stored
    /// rows until the batch is merged), not from its attributions: a large import has dropped the
    /// index by claim (`DeferredIndexes`), and each batch with a relation would scan the table.
    mutating func apply(to database: Database) throws {
        let aliased = "[" + aliasedSpeakers.map(String.init).joined(separator: ",") + "]"
        let statements: [(sql: String, arguments: [any StatementArgument])] = [
            // claim_added, claim_fts_added
            ("INSERT INTO claim_stats (claim_id) SELECT id FROM main.claim WHERE id >= ?", [claim]),
            (
                "INSERT INTO claim_fts (rowid, text) SELECT id, text FROM main.claim WHERE id >= ? AND proposed = 0",
                [claim]
            ),
            // source_fts_added
            (
                "INSERT INTO source_fts (rowid, title, body) SELECT id, title, body FROM main.source WHERE id >= ?",
                [source]
            ),
            // speaker_fts_added, and speaker_fts_alias_added: the name and every alias.
            (
                """
                INSERT INTO speaker_fts (rowid, name, aliases)
                SELECT id, name, aliases FROM main.speaker_search
                WHERE id >= ?1 OR id IN (SELECT value FROM json_each(?2))
                """, [speaker, aliased]
            ),
            // relation_added: the countered claim's count, and the voices asserting its counter-claim.
            (
                """
                UPDATE claim_stats SET counter_claims = counter_claims + batch.relations
                FROM (SELECT to_claim_id, count(*) AS relations FROM main.claim_relation
                      WHERE id >= ? AND kind = 'contradicts' GROUP BY to_claim_id) AS batch
                WHERE claim_stats.claim_id = batch.to_claim_id
                """, [relation]
            ),
            (
                """
                INSERT INTO temp.batch_voice
                SELECT r.to_claim_id, 'disputes', v.voice, sum(v.n)
                FROM main.claim_relation r
                JOIN main.claim_voice v ON v.claim_id = r.from_claim_id AND v.side = 'asserts' AND v.n > 0
                WHERE r.id >= ?1 AND r.kind = 'contradicts'
                GROUP BY 1, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n
                """, [relation]
            ),
        ]
        for statement in statements { try database.execute(statement.sql, statement.arguments) }
        (claim, source, speaker, relation) = try Self.nextIDs(in: database)
        aliasedSpeakers.removeAll()
    }

    private static func nextIDs(in database: Database) throws -> (Int64, Int64, Int64, Int64) {
        try database.cached(
            """
            SELECT (SELECT coalesce(max(id), 0) + 1 FROM main.claim), (SELECT coalesce(max(id),
                0) + 1 FROM main.source),
                   (SELECT coalesce(max(id), 0) + 1 FROM main.speaker), (SELECT coalesce(max(id),
                       0) + 1 FROM main.claim_relation)
            """
        ).first { ($0.int64(0), $0.int64(1), $0.int64(2), $0.int64(3)) }!
    }
}
