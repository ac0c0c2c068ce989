extension StoreCheck {
    /// Ids given twice: a live claim, speaker or attribution whose id the store also records as merged
    /// away or deleted, and an id counter (`sqlite_sequence`) below an id already used (the view
    /// `highest_used_id`, schema 008), which would hand that id out again.
    static func reusedIDs(in database: Database) throws -> [String] {
        var problems = try database.prepare(
            "SELECT c.id, m.into_id FROM claim c JOIN claim_merge m ON m.merged_id = c.id ORDER BY 1"
        ).map {
            "claim #\($0.int64(0)) is live, but claim_merge records it as merged into #\($0.int64(1)): "
                + "its id was reused"
        }
        problems += try database.prepare(
            """
            SELECT DISTINCT entity, entity_id FROM change_log
            WHERE action = 'delete'
              AND ((entity = 'claim' AND entity_id IN (SELECT id FROM claim)
                                     AND entity_id NOT IN (SELECT merged_id FROM claim_merge))
                OR (entity = 'speaker' AND entity_id IN (SELECT id FROM speaker))
                OR (entity = 'attribution' AND entity_id IN (SELECT id FROM attribution)))
            ORDER BY 1, 2
            """
        ).map { "\($0.string(0)) #\($0.int64(1)) is live, but the change log records its deletion: its id was reused" }
        // A claim's deletion is one entry, which holds the attributions deleted with it.
        problems += try database.prepare(
            """
            SELECT DISTINCT json_extract(deleted.value, '$.id') AS id
            FROM change_log AS entry, json_each(entry.before, '$.attributions') AS deleted
            WHERE entry.entity = 'claim' AND entry.action = 'delete' AND deleted.type = 'object'
              AND json_extract(deleted.value, '$.id') IN (SELECT id FROM attribution)
            ORDER BY 1
            """
        ).map {
            "attribution #\($0.int64(0)) is live, but the change log records its deletion with its claim: "
                + "its id was reused"
        }
        problems += try database.prepare(
            """
            SELECT name, counter, id FROM (
                SELECT name, coalesce((SELECT max(seq) FROM sqlite_sequence WHERE name = used.name), 0) AS counter, id
                FROM highest_used_id AS used)
            WHERE counter < id
            """
        ).map {
            "the id counter of table \($0.string(0)) (\($0.int64(1))) is below id \($0.int64(2)), which was used: "
                + "new rows would reuse ids"
        }
        return problems
    }
}
