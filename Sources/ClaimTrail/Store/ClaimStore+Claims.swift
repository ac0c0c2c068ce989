extension ClaimStore {
    /// Records a claim, or finds it if the same text (after folding) is already stored.
    /// - Parameter proposed: the claim is only the content of an extractor's proposal, hidden from
    ///   listings until a proposal of it is accepted. Recording a proposed claim's text by hand
    ///   (`proposed` false) makes it a claim like any other.
    /// - Parameter uid: kept from an imported record; a new claim gets a new one.
    /// - Returns: the claim's id, and whether it was new.
    public func addClaim(
        text: String,
        topic: String? = nil,
        proposed: Bool = false,
        uid: UID? = nil
    ) throws -> (id: Int64, created: Bool) {
        let text = try Reference.required(text, "a claim's text", missing: "a claim needs text")
        let normalized = TextKey.fold(text)
        if let existing = try claimID(normalized: normalized) ?? mergedClaimID(normalized: normalized) {
            if !proposed { try confirmClaim(existing) }
            return (existing, false)
        }
        try database.execute(
            "INSERT INTO claim (text, normalized, topic, proposed, uid) VALUES (?, ?, ?, ?, ?)",
            [text, normalized, try Reference.visible(topic, "a topic"), proposed, (uid ?? UID.make()).text]
        )
        return (database.lastInsertRowID, true)
    }

    /// Makes a claim that was only a proposal's content a claim like any other.
    func confirmClaim(_ id: Int64) throws {
        try database.cached("UPDATE claim SET proposed = 0 WHERE id = ? AND proposed = 1").execute([id])
    }

    /// Whether a claim is only the content of proposals waiting for review, hidden from listings.
    func isProposedOnly(_ id: Int64) throws -> Bool {
        try database.cached("SELECT proposed FROM claim WHERE id = ?").first([id]) { $0.bool(0) } ?? false
    }

    /// Refuses to act on a claim that is only a proposal's content: a status, assignee, note or
    /// verdict on it would belong to a claim no listing or queue shows.
    func requireVisibleClaim(_ id: Int64) throws {
        guard try isProposedOnly(id) else { return }
        throw ClaimTrailError.invalid(
            "claim #\(id) is only proposed so far; accept one of its proposals first (claimtrail review list)"
        )
    }

    public func claim(id: Int64) throws -> Claim? {
        try database.cached("SELECT id, text, topic FROM claim WHERE id = ?").first([id]) { row in
            Claim(id: row.int64(0), text: row.string(1), topic: row.text(2))
        }
    }

    /// Finds a claim by `#id` or by its text (folded, so quotes and case do not matter).
    /// The id, uid or wording of a claim merged into another finds the one it joined.
    /// - Parameter followingMerges: false for a command that must act on exactly the claim named
    ///   (`claim delete`): a merged-away id or wording is then refused, naming the claim it joined,
    ///   rather than aiming the command at that claim.
    public func resolveClaim(_ reference: String, followingMerges: Bool = true) throws -> Claim {
        let live: Int64?
        let merged: Int64?
        if let uid = UID(reference.trimmed()) {
            // A merged claim's uid finds the claim it joined; the claim's own uid is its own.
            let found = try self.id(of: .claim, uid: uid)
            let own = try self.uid(of: .claim, id: found) == uid
            live = own ? found : nil
            merged = own ? nil : found
        } else if let number = Reference.id(in: reference) {
            live = try claim(id: number) != nil ? number : nil
            merged = live == nil ? try mergedClaimID(id: number) : nil
        } else {
            let normalized = TextKey.fold(reference)
            live = try claimID(normalized: normalized)
            merged = live == nil ? try mergedClaimID(normalized: normalized) : nil
        }
        if let merged, !followingMerges {
            let named = Reference.id(in: reference).map { "claim #\($0)" } ?? "“\(reference)”"
            throw ClaimTrailError.invalid("\(named) was merged into claim #\(merged); name claim #\(merged) itself")
        }
        guard let id = live ?? merged, let claim = try claim(id: id) else {
            guard Reference.id(in: reference) == nil else {
                throw ClaimTrailError.notFound("no claim \(reference.hasPrefix("#") ? reference : "#" + reference)")
            }
            throw try unknownClaim(reference)
        }
        return claim
    }

    /// The error for a text that is no claim's: it lists the claims a search finds by its words,
    /// so "largest audience" leads to the claim worded in full.
    private func unknownClaim(_ text: String) throws -> ClaimTrailError {
        let closest = try closestClaims(to: text)
        guard !closest.isEmpty else { return .notFound("no claim “\(text)”") }
        let listed = closest.map { "#\($0.id) “\(Self.shortened($0.text))”" }.joined(separator: "; ")
        return .notFound("no claim “\(text)”; closest: \(listed)")
    }

    /// A claim's text cut to a readable length for a one-line message.
    private static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        return scalars.count <= 80 ? text : String(String.UnicodeScalarView(scalars.prefix(79))) + "…"
    }

    private func mergedClaimID(id: Int64) throws -> Int64? {
        try database.cached("SELECT into_id FROM claim_merge WHERE merged_id = ?").first([id]) { $0.int64(0) }
    }

    private func mergedClaimID(normalized: String) throws -> Int64? {
        try database.cached("SELECT into_id FROM claim_merge WHERE normalized = ?").first([normalized]) { $0.int64(0) }
    }

    func claimID(normalized: String) throws -> Int64? {
        try database.cached("SELECT id FROM claim WHERE normalized = ?").first([normalized]) { $0.int64(0) }
    }

    /// Records that `from` contradicts or supports `to`.
    /// - Returns: the relation's id, and whether it was new.
    public func addRelation(
        from: Int64,
        to: Int64,
        kind: RelationKind,
        sourceID: Int64? = nil,
        uid: UID? = nil
    ) throws -> (id: Int64, created: Bool) {
        for id in [from, to] where try claim(id: id) == nil {
            throw ClaimTrailError.notFound("no claim #\(id)")
        }
        guard from != to else {
            throw ClaimTrailError.invalid(
                "a claim cannot \(kind.rawValue == "contradicts" ? "contradict" : "support") itself"
            )
        }
        if let sourceID, try source(id: sourceID) == nil { throw ClaimTrailError.notFound("no source #\(sourceID)") }
        if let existing = try database.cached(
            """
            SELECT id FROM claim_relation WHERE from_claim_id = ? AND to_claim_id = ? AND kind = ?
            """
        ).first([from, to, kind.rawValue], { $0.int64(0) }) {
            return (existing, false)
        }
        try database.execute(
            "INSERT INTO claim_relation (from_claim_id, to_claim_id, kind, source_id, uid) VALUES (?, ?, ?, ?, ?)",
            [from, to, kind.rawValue, sourceID, (uid ?? UID.make()).text]
        )
        return (database.lastInsertRowID, true)
    }
}
