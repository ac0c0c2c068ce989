import Foundation

/// Undoes the change log's entries made after a moment, newest first, onto the past tables of
/// `PastState`: an edit puts the row's before-image back, a deletion restores the rows its entry
/// keeps (`RestorableRows`), a merge is taken apart. Every kind of entry the writers make:
///
/// - claim, speaker, source, attribution `edit` (`ClaimStore.logged`): the fields of `before`;
/// - a verdict revised (`ClaimStore.setVerdict`, a claim `edit` whose rows hold `verdict`): the
///   verdict's fields as `before` has them, on the row its uid names;
/// - attribution `delete`: the row, with its id and its retired uid;
/// - claim `delete`: a deletion (whole rows), a merge (the ids it moved, the rows it removed), or a
///   merged wording forgotten with the claim it was merged into (`claim_merge`);
/// - speaker `delete`: a merge (its aliases, the attributions and affiliations it moved);
/// - status_label `edit`: the label before;
/// - additions logged by the server (`before` `{}`): the record is dated by its uid already.
///
/// Two cannot be undone, and are refused: a source body replaced (the log keeps its SHA-256, not
/// its text), and a verdict revised through the server before revisions were logged with their
/// before-rows (the log kept the new rating only).
struct PastUndo {
    let database: Database
    let time: RecordingTime

    private struct Entry {
        var id: Int64
        var entity: String
        var entityID: Int64
        var action: String
        var before: String
        var after: String?
        var fields: [String: Any]
    }

    func undoLaterChanges() throws {
        let entries = try database.prepare(
            """
            SELECT id, entity, entity_id, action, before, after FROM main.change_log
            WHERE changed_at > ? ORDER BY id DESC
            """
        ).map([time.text]) { row in
            Entry(
                id: row.int64(0),
                entity: row.string(1),
                entityID: row.int64(2),
                action: row.string(3),
                before: row.string(4),
                after: row.text(5),
                fields: (try? JSONSerialization.jsonObject(with: Data(row.string(4).utf8))) as? [String: Any] ?? [:]
            )
        }
        for entry in entries { try undo(entry) }
    }

    private func undo(_ entry: Entry) throws {
        switch (entry.entity, entry.action) {
        case ("claim", "edit") where entry.fields.isEmpty: try checkAddition(entry)
        case ("claim", "edit") where entry.fields["verdict"] != nil: try undoVerdictRevision(entry)
        case ("claim", "edit"): try undoClaimEdit(entry)
        case ("claim", "delete") where entry.fields["attributions"] == nil: try restoreMergedWording(entry)
        case ("claim", "delete") where entry.fields["merged_into"] != nil: try undoClaimMerge(entry)
        case ("claim", "delete"): try undoClaimDeletion(entry)
        case ("speaker", "edit"): try undoSpeakerEdit(entry)
        case ("speaker", "delete"): try undoSpeakerMerge(entry)
        case ("source", "edit"): try undoSourceEdit(entry)
        case ("attribution", "edit"): try undoAttributionEdit(entry)
        case ("attribution", "delete"): try undoAttributionDeletion(entry)
        case ("status_label", "edit"): try undoLabelEdit(entry)
        default: throw refusal(entry, "this kind of change cannot be undone")
        }
    }

    private func refusal(_ entry: Entry, _ why: String) -> ClaimTrailError {
        .invalid(
            "--as-of \(time.shown) cannot be shown: change-log entry #\(entry.id) (\(entry.entity) #\(entry.entityID) "
                + "\(entry.action)), made later, \(why)"
        )
    }

    // MARK: Rows

    /// Moves rows `keys` (a JSON array) of `table` from `main` into its past table, once, so that
    /// they can be rewritten; a row hidden already (recorded later, or moved before) stays as it is.
    private func materialize(_ table: String, keys: String) throws {
        let key = PastState.tables.first { $0.name == table }!.key
        try database.execute(
            """
            INSERT INTO past_\(table) SELECT * FROM main.\(table)
            WHERE \(key) IN (SELECT value FROM json_each(?1)) AND \(key) NOT IN (SELECT key FROM hidden_\(table))
            """,
            [keys]
        )
        try database.execute("INSERT OR IGNORE INTO hidden_\(table) SELECT value FROM json_each(?1)", [keys])
    }

    /// Puts back whole rows (a JSON array of objects with `columns`) of `table`, replacing what the
    /// past held under their keys. `set` gives columns a SQL value of its own, over `?2`, `?3`….
    private func restore(
        _ table: String,
        rows: String,
        columns: [String],
        set: [String: String] = [:],
        _ arguments: [any StatementArgument] = []
    ) throws {
        let key = PastState.tables.first { $0.name == table }!.key
        let keyValue = set[key] ?? "json_extract(value, '$.\(key)')"
        let values = columns.map { set[$0] ?? "json_extract(value, '$.\($0)')" }
        for sql in [
            "DELETE FROM past_\(table) WHERE \(key) IN (SELECT \(keyValue) FROM json_each(?1))",
            "INSERT OR IGNORE INTO hidden_\(table) SELECT \(keyValue) FROM json_each(?1)",
            """
            INSERT INTO past_\(table) (\(columns.joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM json_each(?1)
            """,
        ] {
            try database.execute(sql, PastState.arguments([rows] + arguments, usedBy: sql))
        }
    }

    /// Sets the columns of past row `id` of `table` that `before` names (`?1`) to their value there.
    private func putBack(_ table: String, _ id: Int64, columns: [String], before: String) throws {
        try materialize(table, keys: "[\(id)]")
        let assignments = columns.map { "\($0) = iif(json_type(?1, '$.\($0)') IS NULL, \($0), ?1 ->> '$.\($0)')" }
        try database.execute(
            "UPDATE past_\(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?2",
            [before, id]
        )
    }

    private static let attributionColumns = [
        "id", "claim_id", "speaker_id", "source_id", "stance", "mode", "quote", "cue", "said_on", "via_id",
        "recorded_at", "recorded_by", "state", "uid",
    ]
    private static let relationColumns = ["id", "from_claim_id", "to_claim_id", "kind", "source_id", "uid"]
    private static let verdictColumns = [
        "id", "claim_id", "rating", "score", "best", "worst", "reviewer", "reviewed_on", "url", "explanation",
        "language", "appearance_url", "uid",
    ]
    private static let noteColumns = ["id", "claim_id", "written_at", "written_by", "text"]

    private func json(_ value: Any?) throws -> String {
        guard let value, JSONSerialization.isValidJSONObject(value) else { return "[]" }
        return String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    // MARK: Claims

    /// A record the server logged as added is dated by its uid already. Before revisions were
    /// logged with their before-rows, the server also logged a revision so, keeping the verdict's
    /// uid and losing its earlier rating.
    private func checkAddition(_ entry: Entry) throws {
        guard let after = entry.after,
            let fields = try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any],
            fields["verdict"] != nil, let uid = fields["uid"] as? String
        else { return }
        let uidTime = String(uid.filter { $0 != "-" }.prefix(12))
        if uidTime <= time.uidTimePrefix { throw refusal(entry, "revised a verdict whose earlier rating is not kept") }
    }

    /// Puts a revised verdict's fields back. A verdict not in the past store (one of an entry that
    /// came from another store, deleted here before it arrived) has none to take back.
    private func undoVerdictRevision(_ entry: Entry) throws {
        guard let uid = entry.fields["uid"] as? String,
            let id = try database.prepare("SELECT id FROM verdict WHERE uid = ?").first([uid], { $0.int64(0) })
        else { return }
        try materialize("verdict", keys: "[\(id)]")
        try database.execute(
            """
            UPDATE past_verdict SET rating = ?1 ->> '$.verdict', score = ?1 ->> '$.score', best = ?1 ->> '$.best',
                worst = ?1 ->> '$.worst', reviewed_on = ?1 ->> '$.reviewed_on', url = ?1 ->> '$.url',
                explanation = ?1 ->> '$.explanation', language = ?1 ->> '$.language',
                appearance_url = ?1 ->> '$.appearance_url'
            WHERE id = ?2
            """,
            [entry.before, id]
        )
    }

    private func undoClaimEdit(_ entry: Entry) throws {
        try putBack("claim", entry.entityID, columns: ["text", "topic", "status", "assignee"], before: entry.before)
        if let text = entry.fields["text"] as? String {
            try database.execute(
                "UPDATE past_claim SET normalized = ? WHERE id = ?",
                [TextKey.fold(text), entry.entityID]
            )
        }
        try database.execute(
            "UPDATE past_claim SET assigned_at = NULL WHERE id = ? AND assignee IS NULL",
            [entry.entityID]
        )
    }

    /// The claim as it was before it went: its row, then what the entry keeps of what went with it.
    private func putBackClaim(_ entry: Entry) throws {
        let text = entry.fields["text"] as? String ?? ""
        try restore(
            "claim",
            rows: "[\(entry.before)]",
            columns: ["id", "text", "normalized", "topic", "proposed", "status", "assignee", "uid"],
            set: [
                "id": "?2", "normalized": "?3", "proposed": "coalesce(json_extract(value, '$.proposed'), 0)",
                "status": "coalesce(json_extract(value, '$.status'), 'unchecked')",
            ],
            [entry.entityID, TextKey.fold(text)]
        )
        let arguments: [any StatementArgument] = [entry.entityID]
        try restore("claim_relation", rows: try json(entry.fields["relations"]), columns: Self.relationColumns)
        try restore("verdict", rows: try json(entry.fields["verdicts"]), columns: Self.verdictColumns)
        try restore(
            "claim_note",
            rows: try json(entry.fields["notes"]),
            columns: Self.noteColumns,
            set: ["claim_id": "?2"],
            arguments
        )
    }

    private func undoClaimDeletion(_ entry: Entry) throws {
        try putBackClaim(entry)
        try restore("attribution", rows: try json(entry.fields["attributions"]), columns: Self.attributionColumns)
    }

    /// Takes a claim merge apart: the merged claim back, its attributions moved back, its relations
    /// in place of the ones made on the kept claim (same uids), and the wordings and uids merged into
    /// it before pointing at it again.
    private func undoClaimMerge(_ entry: Entry) throws {
        let moved = try json(entry.fields["attributions"])
        try putBackClaim(entry)
        let relationUIDs = try json((entry.fields["relations"] as? [[String: Any]] ?? []).compactMap { $0["uid"] })
        try database.execute(
            """
            INSERT OR IGNORE INTO hidden_claim_relation
            SELECT id FROM main.claim_relation WHERE uid IN (SELECT value FROM json_each(?1))
            """,
            [relationUIDs]
        )
        try database.execute(
            "DELETE FROM past_claim_relation WHERE uid IN (SELECT value FROM json_each(?1)) AND id NOT IN "
                + "(SELECT json_extract(value, '$.id') FROM json_each(?2))",
            [relationUIDs, try json(entry.fields["relations"])]
        )
        try materialize("attribution", keys: moved)
        try database.execute(
            "UPDATE past_attribution SET claim_id = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
            [moved, entry.entityID]
        )
        try unmerge(entry, table: "claim_merge", key: "merged_id", into: "into_id")
    }

    /// Undoes what a merge of record `entry.entityID` did to the merge tables: its own row goes,
    /// and the rows of records merged into it earlier point at it again. Those include records
    /// merged into one that was merged into it (2 into 1, then 1 into 5): a merge points every row
    /// that named the merged record at the kept one, so 2's row named 5 too.
    private func unmerge(_ entry: Entry, table: String?, key: String, into: String) throws {
        let entity = entry.entity
        let earlier = try database.prepare(
            """
            WITH RECURSIVE merged(id, uid) AS (
                SELECT entity_id, before ->> '$.uid' FROM main.change_log
                WHERE entity = ?1 AND action = 'delete' AND id < ?2 AND before ->> '$.merged_into' = ?3
                UNION
                SELECT c.entity_id, c.before ->> '$.uid' FROM main.change_log c JOIN merged m
                    ON c.before ->> '$.merged_into' = m.id
                WHERE c.entity = ?1 AND c.action = 'delete' AND c.id < ?2
            )
            SELECT id, uid FROM merged
            """
        ).map([entity, entry.id, entry.entityID]) { ($0.int64(0), $0.text(1)) }
        if let table {
            try hideKeys(table, key: key, "[\(entry.entityID)]")
            let ids = earlier.map(\.0)
            try materialize(table, keys: try json(ids))
            try database.execute(
                "UPDATE past_\(table) SET \(into) = ?2 WHERE \(key) IN (SELECT value FROM json_each(?1))",
                [try json(ids), entry.entityID]
            )
        }
        if let uid = entry.fields["uid"] as? String { try hideKeys("merged_uid", key: "uid", try json([uid])) }
        let uids = earlier.compactMap(\.1)
        try materialize("merged_uid", keys: try json(uids))
        try database.execute(
            "UPDATE past_merged_uid SET into_id = ?2 WHERE uid IN (SELECT value FROM json_each(?1))",
            [try json(uids), entry.entityID]
        )
    }

    private func hideKeys(_ table: String, key: String, _ keys: String) throws {
        try database.execute("INSERT OR IGNORE INTO hidden_\(table) SELECT value FROM json_each(?1)", [keys])
        try database.execute("DELETE FROM past_\(table) WHERE \(key) IN (SELECT value FROM json_each(?1))", [keys])
    }

    /// A wording merged into a claim that was then deleted: its `claim_merge` row back.
    private func restoreMergedWording(_ entry: Entry) throws {
        guard let text = entry.fields["text"] as? String, let into = entry.fields["merged_into"] as? NSNumber else {
            throw refusal(entry, "keeps no claim to put back")
        }
        try hideKeys("claim_merge", key: "merged_id", "[\(entry.entityID)]")
        try database.execute(
            "INSERT INTO past_claim_merge (merged_id, text, normalized, into_id) VALUES (?, ?, ?, ?)",
            [entry.entityID, text, TextKey.fold(text), into.int64Value]
        )
    }

    // MARK: Speakers, sources, attributions, labels

    private func undoSpeakerEdit(_ entry: Entry) throws {
        try putBack(
            "speaker",
            entry.entityID,
            columns: ["name", "kind", "role", "affiliation_id", "wikidata"],
            before: entry.before
        )
        if let name = entry.fields["name"] as? String {
            try database.execute(
                "UPDATE past_speaker SET name_key = ? WHERE id = ?",
                [TextKey.fold(name), entry.entityID]
            )
        }
        if let aliases = entry.fields["aliases"] as? [String] { try setAliases(entry.entityID, aliases) }
    }

    private func setAliases(_ speakerID: Int64, _ aliases: [String]) throws {
        try hideKeys("speaker_alias", key: "speaker_id", "[\(speakerID)]")
        for alias in aliases {
            try database.execute(
                "INSERT OR IGNORE INTO past_speaker_alias (speaker_id, alias_key, alias) VALUES (?, ?, ?)",
                [speakerID, TextKey.fold(alias), alias]
            )
        }
    }

    /// Takes a speaker merge apart: the merged speaker back with its aliases, its attributions and
    /// the speakers affiliated with it moved back, and the names the kept one took from it dropped.
    private func undoSpeakerMerge(_ entry: Entry) throws {
        guard let kept = (entry.fields["merged_into"] as? NSNumber)?.int64Value,
            let name = entry.fields["name"] as? String, entry.fields["attributions"] != nil
        else { throw refusal(entry, "keeps no speaker to put back") }
        let aliases = entry.fields["aliases"] as? [String] ?? []
        try restore(
            "speaker",
            rows: "[\(entry.before)]",
            columns: ["id", "name", "name_key", "kind", "role", "affiliation_id", "uid", "wikidata"],
            set: ["id": "?2", "name_key": "?3"],
            [entry.entityID, TextKey.fold(name)]
        )
        try setAliases(entry.entityID, aliases)
        let keptAliases = try database.prepare("SELECT alias FROM speaker_alias WHERE speaker_id = ? ORDER BY alias")
            .map([kept]) { $0.string(0) }
        let taken = Set(([name] + aliases).map(TextKey.fold))
        try setAliases(kept, keptAliases.filter { !taken.contains(TextKey.fold($0)) })
        if let wikidata = entry.fields["wikidata"] as? String {
            try materialize("speaker", keys: "[\(kept)]")
            try database.execute(
                "UPDATE past_speaker SET wikidata = NULL WHERE id = ? AND wikidata = ?",
                [kept, wikidata]
            )
        }
        for (table, column, list) in [
            ("speaker", "affiliation_id", entry.fields["affiliated"]),
            ("attribution", "speaker_id", entry.fields["attributions"]),
        ] {
            let ids = try json(list)
            try materialize(table, keys: ids)
            try database.execute(
                "UPDATE past_\(table) SET \(column) = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
                [ids, entry.entityID]
            )
        }
        try unmerge(entry, table: nil, key: "id", into: "into_id")
    }

    private func undoSourceEdit(_ entry: Entry) throws {
        let after = entry.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
        let (old, new) = (entry.fields["body_sha256"] as? String, after?["body_sha256"] as? String)
        guard old == new else { throw refusal(entry, "replaced a source's body, whose earlier text is not kept") }
        try putBack(
            "source",
            entry.entityID,
            columns: ["title", "url", "outlet", "author", "published"],
            before: entry.before
        )
        // A patch leaves out the retraction and correction a source did not have yet: absent is none.
        try database.execute(
            """
            UPDATE past_source SET retracted_on = ?1 ->> '$.retracted_on',
                retraction_reason = ?1 ->> '$.retraction_reason', correction_note = ?1 ->> '$.correction_note'
            WHERE id = ?2
            """,
            [entry.before, entry.entityID]
        )
        if entry.fields["published"] as? String != after?["published"] as? String {
            // Its attributions dated by the source's day move back with it (seen_on, set at the end).
            let undated = try database.prepare(
                "SELECT id FROM main.attribution WHERE source_id = ? AND said_on IS NULL"
            )
            .map([entry.entityID]) { $0.int64(0) }
            try materialize("attribution", keys: try json(undated))
        }
    }

    private func undoAttributionEdit(_ entry: Entry) throws {
        try putBack(
            "attribution",
            entry.entityID,
            columns: ["stance", "mode", "quote", "cue", "said_on", "via_id", "state"],
            before: entry.before
        )
        // Where the later quote was found says nothing of where the earlier one was.
        try hideKeys("quote_location", key: "attribution_id", "[\(entry.entityID)]")
    }

    private func undoAttributionDeletion(_ entry: Entry) throws {
        try restore(
            "attribution",
            rows: "[\(entry.before)]",
            columns: Self.attributionColumns,
            set: [
                "id": "?2",
                "uid": "(SELECT uid FROM main.retired_uid WHERE entity = 'attribution' AND id = ?2)",
            ],
            [entry.entityID]
        )
    }

    private func undoLabelEdit(_ entry: Entry) throws {
        guard let status = entry.fields["status"] as? String else { throw refusal(entry, "names no status") }
        try hideKeys("status_label", key: "status", try json([status]))
        if let label = entry.fields["label"] as? String {
            try database.execute("INSERT INTO past_status_label (status, label) VALUES (?, ?)", [status, label])
        }
    }
}
