extension ClaimStore {
    /// Records who said a claim where. Recording the very same attribution twice (same claim,
    /// speaker, source, stance, quote, relay and date said) finds the first one instead of duplicating
    /// it. Saying the same thing on another day is another attribution; two without a date are one.
    /// - Returns: the attribution's id, and whether it was new.
    /// - Parameters:
    ///   - recordedAt: kept from an imported record; new attributions are stamped now.
    ///   - uid: kept from an imported record; a new attribution gets a new one.
    public func addAttribution(
        _ draft: AttributionDraft,
        recordedBy: String,
        recordedAt: String? = nil,
        uid: UID? = nil
    ) throws -> (id: Int64, created: Bool) {
        let published = try checkReferences(of: draft)
        if let viaID = draft.viaID {
            guard
                let viaClaim = try staging.waiting(id: viaID)?.claimID
                    ?? database.cached("SELECT claim_id FROM attribution WHERE id = ? AND state = 'accepted'").first(
                        [viaID],
                        { $0.int64(0) }
                    )
            else {
                throw ClaimTrailError.notFound("no attribution #\(viaID) to relay through")
            }
            guard viaClaim == draft.claimID else {
                throw ClaimTrailError.invalid(
                    "attribution #\(viaID) reports claim #\(viaClaim), not #\(draft.claimID); "
                        + "a relay carries the same claim"
                )
            }
        }
        let date = try Reference.clean(draft.date).map {
            try ISODate.validateArriving($0, field: "date", kept: uid != nil)
        }
        let quote = try Reference.visible(draft.quote, "a quote")
        if let existing = try duplicate(of: draft, quote: quote, date: date) { return (existing, false) }
        let id = try staging.nextID()
        try staging.stage(
            .init(
                id: id,
                claimID: draft.claimID,
                speakerID: draft.speakerID,
                sourceID: draft.sourceID,
                stance: draft.stance,
                mode: draft.mode,
                quote: quote,
                cue: try Reference.visible(draft.cue, "a cue"),
                saidOn: date,
                viaID: draft.viaID,
                recordedAt: recordedAt,
                recordedBy: recordedBy,
                seenOn: date ?? published,
                uid: uid ?? UID.make()
            )
        )
        return (id, true)
    }

    /// The accepted attribution, stored or waiting, that says what `draft` says, if there is one.
    private func duplicate(of draft: AttributionDraft, quote: String?, date: String?) throws -> Int64? {
        let same = { (row: AttributionStaging.Row) in
            row.claimID == draft.claimID && row.sourceID == draft.sourceID && row.speakerID == draft.speakerID
                && row.stance == draft.stance && row.viaID == draft.viaID
                && AttributionStaging.Row.same(row.quote, quote) && AttributionStaging.Row.same(row.saidOn, date)
        }
        let values: [any StatementArgument] = [
            draft.claimID, draft.speakerID, draft.sourceID, draft.stance.rawValue, quote, draft.viaID, date,
        ]
        let match = """
            claim_id = ?1 AND speaker_id IS ?2 AND source_id = ?3 AND stance = ?4 AND quote IS ?5 AND via_id IS ?6
              AND said_on IS ?7 AND state = 'accepted'
            """
        if let keyed = try keyedRows(of: draft.claimID, draft.speakerID, draft.sourceID, same, match, values) {
            return keyed.first
        }
        return try staging.waiting(claimID: draft.claimID, sourceID: draft.sourceID).first(where: same)?.id
            ?? database.cached("SELECT id FROM attribution WHERE \(match)").first(values) { $0.int64(0) }
    }

    /// Checks that the draft's claim, source and speaker exist, once per write for each.
    /// - Returns: the source's publication date.
    private func checkReferences(of draft: AttributionDraft) throws -> String? {
        // Remembered only inside a transaction (see `CheckedReferences`).
        let known = database.isInTransaction ? checkedReferences : nil
        if let known, known.claims.contains(draft.claimID), let published = known.sources[draft.sourceID],
            draft.speakerID.map(known.speakers.contains) ?? true
        {
            return published
        }
        let found = try database.cached(
            """
            SELECT EXISTS (SELECT 1 FROM claim WHERE id = ?1), EXISTS (SELECT 1 FROM source WHERE id = ?2),
                   (SELECT published FROM source WHERE id = ?2),
                       ?3 IS NULL OR EXISTS (SELECT 1 FROM speaker WHERE id = ?3)
            """
        ).first([draft.claimID, draft.sourceID, draft.speakerID]) { row in
            (claim: row.bool(0), source: row.bool(1), published: row.text(2), speaker: row.bool(3))
        }!
        guard found.claim else { throw ClaimTrailError.notFound("no claim #\(draft.claimID)") }
        guard found.source else { throw ClaimTrailError.notFound("no source #\(draft.sourceID)") }
        guard found.speaker else { throw ClaimTrailError.notFound("no speaker #\(draft.speakerID!)") }
        known?.checked(
            claim: draft.claimID,
            source: draft.sourceID,
            published: found.published,
            speaker: draft.speakerID
        )
        return found.published
    }

    /// Runs `body`, an import, with new attributions moved into the store in batches of `size`
    /// rather than one by one (see `AttributionStaging`). Lookups inside `body` still see every
    /// attribution added so far. Call it inside `write`, which makes the batches one transaction.
    /// - Parameter rebuildingIndexes: build the secondary indexes after the rows rather than keep
    ///   them live (`DeferredIndexes`), for an import large next to the store.
    public func addingAttributions<T>(
        inBatchesOf size: Int,
        rebuildingIndexes: Bool = false,
        _ body: () throws -> T
    ) throws -> T {
        // An import touches index pages all over the store for minutes.
        try withLargePageCache { try staging.deferring(batchesOf: size, rebuildingIndexes: rebuildingIndexes, body) }
    }
}

extension ClaimStore {
    /// Attributions of one claim by one speaker (nil: unattributed) in one source, with `quote`
    /// when given: what a relay reference in an import names.
    public func attributionIDs(
        claimID: Int64,
        speakerID: Int64?,
        sourceID: Int64,
        quote: String? = nil
    ) throws -> [Int64] {
        let quote = Reference.clean(quote)
        let same = { (row: AttributionStaging.Row) in
            row.claimID == claimID && row.sourceID == sourceID && row.speakerID == speakerID
                && (quote == nil || AttributionStaging.Row.same(row.quote, quote))
        }
        let values: [any StatementArgument] = [claimID, speakerID, sourceID, quote]
        let match = """
            claim_id = ?1 AND speaker_id IS ?2 AND source_id = ?3 AND (?4 IS NULL OR quote = ?4) AND state = 'accepted'
            """
        if let keyed = try keyedRows(of: claimID, speakerID, sourceID, same, match, values) { return keyed }
        let stored = try database.cached("SELECT id FROM attribution WHERE \(match) ORDER BY id").map(values) {
            $0.int64(0)
        }
        return stored + staging.waiting(claimID: claimID, sourceID: sourceID).filter(same).map(\.id)
    }

    /// While an import keeps the keys in memory (`AttributionKeys`), the ids of the rows of this
    /// claim, speaker and source that `same` accepts if waiting, or `match` (SQL over `values`,
    /// then the row's id) if stored, in id order; nil otherwise.
    private func keyedRows(
        of claimID: Int64,
        _ speakerID: Int64?,
        _ sourceID: Int64,
        _ same: (AttributionStaging.Row) -> Bool,
        _ match: String,
        _ values: [any StatementArgument]
    ) throws -> [Int64]? {
        guard let candidates = staging.keyed(claimID: claimID, speakerID: speakerID, sourceID: sourceID) else {
            return nil
        }
        let stored = try database.cached("SELECT 1 FROM attribution WHERE id = ?\(values.count + 1) AND \(match)")
        return try candidates.filter { id in
            try staging.waiting(id: id).map(same) ?? (stored.first(values + [id]) { _ in true } ?? false)
        }
    }

    /// The id of the attribution a reference names: `12`, `#12` or its uid. Whether it exists is
    /// checked by the edit or deletion that follows.
    public func resolveAttribution(_ reference: String) throws -> Int64 {
        if let uid = UID(reference.trimmed()) { return try id(of: .attribution, uid: uid) }
        guard let id = Reference.id(in: reference) else {
            throw ClaimTrailError.invalid("“\(reference)” is not an attribution id or uid")
        }
        return id
    }
}
