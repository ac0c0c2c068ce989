/// Where new attributions wait before they are moved into the `attribution` table.
///
/// Every insert into `attribution` runs the counter and search triggers, and SQLite runs a
/// statement's triggers under a statement journal of its own, so inserting rows one statement
/// at a time costs about twice what one `INSERT … SELECT` of the same rows costs (100,000 rows:
/// 15 s against 6 s). New rows are therefore written to a temporary table first, with their ids
/// given, and moved together: at once for a single `attribute`, in batches for an import. The
/// move does the triggers' work once per batch (`BatchCounters`), which halves it again.
///
/// The waiting rows belong to the open transaction: a rollback drops them with everything else.
final class AttributionStaging {
    private let database: Database
    private var waiting = 0
    /// Whether the temporary table and view exist on this connection for good.
    private var isPrepared = false
    /// How many rows wait before a move; 1 while no import defers moves.
    private var batchSize = 1

    init(database: Database) {
        self.database = database
    }

    /// Creates the temporary table, shaped like `attribution` itself, and a view over both,
    /// so lookups see waiting rows as if they were stored. Only when something is written:
    /// creating them costs a read-only command about 2 ms of its start.
    func prepareIfNeeded() throws {
        guard !isPrepared else { return }
        try database.executeScript("""
            CREATE TEMP TABLE IF NOT EXISTS pending_attribution AS SELECT * FROM main.attribution WHERE 0;
            CREATE INDEX IF NOT EXISTS temp.pending_attribution_by_claim ON pending_attribution (claim_id, source_id);
            CREATE UNIQUE INDEX IF NOT EXISTS temp.pending_attribution_by_id ON pending_attribution (id);
            CREATE TEMP TABLE IF NOT EXISTS batch_voice (
                claim_id INTEGER, side TEXT, voice INTEGER, n INTEGER, PRIMARY KEY (claim_id, side, voice)
            ) WITHOUT ROWID;
            CREATE TEMP VIEW IF NOT EXISTS every_attribution AS
                SELECT * FROM main.attribution UNION ALL SELECT * FROM temp.pending_attribution;
            """)
        // Created inside a transaction, they go if it rolls back: look again next time.
        isPrepared = !database.isInTransaction
    }

    /// The id the next staged row gets: the one SQLite would give it on a plain insert.
    func nextID() throws -> Int64 {
        try database.cached("""
            SELECT max(coalesce((SELECT max(id) FROM main.attribution), 0),
                       coalesce((SELECT max(id) FROM temp.pending_attribution), 0)) + 1
            """).first { $0.int64(0) } ?? 1
    }

    /// Counts a staged row, and moves the waiting rows once the batch is full.
    func staged() throws {
        waiting += 1
        if waiting >= batchSize { try move() }
    }

    /// Runs `body` with moves deferred to batches of `size` rows, then moves what is left.
    func deferring<T>(batchesOf size: Int, _ body: () throws -> T) throws -> T {
        batchSize = max(size, 1)
        defer { batchSize = 1 }
        do {
            let result = try body()
            try move()
            return result
        } catch {
            try? discard()
            throw error
        }
    }

    /// Moves the waiting rows into `attribution`, and brings the counters and the search index
    /// up to date for all of them at once, with the per-row triggers off.
    private func move() throws {
        guard waiting > 0 else { return }
        do {
            try database.withoutTriggers {
                for statement in BatchCounters.statements { try database.execute(statement) }
            }
        } catch {
            try? discard()
            throw error
        }
        try discard()
    }

    private func discard() throws {
        try database.execute("DELETE FROM temp.pending_attribution")
        waiting = 0
    }
}
