/// Merging duplicates: two phrasings of one claim, two names of one speaker. Attributions move to
/// the kept one with their ids, recorded_at and recorded_by unchanged; the merged one is logged,
/// and its name or wording still finds the kept one.
extension ClaimStore {
    /// Merges claim `merged` into claim `kept`.
    public func mergeClaim(_ merged: Int64, into kept: Int64, by: String, reason: String?) throws {
        guard merged != kept else { throw ClaimTrailError.invalid("a claim cannot be merged into itself") }
        guard let old = try claim(id: merged), try claim(id: kept) != nil else {
            throw ClaimTrailError.notFound("no claim #\(try claim(id: merged) == nil ? merged : kept)")
        }
        let conflicts = try database.prepare(
            """
            SELECT m.reviewer FROM verdict m JOIN verdict k ON k.reviewer = m.reviewer AND k.claim_id = ?2
            WHERE m.claim_id = ?1 AND (m.rating IS NOT k.rating OR m.score IS NOT k.score)
            """
        ).map([merged, kept]) { $0.string(0) }
        guard conflicts.isEmpty else {
            throw ClaimTrailError.invalid(
                "\(conflicts.joined(separator: ", ")) rated the two claims differently; settle that first"
            )
        }
        // A sync makes the other store's merges as they were made there, desk state and all.
        if !replayingChanges { try requireDeskStateKept(merging: merged, into: kept) }
        let before = try mergeSnapshot(
            """
            SELECT json_object('text', text, 'topic', topic, 'merged_into', ?2, 'status', status, 'assignee', assignee,
                               'proposed', proposed, 'uid', uid,
                               'attributions', \(RestorableRows.attributionIDs("claim_id")),
                               'relations', \(RestorableRows.relations), 'verdicts', \(RestorableRows.verdicts),
                               'notes', \(RestorableRows.notes))
            FROM claim WHERE id = ?1
            """,
            merged,
            kept
        )
        try moveClaimAttributions(from: merged, to: kept)
        // A claim only proposed so far becomes a claim like any other once it holds what the merged
        // one showed: a merge into it must not hide accepted attributions, verdicts or notes.
        if try !isProposedOnly(merged) { try confirmClaim(kept) }
        let relations = try database.prepare(
            """
            SELECT from_claim_id, to_claim_id, kind, source_id, uid FROM claim_relation
            WHERE ?1 IN (from_claim_id, to_claim_id) ORDER BY id
            """
        )
        .map([merged]) { ($0.int64(0), $0.int64(1), $0.string(2), $0.optionalInt64(3), $0.text(4)) }
        try database.execute("DELETE FROM claim_relation WHERE ?1 IN (from_claim_id, to_claim_id)", [merged])
        for (from, to, kind, source, uid) in relations {
            let (newFrom, newTo) = (from == merged ? kept : from, to == merged ? kept : to)
            guard newFrom != newTo else { continue }
            try database.execute(
                """
                INSERT INTO claim_relation (from_claim_id, to_claim_id, kind, source_id, uid) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                [newFrom, newTo, kind, source, uid]
            )
        }
        try database.execute(
            """
            UPDATE verdict SET claim_id = ?2
            WHERE claim_id = ?1 AND reviewer NOT IN (SELECT reviewer FROM verdict WHERE claim_id = ?2)
            """,
            [merged, kept]
        )
        try database.execute("DELETE FROM verdict WHERE claim_id = ?", [merged])
        try database.execute("UPDATE claim_note SET claim_id = ?2 WHERE claim_id = ?1", [merged, kept])
        try logMerge("claim", merged, into: kept, claimID: kept, before: before, by: by, reason: reason)
        if let uid = try uid(of: .claim, id: merged) { try rememberUID(uid, of: .claim, into: kept, merged: merged) }
        try database.execute("UPDATE claim_merge SET into_id = ? WHERE into_id = ?", [kept, merged])
        try database.execute(
            "INSERT INTO claim_merge (merged_id, text, normalized, into_id) VALUES (?, ?, ?, ?)",
            [merged, old.text, TextKey.fold(old.text), kept]
        )
        for table in ["claim_voice", "claim_source", "claim_stats"] {
            try database.execute("DELETE FROM \(table) WHERE claim_id = ?", [merged])
        }
        try database.execute("DELETE FROM claim WHERE id = ?", [merged])
    }

    /// Records that a wording was merged into claim `into` in another store (an imported merge
    /// record), so that it finds that claim here too. Its merged claim never existed here, so it
    /// takes a claim id never given (`sqlite_sequence`), as every merged id is one never reused.
    func rememberMergedWording(_ text: String, into: Int64) throws {
        let normalized = TextKey.fold(text)
        guard try claimID(normalized: normalized) == nil,
            try database.cached("SELECT 1 FROM claim_merge WHERE normalized = ?").first([normalized], { _ in true })
                == nil
        else { return }
        try database.execute(
            "INSERT INTO claim_merge (merged_id, text, normalized, into_id) VALUES (?, ?, ?, ?)",
            [try reserveID(in: "claim"), text, normalized, into]
        )
    }

    /// An id of `table` never given and now never to be: for a record this store never held but must
    /// name (a wording merged elsewhere, a record an imported change-log entry is about).
    func reserveID(in table: String) throws -> Int64 {
        let next =
            try database.prepare(
                """
                SELECT max(coalesce((SELECT id FROM highest_used_id WHERE name = ?1), 0),
                           coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?1), 0)) + 1
                """
            ).first([table]) { $0.int64(0) } ?? 1
        try database.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
        try database.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, next])
        return next
    }

    /// Merges speaker `merged` into speaker `kept`; the merged name and aliases become aliases.
    public func mergeSpeaker(_ merged: Int64, into kept: Int64, by: String, reason: String?) throws {
        guard merged != kept else { throw ClaimTrailError.invalid("a speaker cannot be merged into itself") }
        guard let old = try speaker(id: merged), try speaker(id: kept) != nil else {
            throw ClaimTrailError.notFound("no speaker #\(try speaker(id: merged) == nil ? merged : kept)")
        }
        let before = try mergeSnapshot(
            """
            SELECT json_object('name', name, 'kind', kind, 'role', role, 'merged_into', ?2, 'affiliation_id',
                affiliation_id,
                               'wikidata', wikidata, 'uid', uid,
                               'aliases', json((SELECT json_group_array(alias) FROM (SELECT alias FROM speaker_alias
                                                                                      WHERE speaker_id = ?1
                                                                                          ORDER BY alias))),
                               'affiliated', json((SELECT json_group_array(id) FROM (SELECT id FROM speaker
                                                                                     WHERE affiliation_id = ?1
                                                                                         ORDER BY id))),
                               'attributions', \(RestorableRows.attributionIDs("speaker_id")))
            FROM speaker WHERE id = ?1
            """,
            merged,
            kept
        )
        try moveSpeakerAttributions(from: merged, to: kept)
        try database.execute(
            "UPDATE speaker SET affiliation_id = ?2 WHERE affiliation_id = ?1 AND id <> ?2",
            [merged, kept]
        )
        try database.execute(
            "UPDATE speaker SET affiliation_id = NULL WHERE id = ?2 AND affiliation_id = ?1",
            [merged, kept]
        )
        // The kept speaker takes the merged one's Wikidata link when it has none of its own.
        try database.execute(
            """
            UPDATE speaker SET wikidata = (SELECT wikidata FROM speaker WHERE id = ?1)
            WHERE id = ?2 AND wikidata IS NULL
            """,
            [merged, kept]
        )
        try logMerge("speaker", merged, into: kept, claimID: nil, before: before, by: by, reason: reason)
        if let uid = try uid(of: .speaker, id: merged) {
            try rememberUID(uid, of: .speaker, into: kept, merged: merged)
        }
        try database.execute("DELETE FROM speaker_alias WHERE speaker_id = ?", [merged])
        try database.execute("DELETE FROM speaker WHERE id = ?", [merged])
        try addAliases([old.name] + old.aliases, to: kept)
    }

    /// The merged row as JSON for the change log, taken before anything moves: its fields, and
    /// what the merge moves or removes (see `RestorableRows`), so that the one entry can undo it.
    private func mergeSnapshot(_ sql: String, _ merged: Int64, _ kept: Int64) throws -> String {
        try database.prepare(sql).first([merged, kept]) { $0.string(0) } ?? "{}"
    }

    /// Moves claim `merged`'s attributions onto claim `kept` with their ids: one UPDATE with the
    /// triggers off, then the two claims and those they contradict are counted again. Row by row,
    /// the triggers took minutes for a busy claim (see `ClaimRecount`). The search index holds
    /// quotes and cues by attribution id, and the timeline index follows the UPDATE, so neither
    /// needs more. The relations the merged claim still has are moved after, with the triggers on.
    /// The pages all of this touches stay in a large cache (`withLargePageCache`).
    private func moveClaimAttributions(from merged: Int64, to kept: Int64) throws {
        try withLargePageCache {
            try database.withoutTriggers {
                try database.execute("UPDATE attribution SET claim_id = ?2 WHERE claim_id = ?1", [merged, kept])
                let touched = [merged, kept]
                try ClaimRecount.apply(
                    to: database,
                    claims: touched + ClaimRecount.countered(by: touched, in: database)
                )
            }
        }
    }

    /// Moves speaker `merged`'s attributions onto speaker `kept` with their ids, with the triggers
    /// off. Only the tallies that name a speaker change: its count, and its voice in each claim it
    /// spoke on, which becomes the kept speaker's voice; where both spoke on the same side of a
    /// claim, the two voices become one.
    private func moveSpeakerAttributions(from merged: Int64, to kept: Int64) throws {
        try withLargePageCache {
            try database.withoutTriggers {
                for statement in Self.speakerMove {
                    try database.execute(statement, statement.contains("?2") ? [merged, kept] : [merged])
                }
            }
        }
    }

    /// `?1` is the merged speaker, `?2` the kept one; a speaker's voice is its id (schema 003).
    private static let speakerMove = [
        """
        UPDATE claim_stats SET asserting = claim_stats.asserting - folded.asserting,
            disputing = claim_stats.disputing - folded.disputing
        FROM (SELECT m.claim_id, sum(m.side = 'asserts') AS asserting, sum(m.side = 'disputes') AS disputing
              FROM claim_voice m JOIN claim_voice k ON k.claim_id = m.claim_id AND k.side = m.side AND k.voice = ?2
              WHERE m.voice = ?1 GROUP BY m.claim_id) AS folded
        WHERE claim_stats.claim_id = folded.claim_id
        """,
        """
        INSERT INTO claim_voice SELECT claim_id, side, ?2, n FROM claim_voice WHERE voice = ?1
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """,
        "DELETE FROM claim_voice WHERE voice = ?1",
        """
        INSERT INTO speaker_stats SELECT ?2, attributions FROM speaker_stats WHERE speaker_id = ?1
        ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions
        """,
        "DELETE FROM speaker_stats WHERE speaker_id = ?1",
        // Per source, the moved rows that do not hedge count as anonymous by the kept speaker's kind
        // now (schema 022's source_sourcing); their count and hedges stay.
        """
        UPDATE source_sourcing SET anonymous = source_sourcing.anonymous + moved.change
        FROM (SELECT source_id,
                     sum(NOT unattributed) * (coalesce((SELECT kind = 'anonymous' FROM speaker WHERE id = ?2), 0)
                                              - coalesce((SELECT kind = 'anonymous' FROM speaker WHERE id = ?1), 0))
                         AS change
              FROM attribution_sourcing WHERE speaker_id = ?1 GROUP BY source_id) AS moved
        WHERE source_sourcing.source_id = moved.source_id AND moved.change <> 0
        """,
        "UPDATE attribution SET speaker_id = ?2 WHERE speaker_id = ?1",
    ]

    private func logMerge(
        _ entity: String,
        _ merged: Int64,
        into kept: Int64,
        claimID: Int64?,
        before: String,
        by: String,
        reason: String?
    ) throws {
        guard !replayingChanges else { return }
        let why = ["merged into \(entity) #\(kept)", try Reference.visible(reason, "a reason")].compactMap { $0 }
            .joined(separator: ": ")
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, reason) VALUES (?, ?, ?,
                'delete', ?, ?, ?)
            """,
            [by, entity, merged, claimID, before, why]
        )
    }
}

/// A claim that may be the same as another, with how alike their words are.
public struct SimilarClaim: Codable, Equatable, Sendable, Tabular {
    public var id: Int64
    public var text: String
    /// Shared words over all words of the two claims (Jaccard), 0…1.
    public var similarity: Double

    public static let columns = ["id", "claim", "similarity"]
    public var cells: [String] { [String(id), text, String(format: "%.2f", similarity)] }
}

extension ClaimStore {
    /// Claims likely to be other phrasings of claim `id`: full-text candidates sharing any word,
    /// ranked by how many words they share.
    /// - Parameter limit: at most this many (the most alike), or all candidates when nil.
    public func similarClaims(to id: Int64, limit: Int? = 10) throws -> [SimilarClaim] {
        try read {
            guard let claim = try claim(id: id) else { throw ClaimTrailError.notFound("no claim #\(id)") }
            return try similarClaims(toText: claim.text, excluding: id, limit: limit)
        }
    }

    /// Stored claims sharing words with `text`, most similar first: full-text search finds the
    /// candidates, and the share of folded words in common ranks them.
    /// - Parameter limit: at most this many (the most alike), or all candidates when nil.
    public func similarClaims(
        toText text: String,
        excluding id: Int64? = nil,
        limit: Int? = 10
    ) throws
        -> [SimilarClaim]
    {
        let words = Self.words(text)
        guard !words.isEmpty else { return [] }
        let query = words.sorted().map { "\"\($0)\"" }.joined(separator: " OR ")
        let candidates = try database.prepare(
            """
            SELECT rowid FROM claim_fts WHERE claim_fts MATCH ? AND rowid IS NOT ? ORDER BY bm25(claim_fts) LIMIT 200
            """
        ).map([query, id]) { $0.int64(0) }
        return try candidates.compactMap { try self.claim(id: $0) }.map { other in
            let theirs = Self.words(other.text)
            return SimilarClaim(
                id: other.id,
                text: other.text,
                similarity: Double(words.intersection(theirs).count) / Double(words.union(theirs).count)
            )
        }
        .sorted { ($0.similarity, -$0.id) > ($1.similarity, -$1.id) }
        .prefix(limit.map { max($0, 0) } ?? Int.max).map { $0 }
    }

    /// The folded words of a text, for comparing phrasings.
    static func words(_ text: String) -> Set<String> {
        Set(
            TextKey.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter {
                $0.count > 1
            }
        )
    }
}
