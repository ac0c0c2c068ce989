import CSQLite

/// Verifies a store: SQLite's own integrity and foreign-key checks, and the project's invariants,
/// chief among them that the trigger-kept counters equal a recount from the attributions.
public struct StoreCheck {
    public let store: ClaimStore

    public init(store: ClaimStore) { self.store = store }

    /// Every problem found, one line each; empty when the store is sound.
    public func problems() throws -> [String] {
        try store.read(findProblems)
    }

    private func findProblems() throws -> [String] {
        let database = store.database
        var problems = try database.prepare("PRAGMA integrity_check").map { $0.string(0) }.filter { $0 != "ok" }
        problems += try database.prepare("PRAGMA foreign_key_check").map { row in
            "foreign key: \(row.string(0)) row \(row.int64(1)) points at a missing \(row.string(2))"
        }
        problems += try database.prepare(
            """
            SELECT claim_id FROM (
                SELECT claim_id, attributions, asserts, denies, asserting, disputing, counter_claims, sources, first_seen, last_seen
                FROM claim_stats
                EXCEPT
                \(Self.recount)
            )
            UNION SELECT id FROM claim WHERE id NOT IN (SELECT claim_id FROM claim_stats)
            ORDER BY 1
            """
        ).map { "counters of claim #\($0.int64(0)) differ from a recount" }
        problems += try database.prepare(
            """
            SELECT id FROM speaker
            WHERE coalesce((SELECT attributions FROM speaker_stats WHERE speaker_id = speaker.id), 0)
                  <> (SELECT count(*) FROM attribution WHERE speaker_id = speaker.id)
            UNION SELECT speaker_id FROM speaker_stats WHERE attributions <= 0
            ORDER BY 1
            """
        ).map { "attribution count of speaker #\($0.int64(0)) differs from a recount" }
        problems += try database.prepare(
            """
            SELECT a.id FROM attribution a JOIN attribution v ON v.id = a.via_id WHERE v.claim_id <> a.claim_id OR v.id >= a.id
            """
        ).map { "attribution #\($0.int64(0)) is relayed through an attribution of another claim, or a later one" }
        problems += try Self.reusedIDs(in: database)
        problems += Self.searchIndexProblems(in: database)
        return problems
    }

    /// The full-text indexes of schema 012, each compared with the table it indexes by FTS5's own
    /// check (rank 1: against the table's text, not only the index's inner consistency).
    static let searchIndexes = ["claim_fts", "attribution_fts", "source_fts", "speaker_fts"]

    /// FTS5 runs its check as a write statement. A reader without write access to the file, or one
    /// whose snapshot another writer has moved past, cannot run it, and has nothing to say about the
    /// indexes then; SQLite's integrity_check above has still read them.
    private static func searchIndexProblems(in database: Database) -> [String] {
        searchIndexes.compactMap { index -> String? in
            do {
                try database.execute("INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
                return nil
            } catch let error as SQLiteError {
                let unwritable = [SQLITE_READONLY, SQLITE_BUSY, SQLITE_LOCKED].contains(error.code)
                return unwritable ? nil : "full-text index \(index) differs from its table (\(error.message))"
            } catch {
                return "full-text index \(index): \(error)"
            }
        }
    }

    /// The counters of every claim computed from scratch, in `claim_stats` column order.
    static let recount = """
        SELECT c.id,
               (SELECT count(*) FROM attribution WHERE claim_id = c.id),
               (SELECT count(*) FROM attribution WHERE claim_id = c.id AND stance = 'asserts'),
               (SELECT count(*) FROM attribution WHERE claim_id = c.id AND stance = 'denies'),
               (SELECT count(DISTINCT coalesce(speaker_id, -source_id)) FROM attribution WHERE claim_id = c.id AND stance = 'asserts'),
               (SELECT count(*) FROM (
                    SELECT coalesce(speaker_id, -source_id) FROM attribution WHERE claim_id = c.id AND stance <> 'asserts'
                    UNION
                    SELECT coalesce(a.speaker_id, -a.source_id) FROM claim_relation r
                    JOIN attribution a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts'
                    WHERE r.to_claim_id = c.id AND r.kind = 'contradicts')),
               (SELECT count(*) FROM claim_relation WHERE to_claim_id = c.id AND kind = 'contradicts'),
               (SELECT count(DISTINCT source_id) FROM attribution WHERE claim_id = c.id),
               (SELECT min(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s ON s.id = a.source_id WHERE a.claim_id = c.id),
               (SELECT max(coalesce(a.said_on, s.published)) FROM attribution a JOIN source s ON s.id = a.source_id WHERE a.claim_id = c.id)
        FROM claim c
        """
}
