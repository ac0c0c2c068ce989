import CSQLite

/// Verifies a store: SQLite's own integrity and foreign-key checks, and the project's invariants,
/// chief among them that the trigger-kept counters equal a recount from the attributions.
public struct StoreCheck {
    public let store: ClaimStore

    public init(store: ClaimStore) { self.store = store }

    /// Every problem found, one line each; empty when the store is sound.
    /// - Parameter progress: told the name of each step as it starts, with its number (from 1) and
    ///   the number of steps: a check reads the whole store, which takes minutes at 10M.
    public func problems(progress: ((_ step: String, _ number: Int, _ steps: Int) -> Void)? = nil) throws -> [String] {
        try store.read {
            var problems: [String] = []
            for (index, (name, step)) in Self.steps.enumerated() {
                progress?(name, index + 1, Self.steps.count)
                problems += try step(store.database)
            }
            return problems
        }
    }

    /// The check's steps, in order: what each looks at, and the problems it finds.
    private static let steps: [(String, @Sendable (Database) throws -> [String])] = [
        ("integrity", integrityProblems), ("claim counters", claimCounterProblems),
        ("speaker and source counters", tallyProblems), ("relays and reviews", attributionProblems),
        ("ids", reusedIDs), ("uids", uidProblems), ("claim keys", keyProblems), ("dates", dateProblems),
        ("search indexes", searchIndexProblems),
    ]

    /// SQLite's own checks: the file's structure and the foreign keys.
    private static func integrityProblems(in database: Database) throws -> [String] {
        try database.prepare("PRAGMA integrity_check").map { $0.string(0) }.filter { $0 != "ok" }
            + database.prepare("PRAGMA foreign_key_check").map { row in
                "foreign key: \(row.string(0)) row \(row.int64(1)) points at a missing \(row.string(2))"
            }
    }

    /// Each claim's trigger-kept counters against a recount from its attributions.
    private static func claimCounterProblems(in database: Database) throws -> [String] {
        try database.prepare(
            """
            SELECT claim_id FROM (
                SELECT claim_id, attributions, asserts, denies, asserting, disputing, counter_claims, sources,
                    first_seen, last_seen
                FROM claim_stats
                EXCEPT
                \(Self.recount)
            )
            UNION SELECT id FROM claim WHERE id NOT IN (SELECT claim_id FROM claim_stats)
            ORDER BY 1
            """
        ).map { "counters of claim #\($0.int64(0)) differ from a recount" }
    }

    /// Each speaker's attribution count and each source's sourcing counts against a recount.
    private static func tallyProblems(in database: Database) throws -> [String] {
        try database.prepare(
            """
            SELECT id FROM speaker
            WHERE coalesce((SELECT attributions FROM speaker_stats WHERE speaker_id = speaker.id), 0)
                  <> (SELECT count(*) FROM attribution WHERE speaker_id = speaker.id AND state = 'accepted')
            UNION SELECT speaker_id FROM speaker_stats WHERE attributions <= 0
            ORDER BY 1
            """
        ).map { "attribution count of speaker #\($0.int64(0)) differs from a recount" }
            + database.prepare(
                """
                SELECT source_id FROM (
                    SELECT * FROM source_sourcing
                    EXCEPT SELECT source_id, count(*), sum(anonymous), sum(unattributed) FROM attribution_sourcing
                           GROUP BY source_id)
                UNION SELECT source_id FROM attribution_sourcing WHERE source_id NOT IN (SELECT source_id
                    FROM source_sourcing)
                ORDER BY 1
                """
            ).map { "sourcing counts of source #\($0.int64(0)) differ from a recount" }
    }

    /// Relays within their claim and earlier, and review states that agree with their records.
    private static func attributionProblems(in database: Database) throws -> [String] {
        try database.prepare(
            """
            SELECT a.id FROM attribution a JOIN attribution v ON v.id = a.via_id
                WHERE v.claim_id <> a.claim_id OR v.id >= a.id
            """
        ).map { "attribution #\($0.int64(0)) is relayed through an attribution of another claim, or a later one" }
            + database.prepare(
                """
                SELECT a.id FROM attribution a LEFT JOIN attribution_proposal p ON p.attribution_id = a.id
                WHERE (a.state = 'proposed' AND (p.attribution_id IS NULL OR p.decision IS NOT NULL))
                   OR (a.state = 'rejected' AND p.decision IS NOT 'rejected')
                ORDER BY 1
                """
            ).map { "attribution #\($0.int64(0))'s review state disagrees with its proposal record" }
            + database.prepare(
                """
                SELECT id FROM claim WHERE proposed = 1 AND (
                    EXISTS (SELECT 1 FROM attribution WHERE claim_id = claim.id AND state = 'accepted')
                    OR EXISTS (SELECT 1 FROM verdict WHERE claim_id = claim.id)
                    OR EXISTS (SELECT 1 FROM claim_note WHERE claim_id = claim.id))
                ORDER BY 1
                """
            ).map {
                "claim #\($0.int64(0)) is hidden as only proposed, yet has accepted attributions, verdicts or notes"
            }
    }

    /// The full-text indexes of schema 012.
    static let searchIndexes = ["claim_fts", "attribution_fts", "source_fts", "speaker_fts"]

    /// The rows each index holds when it indexes only some of its table (schema 012 follows the desk
    /// workflow: proposals are not searchable). FTS5's check against the table would read every row
    /// and report the left-out ones, so these indexes are checked in three parts: FTS5's check of the
    /// index itself, the ids it holds (one row each in its `_docsize` table) against these rows, and
    /// its words against an index of these rows built afresh (`subsetIndexDifferences`).
    static let indexedSubsets = [
        "claim_fts": IndexedRows(columns: "text", rows: "FROM claim WHERE proposed = 0"),
        "attribution_fts": IndexedRows(columns: "quote, cue", rows: "FROM attribution WHERE state = 'accepted'"),
    ]

    /// The columns an index reads, and the rows of its table it holds (`FROM … WHERE …`).
    struct IndexedRows {
        let columns: String
        let rows: String
    }

    /// Each index compared with what it should hold: by FTS5's own check (rank 1: against the
    /// table's text, not only the index's inner consistency), or for a subset as said above.
    ///
    /// FTS5 runs its check as a write statement. A reader without write access to the file, or one
    /// whose snapshot another writer has moved past, cannot run it, and has nothing to say about the
    /// indexes then; SQLite's integrity_check above has still read them.
    private static func searchIndexProblems(in database: Database) throws -> [String] {
        var problems = searchIndexes.compactMap { index -> String? in
            let againstTable = indexedSubsets[index] == nil ? 1 : 0
            do {
                try database.execute(
                    "INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', \(againstTable))"
                )
                return nil
            } catch let error as SQLiteError {
                let unwritable = [SQLITE_READONLY, SQLITE_BUSY, SQLITE_LOCKED].contains(error.code)
                return unwritable ? nil : "full-text index \(index) differs from its table (\(error.message))"
            } catch {
                return "full-text index \(index): \(error)"
            }
        }
        for (index, subset) in indexedSubsets.sorted(by: { $0.key < $1.key }) {
            problems += try database.prepare(
                """
                SELECT id, 'is missing' FROM (SELECT id \(subset.rows) EXCEPT SELECT id FROM \(index)_docsize)
                UNION ALL
                SELECT id, 'should not be there' FROM (SELECT id FROM \(index)_docsize EXCEPT SELECT id \(subset.rows))
                ORDER BY 1
                """
            ).map { "full-text index \(index): row #\($0.int64(0)) \($0.string(1))" }
            problems += try subsetIndexDifferences(index, subset, in: database)
        }
        return problems
    }

    /// The rows whose words (term, row, column, position, read through fts5vocab) differ between
    /// `index` and a temporary index of the rows it should hold, built with the same tokenizer. A
    /// reader that cannot create temporary tables has nothing to say, as for FTS5's check.
    private static func subsetIndexDifferences(
        _ index: String,
        _ subset: IndexedRows,
        in database: Database
    ) throws -> [String] {
        let expected = "temp.expected_\(index)"
        defer {
            try? database.executeScript(
                """
                DROP TABLE IF EXISTS \(expected)_words; DROP TABLE IF EXISTS temp.checked_\(index)_words;
                DROP TABLE IF EXISTS \(expected)
                """
            )
        }
        do {
            try database.executeScript(
                """
                CREATE VIRTUAL TABLE \(expected) USING fts5(
                    \(subset.columns), tokenize = 'porter unicode61 remove_diacritics 2'
                );
                INSERT INTO \(expected) (rowid, \(subset.columns)) SELECT id, \(subset.columns) \(subset.rows);
                CREATE VIRTUAL TABLE \(expected)_words USING fts5vocab(temp, expected_\(index), instance);
                CREATE VIRTUAL TABLE temp.checked_\(index)_words USING fts5vocab(main, \(index), instance);
                """
            )
        } catch {
            // executeScript throws only SQLiteError (typed throws).
            if [SQLITE_READONLY, SQLITE_BUSY, SQLITE_LOCKED].contains(error.code) { return [] }
            throw error
        }
        let rows = try database.prepare(
            """
            SELECT DISTINCT doc FROM (
                SELECT * FROM (SELECT * FROM temp.checked_\(index)_words EXCEPT SELECT * FROM \(expected)_words)
                UNION ALL
                SELECT * FROM (SELECT * FROM \(expected)_words EXCEPT SELECT * FROM temp.checked_\(index)_words)
            ) ORDER BY 1
            """
        ).map { "#" + String($0.int64(0)) }
        guard !rows.isEmpty else { return [] }
        return ["full-text index \(index) differs from its table (the words of rows \(rows.joined(separator: ", ")))"]
    }

    /// The counters of every claim computed from scratch, in `claim_stats` column order.
    static let recount = """
        SELECT c.id,
               (SELECT count(*) FROM attribution WHERE claim_id = c.id AND state = 'accepted'),
               (SELECT count(*) FROM attribution WHERE claim_id = c.id AND state = 'accepted' AND stance = 'asserts'),
               (SELECT count(*) FROM attribution WHERE claim_id = c.id AND state = 'accepted' AND stance = 'denies'),
               (SELECT count(DISTINCT coalesce(speaker_id,
                   -source_id)) FROM attribution WHERE claim_id = c.id AND state = 'accepted' AND stance = 'asserts'),
               (SELECT count(*) FROM (
                    SELECT coalesce(speaker_id,
                        -source_id) FROM attribution WHERE claim_id = c.id AND state = 'accepted'
                            AND stance <> 'asserts'
                    UNION
                    SELECT coalesce(a.speaker_id, -a.source_id) FROM claim_relation r
                    JOIN attribution a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts' AND a.state = 'accepted'
                    WHERE r.to_claim_id = c.id AND r.kind = 'contradicts')),
               (SELECT count(*) FROM claim_relation WHERE to_claim_id = c.id AND kind = 'contradicts'),
               (SELECT count(DISTINCT source_id) FROM attribution WHERE claim_id = c.id AND state = 'accepted'),
               (SELECT min(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s ON s.id = a.source_id
                WHERE a.claim_id = c.id AND a.state = 'accepted'),
               (SELECT max(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s ON s.id = a.source_id
                WHERE a.claim_id = c.id AND a.state = 'accepted')
        FROM claim c
        """
}
