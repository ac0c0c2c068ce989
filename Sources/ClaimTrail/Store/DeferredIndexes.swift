/// The secondary indexes of `attribution` that an import large next to its store drops before its
/// rows and builds again after them, in the same transaction.
///
/// Kept live, each new row is inserted into each index at a random place: at 1M attributions the
/// indexes took about half of the import, and past a few million rows, when they no longer fit
/// the page cache, each insert reads a page back from the disk, so the import grew faster than its
/// rows. `CREATE INDEX` instead sorts the whole table once, which costs a fraction of that (the
/// bench's "indexes after" column). Of these, the import reads only `attribution_by_claim`, for
/// its duplicate and relay lookups: meanwhile those go through `AttributionKeys`, in memory. Uids
/// (`attribution_by_uid`) stay live: new ones are time-ordered, so their inserts append. Dropping
/// and creating are part of the import's one transaction: killed at any point, even while an index
/// is built, the store keeps its indexes, and readers in other processes see the old snapshot,
/// indexes and all, until the commit.
struct DeferredIndexes {
    static let names = [
        "attribution_by_claim", "attribution_by_source", "attribution_by_via", "attribution_claim_timeline",
        "attribution_speaker_timeline", "attribution_first_hand", "attribution_relays",
    ]

    /// The `CREATE INDEX` statements of the dropped indexes, as the schema holds them.
    private let definitions: [String]

    /// Drops the indexes, remembering their definitions. The caller is inside a transaction.
    init(droppingIn database: Database) throws {
        definitions = try database.prepare(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))"
        ).map(["[" + Self.names.map { "\"\($0)\"" }.joined(separator: ",") + "]"]) { $0.string(0) }
        for name in Self.names { try database.execute("DROP INDEX IF EXISTS main.\(name)") }
    }

    /// Builds the indexes again, each by one sort of the table.
    func rebuild(in database: Database) throws {
        for definition in definitions { try database.executeScript(definition) }
    }

    /// Whether an import of a file of `fileBytes` into a store holding `storedAttributions` is large
    /// enough next to the store for a rebuild to cost less than keeping the indexes live. A rebuild
    /// sorts every row, stored ones too, so it pays once the import adds about as many as the store
    /// holds; an attribution takes about 350 bytes of JSON Lines, with its share of the claims and sources.
    static func pay(fileBytes: Int64, storedAttributions: Int64) -> Bool {
        let importedAttributions = fileBytes / 350
        return importedAttributions >= 10_000 && importedAttributions >= storedAttributions
    }
}
