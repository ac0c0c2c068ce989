/// The accepted attributions by claim, speaker and source, kept in memory while a large import has
/// dropped `attribution_by_claim` with the other secondary indexes (`DeferredIndexes`).
///
/// The duplicate check and the relay lookup of every imported row name these three ids. Kept in
/// the index, each lookup and each insert lands on a random page of it: past a few million rows
/// the index no longer fits the import's page cache, every row reads pages back from the disk and
/// the write-ahead log, and the import grew faster than its rows (a 3M import took 4.8 times a 1M
/// one). Here a lookup is a hash probe, and the index is built after the rows by one sort.
///
/// Only the ids are kept, about 20 bytes a row: a hash of the three ids with the newest row's id,
/// and for rows sharing a hash, a link to the one before. The caller checks each candidate
/// against the row itself, so a hash collision costs a read, never a wrong answer.
///
/// Built once per import from the stored rows. It cannot go stale: nothing an import does before
/// the indexes are back moves or deletes an attribution (a `merge` record only remembers a uid
/// or a wording, `UIDMatching.importMerge`, and change records are replayed after the rows).
final class AttributionKeys {
    /// The newest row with each key's hash.
    private var newest: [Int: Int64] = [:]
    /// The row before, with the same hash, of each row that has one.
    private var earlier: [Int64: Int64] = [:]

    /// Reads the keys of every accepted row of `attribution`, in one pass over the table.
    init(loadingFrom database: Database) throws {
        try database.prepare(
            "SELECT id, claim_id, speaker_id, source_id FROM main.attribution NOT INDEXED WHERE state = 'accepted'"
        ).forEach([]) { row in
            add(id: row.int64(0), claimID: row.int64(1), speakerID: row.optionalInt64(2), sourceID: row.int64(3))
        }
    }

    /// Adds a row; ids come in increasing order.
    func add(id: Int64, claimID: Int64, speakerID: Int64?, sourceID: Int64) {
        let key = Self.hash(claimID: claimID, speakerID: speakerID, sourceID: sourceID)
        if let before = newest.updateValue(id, forKey: key) { earlier[id] = before }
    }

    /// The ids of the rows that may have these ids, in increasing order.
    func candidates(claimID: Int64, speakerID: Int64?, sourceID: Int64) -> [Int64] {
        var ids: [Int64] = []
        var next = newest[Self.hash(claimID: claimID, speakerID: speakerID, sourceID: sourceID)]
        while let id = next {
            ids.append(id)
            next = earlier[id]
        }
        return ids.reversed()
    }

    private static func hash(claimID: Int64, speakerID: Int64?, sourceID: Int64) -> Int {
        var hasher = Hasher()
        hasher.combine(claimID)
        hasher.combine(speakerID)
        hasher.combine(sourceID)
        return hasher.finalize()
    }
}
