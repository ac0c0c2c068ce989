/// The stored keys that are `TextKey.fold` of another column, refolded when the fold changes
/// (schema 025). SQL cannot fold text, so the step runs in Swift, within the migration's
/// transaction, right after the schema file of its version (`Migrator`).
enum FoldedKeys {
    /// A key column, the text it folds, and how a row is named for the update (a `WITHOUT ROWID`
    /// table has no rowid).
    private struct KeyColumn {
        let table: String
        let text: String
        let key: String
        var row = "rowid"
    }

    private static let columns = [
        KeyColumn(table: "claim", text: "text", key: "normalized"),
        KeyColumn(table: "claim_merge", text: "text", key: "normalized"),
        KeyColumn(table: "speaker", text: "name", key: "name_key"),
        KeyColumn(table: "speaker_alias", text: "alias", key: "alias_key", row: "speaker_id"),
        KeyColumn(table: "attribution_proposal", text: "content", key: "content_key"),
        KeyColumn(table: "account", text: "name", key: "name_key"),
    ]

    /// Refolds every stored key. A key that another row of a unique column already holds is left as
    /// it was (`UPDATE OR IGNORE`): rows are taken in id order, so the earliest claim takes the new
    /// key, and `check` lists the later one (`StoreCheck.keyProblems`).
    static func refold(_ database: Database) throws {
        for column in columns {
            let stale = try staleKeys(column, in: database)
            let update = try database.prepare(
                "UPDATE OR IGNORE \(column.table) SET \(column.key) = ?1 "
                    + "WHERE \(column.row) = ?2 AND \(column.key) = ?3"
            )
            for row in stale { try update.execute([row.key, row.id, row.old]) }
        }
    }

    /// The claims whose key is not the fold of their text, with the claim that holds that fold, if
    /// any: what migration 025 left for an editor to merge.
    static func staleClaims(in database: Database) throws -> [(id: Int64, holder: Int64?)] {
        let holder = try database.prepare("SELECT id FROM claim WHERE normalized = ?")
        return try staleKeys(columns[0], in: database).map { row in
            (row.id, try holder.first([row.key]) { $0.int64(0) })
        }
    }

    /// The rows of `column` whose stored key differs from the fold of their text, in row order.
    /// Only text beyond ASCII can fold to anything new, and SQLite tells it cheaply: its length in
    /// characters differs from its length in bytes.
    private static func staleKeys(
        _ column: KeyColumn,
        in database: Database
    ) throws -> [(id: Int64, key: String, old: String)] {
        var stale: [(id: Int64, key: String, old: String)] = []
        try database.prepare(
            """
            SELECT \(column.row), \(column.text), \(column.key) FROM \(column.table)
            WHERE length(\(column.text)) <> length(CAST(\(column.text) AS BLOB)) ORDER BY \(column.row)
            """
        ).forEach([]) { row in
            let key = TextKey.fold(row.string(1))
            if key != row.string(2) { stale.append((row.int64(0), key, row.string(2))) }
        }
        return stale
    }
}
