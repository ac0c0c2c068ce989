/// The store as it was recorded at a moment (`--as-of`), put in place for the reports of one read
/// transaction, so that every query the reports already make answers for the past unchanged.
///
/// SQLite looks an unqualified name up in `temp` before `main`. For each table a report reads,
/// a TEMP view of the same name shows `main`'s rows except a hidden set (`temp.hidden_X`), plus
/// the rows as they were (`temp.past_X`). Only what was touched after the moment is rewritten:
/// rows recorded later are hidden, and the change log's later entries are undone newest first
/// (`PastState+Undo`), from the before-images they keep. The kept counters are counted again,
/// set-wise, for the claims, speakers and sources whose rows changed. A 1M store with a few
/// changes since the moment so rewrites a few rows, not a million.
///
/// Records that carry no time of their own (claims, speakers, sources, relations, verdicts) are
/// dated by their uid, a version 7 uid made when the record was: to the millisecond, and, for a
/// record that came with an import, when it was made in the store it came from.
struct PastState {
    let database: Database
    let time: RecordingTime

    /// Each table shown as it was, with the column that names one of its rows (or, for tallies and
    /// aliases, the group of rows that is rewritten together).
    static let tables: [(name: String, key: String)] = [
        ("source", "id"), ("speaker", "id"), ("speaker_alias", "speaker_id"), ("claim", "id"),
        ("attribution", "id"), ("claim_relation", "id"), ("verdict", "id"), ("claim_note", "id"),
        ("claim_merge", "merged_id"), ("merged_uid", "uid"), ("status_label", "status"),
        ("quote_location", "attribution_id"), ("change_log", "id"),
        ("claim_stats", "claim_id"), ("claim_voice", "claim_id"), ("claim_source", "claim_id"),
        ("speaker_stats", "speaker_id"), ("source_sourcing", "source_id"),
    ]

    /// The views of `main` the reports read; made again in `temp`, they read the past tables.
    static let views = [
        "contested_claims", "speaker_record", "speaker_search", "provenance_report", "attribution_sourcing",
    ]

    /// `temp` objects made here, dropped by `remove`.
    private static let extraTables = ["affected_claim", "affected_speaker", "affected_source"]

    /// Puts the past in place; the caller is in a read transaction and calls `remove` after.
    func install() throws {
        try requireRecorded()
        for (name, key) in Self.tables {
            try database.execute("CREATE TEMP TABLE past_\(name) AS SELECT * FROM main.\(name) WHERE 0")
            try database.execute("CREATE INDEX temp.past_\(name)_key ON past_\(name) (\(key))")
            try database.execute("CREATE TEMP TABLE hidden_\(name) (key PRIMARY KEY) WITHOUT ROWID")
        }
        for column in ["claim_id", "speaker_id", "source_id"] {
            try database.execute("CREATE INDEX temp.past_attribution_\(column) ON past_attribution (\(column))")
        }
        for table in Self.extraTables {
            try database.execute("CREATE TEMP TABLE \(table) (id INTEGER PRIMARY KEY)")
        }
        for (name, key) in Self.tables {
            try database.execute(
                """
                CREATE TEMP VIEW \(name) AS
                SELECT * FROM main.\(name) WHERE \(key) NOT IN (SELECT key FROM temp.hidden_\(name))
                UNION ALL SELECT * FROM temp.past_\(name)
                """
            )
        }
        let views = try database.prepare(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'view' AND name IN (SELECT value FROM json_each(?))"
        ).map(["[" + Self.views.map { "\"\($0)\"" }.joined(separator: ",") + "]"]) { ($0.string(0), $0.string(1)) }
        for (_, sql) in views where sql.hasPrefix("CREATE VIEW ") {
            try database.execute("CREATE TEMP VIEW " + sql.dropFirst("CREATE VIEW ".count))
        }
        try hideLaterRecords(in: "hidden")
        try PastUndo(database: database, time: time).undoLaterChanges()
        try hideLaterRecords(in: "past")
        try database.execute(
            """
            UPDATE past_attribution SET seen_on = coalesce(said_on, (SELECT published FROM source WHERE id = source_id))
            """
        )
        try recount()
        database.readsViews = true
    }

    /// Drops what `install` made, views first.
    func remove() throws {
        database.readsViews = false
        for name in Self.views + Self.tables.map(\.name) { try database.execute("DROP VIEW IF EXISTS temp.\(name)") }
        for (name, _) in Self.tables {
            try database.execute("DROP TABLE IF EXISTS temp.past_\(name)")
            try database.execute("DROP TABLE IF EXISTS temp.hidden_\(name)")
        }
        for table in Self.extraTables { try database.execute("DROP TABLE IF EXISTS temp.\(table)") }
    }

    /// When each kind of record was made, as SQL over its columns: `?1` is the moment's text,
    /// `?2` the uid time prefix (`RecordingTime.uidTimePrefix`).
    private static let madeLater: [(table: String, condition: String)] =
        [
            ("attribution", "recorded_at > ?1"),
            ("claim_note", "written_at > ?1"),
            ("quote_location", "located_at > ?1"),
            ("change_log", "changed_at > ?1"),
        ]
        + ["claim", "source", "speaker", "claim_relation", "verdict"].map {
            ($0, "substr(uid, 1, 8) || substr(uid, 10, 4) > ?2")
        }

    /// Records made after the moment: hidden from `main` (`into` "hidden"), or dropped from the
    /// rows the undo put back (`into` "past"). A later speaker's aliases go with it.
    private func hideLaterRecords(in place: String) throws {
        let arguments: [any StatementArgument] = [time.text, time.uidTimePrefix]
        for (table, condition) in Self.madeLater {
            if place == "hidden" {
                let key = Self.tables.first { $0.name == table }!.key
                let sql = "INSERT OR IGNORE INTO hidden_\(table) SELECT \(key) FROM main.\(table) WHERE \(condition)"
                try database.execute(sql, Self.arguments(arguments, usedBy: sql))
            } else {
                let sql = "DELETE FROM past_\(table) WHERE \(condition)"
                try database.execute(sql, Self.arguments(arguments, usedBy: sql))
            }
        }
        if place == "hidden" {
            try database.execute("INSERT OR IGNORE INTO hidden_speaker_alias SELECT key FROM hidden_speaker")
        } else {
            try database.execute("DELETE FROM past_speaker_alias WHERE speaker_id NOT IN (SELECT id FROM speaker)")
        }
    }

    /// `arguments` cut to those `sql` names (`?1`…`?N`): SQLite refuses more than a statement takes.
    static func arguments(_ arguments: [any StatementArgument], usedBy sql: String) -> [any StatementArgument] {
        Array(arguments.prefix(sql.matches(of: #/\?(\d+)/#).compactMap { Int($0.1) }.max() ?? 0))
    }

    /// The store's first record, so that a moment before it is refused; nil for an empty store.
    /// Deleted and merged records count, from the before-images the change log keeps: a store
    /// whose first claim was merged away still held that claim at a moment before its next one.
    private func requireRecorded() throws {
        try time.requirePast()
        let first =
            try database.prepare(
                """
                SELECT min(t) FROM (SELECT min(recorded_at) AS t FROM main.attribution
                                    UNION ALL SELECT min(changed_at) FROM main.change_log
                                    UNION ALL SELECT min(before ->> '$.recorded_at') FROM main.change_log
                                              WHERE action = 'delete')
                """
            ).first { $0.text(0) } ?? nil
        let firstUID =
            try database.prepare(
                """
                SELECT min(t) FROM (SELECT min(substr(uid, 1, 8) || substr(uid, 10, 4)) AS t FROM main.claim
                                    UNION ALL SELECT min(substr(uid, 1, 8) || substr(uid, 10, 4)) FROM main.source
                                    UNION ALL SELECT min(substr(uid, 1, 8) || substr(uid, 10, 4)) FROM main.speaker
                                    UNION ALL SELECT min(substr(before ->> '$.uid', 1, 8)
                                                         || substr(before ->> '$.uid', 10, 4))
                                              FROM main.change_log WHERE action = 'delete')
                """
            ).first { $0.text(0) } ?? nil
        let madeBefore =
            (first.map { $0 <= time.text } ?? false) || (firstUID.map { $0 <= time.uidTimePrefix } ?? false)
        guard first != nil || firstUID != nil else { return }
        guard madeBefore else {
            throw ClaimTrailError.invalid(
                "--as-of \(time.shown) is before the store's first record (\(first ?? "its first uid")); "
                    + "nothing to show"
            )
        }
    }
}

extension ClaimStore {
    /// Runs `body` as one read transaction (`read`) that sees the store as it was recorded at
    /// `time` (`PastState`), or as it is now when `time` is nil.
    public func read<T>(asOf time: RecordingTime?, _ body: () throws -> T) throws -> T {
        guard let time else { return try read(body) }
        return try read {
            let past = PastState(database: database, time: time)
            defer { try? past.remove() }
            try past.install()
            return try body()
        }
    }
}
