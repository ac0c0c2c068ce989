/// Where new attributions wait, in memory, before they are written to the `attribution` table.
///
/// Every insert into `attribution` runs the counter and search triggers, and SQLite runs a
/// statement's triggers under a statement journal of its own: inserted one statement at a time,
/// 100,000 rows took 15 s against 6 s for one `INSERT … SELECT`. New rows therefore wait here
/// with their ids given, and are written together with the connection's triggers off; the
/// triggers' work is then done once for the whole batch (`BatchCounters`). A single `attribute`
/// is a batch of one; an import writes 50,000 rows at a time.
///
/// Until written, waiting rows are invisible to SQL, so the lookups that must see them (the
/// duplicate check and the relay lookup) also ask `waiting(claimID:sourceID:)` and `waiting(id:)`.
/// While a large import has dropped the index those lookups use, they ask `keyed(…)` instead,
/// which knows stored and waiting rows alike (`AttributionKeys`).
/// The waiting rows belong to the open transaction: if it fails, they are dropped with it.
///
/// An import keeps the triggers off throughout, so each batch also brings the claims, sources,
/// speakers and relations added since the previous one up to date (`RecordUpkeep`).
final class AttributionStaging {
    /// A row as it will be stored; `recordedAt` nil means "now".
    struct Row {
        var id, claimID: Int64, speakerID: Int64?, sourceID: Int64
        var stance: Stance, mode: Mode, quote, cue, saidOn: String?, viaID: Int64?
        var recordedAt: String?, recordedBy: String, seenOn: String?
        var uid: UID

        /// The values for one row of `insert(rowCount:)`.
        var arguments: [any StatementArgument] {
            [
                id, claimID, speakerID, sourceID, stance.rawValue, mode.rawValue, quote, cue, saidOn, viaID, recordedAt,
                recordedBy, seenOn, uid.text,
            ]
        }

        /// Whether two optional texts are equal as SQLite compares them (see `hasSameUTF8`).
        static func same(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (a?, b?): a.hasSameUTF8(as: b)
            default: false
            }
        }
    }

    private let database: Database
    private var rows: [Row] = []
    /// Positions in `rows` by claim and source: both lookups name these two.
    private var positions: [Pair: [Int]] = [:]
    /// Ids of the waiting rows by uid, for an import's relay named by uid.
    private var idsByUID: [UID: Int64] = [:]
    /// How many rows wait before they are written; 1 while no import defers it.
    private var batchSize = 1
    /// The upkeep of the import's other rows; nil outside an import, where the triggers do it.
    private var records: RecordUpkeep?
    /// Every accepted row's claim, speaker and source, while an import has dropped the index of them.
    private var keys: AttributionKeys?

    private struct Pair: Hashable { let claimID, sourceID: Int64 }

    init(database: Database) {
        self.database = database
    }

    /// The id the next row gets: the one SQLite would give it on a plain insert, above every id the
    /// table ever gave (`sqlite_sequence`, schema 008), so an id deleted or merged away is not reused.
    func nextID() throws -> Int64 {
        if let last = rows.last { return last.id + 1 }
        return try database.cached(
            """
            SELECT max(coalesce(max(id), 0),
                       coalesce((SELECT max(seq) FROM sqlite_sequence WHERE name = 'attribution'), 0)) + 1
            FROM attribution
            """
        ).first { $0.int64(0) } ?? 1
    }

    /// Adds a row to the batch, and writes the batch once it is full.
    func stage(_ row: Row) throws {
        positions[Pair(claimID: row.claimID, sourceID: row.sourceID), default: []].append(rows.count)
        idsByUID[row.uid] = row.id
        keys?.add(id: row.id, claimID: row.claimID, speakerID: row.speakerID, sourceID: row.sourceID)
        rows.append(row)
        if rows.count >= batchSize { try write() }
    }

    /// The waiting rows of one claim in one source, in the order staged.
    func waiting(claimID: Int64, sourceID: Int64) -> [Row] {
        positions[Pair(claimID: claimID, sourceID: sourceID)]?.map { rows[$0] } ?? []
    }

    /// The waiting row with this id, if it is still waiting.
    func waiting(id: Int64) -> Row? {
        guard let first = rows.first?.id, id >= first, id - first < rows.count else { return nil }
        return rows[Int(id - first)]
    }

    /// The ids, in order, of the rows stored or waiting that may be of this claim, speaker and
    /// source (the caller checks each); nil when no import has dropped `attribution_by_claim`,
    /// which then answers.
    func keyed(claimID: Int64, speakerID: Int64?, sourceID: Int64) -> [Int64]? {
        keys?.candidates(claimID: claimID, speakerID: speakerID, sourceID: sourceID)
    }

    /// The id of the waiting row with this uid, if it is still waiting.
    func waiting(uid: UID) -> Int64? {
        idsByUID[uid]
    }

    /// Runs `body` with writes deferred to batches of `size` rows, then writes what is left.
    /// The triggers are off meanwhile: each batch does their work for everything `body` added.
    /// - Parameter rebuildingIndexes: drop the secondary indexes first and build them after the
    ///   rows (`DeferredIndexes`); only inside a transaction, which keeps the two steps together.
    func deferring<T>(batchesOf size: Int, rebuildingIndexes: Bool = false, _ body: () throws -> T) throws -> T {
        batchSize = max(size, 1)
        defer {
            batchSize = 1
            records = nil
            keys = nil
        }
        do {
            return try database.withoutTriggers {
                records = try RecordUpkeep(database: database)
                let dropped =
                    rebuildingIndexes && database.isInTransaction ? try DeferredIndexes(droppingIn: database) : nil
                if dropped != nil { keys = try AttributionKeys(loadingFrom: database) }
                let result = try body()
                try write()
                try dropped?.rebuild(in: database)
                return result
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Notes, during an import, that a speaker is about to be given aliases: its search entry is
    /// rebuilt with the batch. Outside an import the alias triggers do that.
    func aliasesAdding(to speakerID: Int64) throws {
        try records?.aliasesAdding(to: speakerID, in: database)
    }

    /// Writes the waiting rows into `attribution` in id order within each claim (`insertionOrder`),
    /// so that a relay is stored before the attributions naming it; then brings the counters and search
    /// index up to date for all of them at once, and finds their quotes in their sources' bodies (`QuoteLocations`).
    /// Triggers are off meanwhile, so each insert is just an insert.
    private func write() throws {
        guard !rows.isEmpty || records != nil else { return }
        let first = try rows.first?.id ?? nextID()
        defer { discard() }
        // Rows and counters are written together or not at all, even outside a `write`.
        if database.isInTransaction { try writeRows(first) } else { try database.transaction { try writeRows(first) } }
    }

    private func writeRows(_ first: Int64) throws {
        guard rows.count > 1 || records != nil || database.triggersOff else { return try writeAlone(first) }
        try database.withoutTriggers {
            let order = insertionOrder()
            var start = 0
            while start < rows.count {
                let end = min(start + Self.rowsPerInsert, rows.count)
                try database.cached(Self.insert(rowCount: end - start)).execute(
                    order[start..<end].flatMap { rows[$0].arguments }
                )
                start = end
            }
            try BatchCounters.apply(to: database, firstID: first, records: &records)
            if let last = rows.last?.id {
                try QuoteLocations(database: database).record(ofAttributionsIn: first...last)
            }
        }
    }

    /// One row written outside an import (`attribute`, a form or the API of `serve`), with the triggers
    /// on: they are the upkeep's definition, and for one row they do what a batch would. Switching the
    /// triggers off and on makes SQLite recompile every statement the connection has prepared, which
    /// was a third of the CPU of a write through the server (twenty-odd statements each time).
    private func writeAlone(_ id: Int64) throws {
        try database.cached(Self.insert(rowCount: 1)).execute(rows[0].arguments)
        try QuoteLocations(database: database).record(ofAttributionsIn: id...id)
    }

    /// The positions in `rows` in the order they are inserted: by claim, while the indexes are live.
    ///
    /// Three of the live indexes of `attribution` lead with the claim (`attribution_by_claim` and the
    /// claim's timeline and first-hand rows). Inserted in id order, a batch lands on those indexes at
    /// random, and in a store far larger than the page cache nearly every insert reads a page back and
    /// pushes a changed one out to the write-ahead log: adding 100,000 attributions to a 10M store spent
    /// a third of its time doing so. In claim order each of their pages is read and changed once per
    /// batch. Within a claim the rows stay in id order, and a relay names a row of its own claim
    /// (`attribution_via_same_claim`), so a relay still comes after the row it names. While the
    /// indexes are dropped (`keys` set) there is nothing to gain, and the table's own pages fill
    /// best in id order.
    private func insertionOrder() -> [Int] {
        guard keys == nil else { return Array(rows.indices) }
        return rows.indices.sorted { (rows[$0].claimID, rows[$0].id) < (rows[$1].claimID, rows[$1].id) }
    }

    /// Rows per INSERT statement: each statement opens cursors on the table and its five indexes,
    /// and several rows per statement share them.
    private static let rowsPerInsert = 64

    private static func insert(rowCount: Int) -> String {
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?, ?, ?)"
        return """
            INSERT INTO main.attribution (id, claim_id, speaker_id, source_id, stance, mode, quote, cue, said_on,
                                          via_id, recorded_at, recorded_by, seen_on, uid)
            VALUES \(Array(repeating: row, count: rowCount).joined(separator: ", "))
            """
    }

    private func discard() {
        rows.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        idsByUID.removeAll(keepingCapacity: true)
    }
}
