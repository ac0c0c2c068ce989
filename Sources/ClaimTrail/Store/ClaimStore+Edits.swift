import Foundation

/// Corrections and deletions. Each one writes the row as it was (and as it became) to the
/// append-only change log, with who did it and why, so that nothing recorded is silently lost.
extension ClaimStore {
    /// A row as JSON, in SQL, for the change log: `json_object` over the given columns.
    private static let snapshots = [
        "claim": """
        SELECT json_object('text', text, 'topic', topic, 'status', status, 'assignee', assignee) FROM claim WHERE id = ?
        """,
        "speaker": """
        SELECT json_object('name', name, 'kind', kind, 'role', role, 'affiliation_id', affiliation_id,
                           'wikidata', wikidata,
                           'aliases', json((SELECT json_group_array(alias) FROM (SELECT alias FROM speaker_alias
                                                                                  WHERE speaker_id = speaker.id
                                                                                  ORDER BY alias))))
        FROM speaker WHERE id = ?
        """,
        "source": """
        SELECT json_patch(json_object('title', title, 'url', url, 'outlet', outlet, 'author', author,
                                      'published', published, 'body_sha256', body_sha256),
                          -- A patch drops its null members: these show only once a source has them.
                          json_object('retracted_on', retracted_on, 'retraction_reason', retraction_reason,
                                      'correction_note', correction_note))
        FROM source WHERE id = ?
        """,
        "attribution": """
        SELECT json_object('claim_id', claim_id, 'speaker_id', speaker_id, 'source_id', source_id, 'stance', stance,
                           'mode', mode, 'quote', quote, 'cue', cue, 'said_on', said_on, 'via_id', via_id,
                           'recorded_at', recorded_at, 'recorded_by', recorded_by, 'state', state)
        FROM attribution WHERE id = ?
        """,
    ]

    private func snapshot(_ entity: String, _ id: Int64) throws -> String? {
        try database.cached(Self.snapshots[entity]!).first([id]) { $0.text(0) } ?? nil
    }

    /// Applies `change` to one row and logs it; `change` returns the claim the row concerns.
    func logged(
        _ entity: String,
        _ id: Int64,
        action: String,
        by: String,
        reason: String?,
        _ change: () throws -> Int64?
    ) throws {
        guard let before = try snapshot(entity, id) else { throw ClaimTrailError.notFound("no \(entity) #\(id)") }
        let claimID = try change()
        guard !replayingChanges else { return }
        let after = action == "edit" ? try snapshot(entity, id) : nil
        guard after != before else {
            throw ClaimTrailError.invalid("nothing to change: \(entity) #\(id) already reads so")
        }
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, after, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [by, entity, id, action, claimID, before, after, try Reference.visible(reason, "a reason")]
        )
    }

    /// Corrects a claim's wording or topic. New wording that matches another stored claim is refused.
    public func editClaim(_ id: Int64, text: String?, topic: String?, by: String, reason: String?) throws {
        try logged("claim", id, action: "edit", by: by, reason: reason) {
            if let text {
                let clean = try Reference.required(text, "a claim's text", missing: "a claim needs text")
                if let other = try claimID(normalized: TextKey.fold(clean)), other != id {
                    throw ClaimTrailError.invalid("claim #\(other) already reads “\(clean)”")
                }
                try database.execute(
                    "UPDATE claim SET text = ?, normalized = ? WHERE id = ?",
                    [clean, TextKey.fold(clean), id]
                )
            }
            if let topic {
                try database.execute(
                    "UPDATE claim SET topic = ? WHERE id = ?",
                    [try Reference.visible(topic, "a topic"), id]
                )
            }
            return id
        }
    }

    /// Deletes a claim with its attributions, relations, verdicts and notes, logged as one entry
    /// that holds every deleted row (`RestorableRows`). The claims once merged into it stop
    /// resolving to it; each is logged as deleted with it.
    ///
    /// The attributions go in one statement with the triggers off, and what the triggers would
    /// have done row by row is done for all of them at once: on a 1M store, a claim with 28k
    /// attributions took over 5 minutes to delete row by row (see `ClaimRecount`).
    public func deleteClaim(_ id: Int64, by: String, reason: String?) throws {
        guard
            let before = try database.prepare(
                """
                SELECT json_object('text', text, 'topic', topic, 'status', status, 'assignee', assignee,
                                   'proposed', proposed, 'uid', uid, 'attributions', \(RestorableRows.attributions),
                                   'proposals', \(RestorableRows.proposals), 'relations', \(RestorableRows.relations),
                                   'verdicts', \(RestorableRows.verdicts), 'notes', \(RestorableRows.notes))
                FROM claim WHERE id = ?1
                """
            ).first([id], { $0.string(0) })
        else { throw ClaimTrailError.notFound("no claim #\(id)") }
        try withLargePageCache {
            for table in ["attribution_proposal", "quote_location"] {
                try database.execute(
                    "DELETE FROM \(table) WHERE attribution_id IN (SELECT id FROM attribution WHERE claim_id = ?)",
                    [id]
                )
            }
            try database.withoutTriggers {
                let countered = try ClaimRecount.countered(by: [id], in: database)
                for statement in Self.attributionsRemoval {
                    try database.execute(statement, statement.contains("?1") ? [id] : [])
                }
                try ClaimRecount.apply(to: database, claims: countered)
            }
        }
        try database.execute("DELETE FROM claim_relation WHERE from_claim_id = ?1 OR to_claim_id = ?1", [id])
        try database.execute("DELETE FROM verdict WHERE claim_id = ?", [id])
        try database.execute("DELETE FROM claim_note WHERE claim_id = ?", [id])
        try database.execute("DELETE FROM claim_voice WHERE claim_id = ?", [id])
        try database.execute("DELETE FROM claim_source WHERE claim_id = ?", [id])
        try database.execute("DELETE FROM claim_stats WHERE claim_id = ?", [id])
        try forgetMerges(into: id, by: by, reason: reason)
        try database.execute("DELETE FROM claim WHERE id = ?", [id])
        guard !replayingChanges else { return }
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, reason)
            VALUES (?, 'claim', ?, 'delete', ?, ?, ?)
            """,
            [by, id, id, before, try Reference.visible(reason, "a reason")]
        )
    }

    /// What the attribution delete triggers would do for claim `?1`'s attributions beyond its own
    /// counters (which go with the claim), and then the delete. All of a claim's relays are its
    /// own attributions (`attribution_via_same_claim`), so they all go at once.
    private static let attributionsRemoval = [
        // attribution_fts_removed. In rowid order: FTS5 writes its pending changes out as a new
        // segment whenever a rowid comes lower than the last, and the claim's index gives its rows in
        // timeline order; sorted, the 28k deletions of a busy claim took a sixth of the time.
        """
        INSERT INTO attribution_fts (attribution_fts, rowid, quote, cue)
        SELECT 'delete', id, quote, cue FROM attribution WHERE claim_id = ?1 AND state = 'accepted' ORDER BY id
        """,
        // speaker_attribution_removed
        """
        UPDATE speaker_stats SET attributions = speaker_stats.attributions - removed.attributions
        FROM (SELECT speaker_id, count(*) AS attributions FROM attribution
              WHERE claim_id = ?1 AND state = 'accepted' AND speaker_id IS NOT NULL GROUP BY speaker_id) AS removed
        WHERE speaker_stats.speaker_id = removed.speaker_id
        """,
        "DELETE FROM speaker_stats WHERE attributions = 0",
        // source_sourcing_removed (schema 022)
        """
        UPDATE source_sourcing SET attributions = source_sourcing.attributions - removed.attributions,
            anonymous = source_sourcing.anonymous - removed.anonymous,
            unattributed = source_sourcing.unattributed - removed.unattributed
        FROM (SELECT source_id, count(*) AS attributions, sum(anonymous) AS anonymous, sum(unattributed) AS unattributed
              FROM attribution_sourcing WHERE id IN (SELECT id FROM attribution WHERE claim_id = ?1)
              GROUP BY source_id) AS removed
        WHERE source_sourcing.source_id = removed.source_id
        """,
        "DELETE FROM source_sourcing WHERE attributions = 0",
        // attribution_uid_retired (schema 019)
        """
        INSERT OR IGNORE INTO retired_uid (uid, entity, id)
        SELECT uid, 'attribution', id FROM attribution WHERE claim_id = ?1 AND uid IS NOT NULL
        """,
        "DELETE FROM attribution WHERE claim_id = ?1",
    ]

    /// Removes the `claim_merge` rows of the claims merged into claim `id`, which is being deleted, and
    /// logs each as a deletion of the merged claim, so its id and wording are kept in the history.
    private func forgetMerges(into id: Int64, by: String, reason: String?) throws {
        let why = ["claim #\(id), which it was merged into, was deleted", try Reference.visible(reason, "a reason")]
        if !replayingChanges {
            try logMergedAway(into: id, by: by, why: why.compactMap { $0 }.joined(separator: ": "))
        }
        try database.execute("DELETE FROM claim_merge WHERE into_id = ?", [id])
    }

    private func logMergedAway(into id: Int64, by: String, why: String) throws {
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, reason)
            SELECT ?1, 'claim', merged_id, 'delete', into_id, json_object('text', text, 'merged_into', into_id), ?3
            FROM claim_merge WHERE into_id = ?2 ORDER BY merged_id
            """,
            [by, id, why]
        )
    }

    /// Links a speaker to its Wikidata item, or unlinks it (nil); logged like any speaker edit.
    public func linkSpeaker(_ id: Int64, to item: WikidataID?, by: String, reason: String?) throws {
        try logged("speaker", id, action: "edit", by: by, reason: reason) {
            try database.execute("UPDATE speaker SET wikidata = ? WHERE id = ?", [item?.text, id])
            return nil
        }
    }

    /// Corrects a speaker's name, kind or role, and adds or removes the names it is also
    /// reported under. Removing a name that is not one of its aliases is an error.
    public func editSpeaker(
        _ id: Int64,
        name: String?,
        kind: SpeakerKind?,
        role: String?,
        addAliases added: [String] = [],
        removeAliases removed: [String] = [],
        by: String,
        reason: String?
    ) throws {
        try logged("speaker", id, action: "edit", by: by, reason: reason) {
            for alias in removed {
                let key: [any StatementArgument] = [id, TextKey.fold(alias)]
                guard
                    try database.cached("SELECT 1 FROM speaker_alias WHERE speaker_id = ? AND alias_key = ?")
                        .first(key, { _ in true }) != nil
                else { throw ClaimTrailError.notFound("“\(alias)” is not an alias of speaker #\(id)") }
                try database.execute("DELETE FROM speaker_alias WHERE speaker_id = ? AND alias_key = ?", key)
            }
            try checkNewAliases(added, for: id)
            try addAliases(added, to: id)
            if let name {
                let clean = try Reference.required(name, "a speaker's name", missing: "a speaker needs a name")
                try database.execute(
                    "UPDATE speaker SET name = ?, name_key = ? WHERE id = ?",
                    [clean, TextKey.fold(clean), id]
                )
            }
            if let kind { try database.execute("UPDATE speaker SET kind = ? WHERE id = ?", [kind.rawValue, id]) }
            if let role {
                try database.execute(
                    "UPDATE speaker SET role = ? WHERE id = ?",
                    [try Reference.visible(role, "a role"), id]
                )
            }
            return nil
        }
    }

    /// Corrects a source: each field given replaces the stored one, and an empty text clears an
    /// optional field. An undated source can so be dated later: the new date moves the source's
    /// attributions that carry no date of their own in the timelines (trigger
    /// `source_published_edited`). A new body is kept with its SHA-256.
    public func editSource(
        _ id: Int64,
        title: String? = nil,
        url: String? = nil,
        outlet: String? = nil,
        author: String? = nil,
        published: String? = nil,
        body: String? = nil,
        by: String,
        reason: String?
    ) throws {
        try logged("source", id, action: "edit", by: by, reason: reason) {
            if let title {
                let clean = try Reference.required(title, "a source's title", missing: "a source needs a title")
                try database.execute("UPDATE source SET title = ? WHERE id = ?", [clean, id])
            }
            if let url {
                let clean = Reference.clean(url).map(SourceURL.normalized)
                if let clean, let other = try sourceID(url: clean), other != id {
                    throw ClaimTrailError.invalid("a source with URL \(clean) is already recorded as #\(other)")
                }
                try database.execute("UPDATE source SET url = ? WHERE id = ?", [clean, id])
            }
            for (column, value, what) in [("outlet", outlet, "an outlet"), ("author", author, "an author")] {
                guard let value else { continue }
                try database.execute(
                    "UPDATE source SET \(column) = ? WHERE id = ?",
                    [try Reference.visible(value, what), id]
                )
            }
            if let published {
                let date = try Reference.clean(published).map { try ISODate.validatePast($0, field: "published date") }
                try database.execute("UPDATE source SET published = ? WHERE id = ?", [date, id])
            }
            if let body {
                try database.execute(
                    "UPDATE source SET body = ?, body_sha256 = ? WHERE id = ?",
                    [body, SHA256.hex(body), id]
                )
            }
            return nil
        }
    }

    /// Corrects how an attribution was worded: quote, cue, mode. Who, where, which stance and when
    /// are what it is counted by: to change those, delete it and record it again.
    public func editAttribution(
        _ id: Int64,
        quote: String?,
        cue: String?,
        mode: Mode?,
        by: String,
        reason: String?
    ) throws {
        try logged("attribution", id, action: "edit", by: by, reason: reason) {
            if let quote {
                try database.execute(
                    "UPDATE attribution SET quote = ? WHERE id = ?",
                    [try Reference.visible(quote, "a quote"), id]
                )
                // The trigger of schema 018 forgot where the old quote was; the new one is looked for.
                try QuoteLocations(database: database).record(ofAttributionsIn: id...id)
            }
            if let cue {
                try database.execute(
                    "UPDATE attribution SET cue = ? WHERE id = ?",
                    [try Reference.visible(cue, "a cue"), id]
                )
            }
            if let mode { try database.execute("UPDATE attribution SET mode = ? WHERE id = ?", [mode.rawValue, id]) }
            return try database.cached("SELECT claim_id FROM attribution WHERE id = ?").first([id]) { $0.int64(0) }
        }
    }

    /// Deletes an attribution. One that others were relayed through cannot go first.
    public func deleteAttribution(_ id: Int64, by: String, reason: String?) throws {
        let relays = try database.cached("SELECT id FROM attribution WHERE via_id = ? ORDER BY id").map([id]) {
            $0.int64(0)
        }
        guard relays.isEmpty else {
            throw ClaimTrailError.invalid(
                "attribution #\(id) is the relay of " + relays.map { "#\($0)" }.joined(separator: ", ")
                    + "; delete or correct those first"
            )
        }
        try logged("attribution", id, action: "delete", by: by, reason: reason) {
            let claim = try database.cached("SELECT claim_id FROM attribution WHERE id = ?").first([id]) { $0.int64(0) }
            try database.execute("DELETE FROM attribution_proposal WHERE attribution_id = ?", [id])
            try database.execute("DELETE FROM attribution WHERE id = ?", [id])
            return claim
        }
    }

    /// The recorded changes to a claim and its attributions, oldest first.
    public func history(claimID: Int64) throws -> [Change] {
        try database.cached(
            """
            SELECT changed_at, changed_by, entity, entity_id, action, before, after, reason FROM change_log
            WHERE claim_id = ? ORDER BY id
            """
        ).map([claimID]) { row in
            Change(
                at: row.string(0),
                by: row.string(1),
                entity: row.string(2),
                entityID: row.int64(3),
                action: row.string(4),
                before: row.string(5),
                after: row.text(6),
                reason: row.text(7)
            )
        }
    }
}

/// One entry of the change log.
public struct Change: Codable, Equatable, Sendable {
    public var at: String
    public var by: String
    public var entity: String
    public var entityID: Int64
    public var action: String
    /// The row before, as JSON.
    public var before: String
    /// The row after an edit, as JSON; nil for a deletion.
    public var after: String?
    public var reason: String?

    /// What changed, for people: `quote: “old” → “new”` for an edit, the main fields for a deletion.
    /// A uid is left out: it names the record and is never edited, so it "changes" only from
    /// nothing in an addition (`logAddition`), where it would read as an edit of the record's name.
    public var summary: String {
        let old = Self.fields(before)
        let new = after.map(Self.fields) ?? [:]
        if after == nil {
            return "deleted: "
                + ["text", "name", "quote", "stance"].compactMap { key in old[key].map { "\(key) “\($0)”" } }
                .joined(separator: ", ")
        }
        return Set(old.keys).union(new.keys).subtracting(["uid"]).sorted().filter { old[$0] != new[$0] }
            .map { "\($0): “\(old[$0] ?? "")” → “\(new[$0] ?? "")”" }.joined(separator: "; ")
    }

    private static func fields(_ json: String) -> [String: String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        return object.compactMapValues { value in
            switch value {
            case is NSNull: nil
            case let list as [Any]: list.map { "\($0)" }.joined(separator: ", ")
            default: "\(value)"
            }
        }
    }
}
