/// Everything known about one claim: who said it, where and when, through whom,
/// and which claims dispute it or are disputed by it.
public struct ClaimTrace: Codable, Equatable, Sendable {
    public var claim: Claim
    public var contested: Bool
    /// The claim's attributions in time order, undated ones last; the first page when limited.
    /// Named as in a speaker's trace, so both traces read alike.
    public var attributions: [ProvenanceRow]
    /// How many attributions the claim has in all.
    public var totalAttributions: Int
    /// Claims that contradict this one, each with its own attributions.
    public var counterClaims: [RelatedClaim]
    /// Claims this one contradicts.
    public var contradicts: [RelatedClaim]
    /// Claims that support this one.
    public var supportedBy: [RelatedClaim]
    /// Corrections and deletions of the claim and its attributions, oldest first.
    public var history: [Change]
    /// The earliest source carrying the claim, by published date (nil when no source is dated).
    public var firstAppearance: Appearance?
    /// How the claim spread: the sources carrying it on each publication day, earliest first.
    public var spread: [Appearance]
    /// Sources carrying the claim with no published date, which the spread cannot place: they are
    /// counted here rather than silently left out.
    public var undatedSourceIDs: [Int64]
    /// Attributions with no date at all (neither when said nor when published), listed last.
    public var undatedAttributions: Int
    /// Where the claim stands in verification, who holds it, and the desk's notes on it.
    public var status: VerificationStatus
    public var assignee: String?
    public var notes: [ClaimNote]
    /// Distinct sources carrying the claim, and the first-hand statements they come down to once
    /// relays are folded into their origin (see `ClaimOrigins`).
    public var sources: Int
    public var independentOrigins: Int

    /// A source's appearance in the claim's story.
    public struct Appearance: Codable, Equatable, Sendable {
        public var day: String
        public var sourceIDs: [Int64]
        public var titles: [String]
    }
}

/// A claim linked to the traced one, with its attributions and the source that links them.
public struct RelatedClaim: Codable, Equatable, Sendable {
    public var claim: Claim
    public var relationSourceID: Int64?
    public var attributions: [ProvenanceRow]
}

extension ClaimStore {
    /// - Parameter limit: at most this many attributions per claim (the earliest), or all when nil.
    /// - Parameter includeProposed: also show proposals waiting for review, marked as such.
    public func traceClaim(_ reference: String, limit: Int? = nil, includeProposed: Bool = false) throws -> ClaimTrace {
        try read { try traceClaim(try resolveClaim(reference), limit: limit, includeProposed: includeProposed) }
    }

    private func traceClaim(_ claim: Claim, limit: Int?, includeProposed: Bool) throws -> ClaimTrace {
        let provenance = ProvenanceQuery(store: self, includesProposed: includeProposed)
        let attributions = try provenance.rows(.claim(claim.id), limit: limit)
        let spread = Self.spread(of: attributions)
        let counts = try originCounts(claimID: claim.id)
        let contested =
            try database.prepare("SELECT \(ContestRule.isContested("?1"))")
            .first([claim.id]) { $0.bool(0) } ?? false
        return ClaimTrace(
            claim: claim,
            contested: contested,
            attributions: attributions,
            totalAttributions: try attributionCount(claimID: claim.id),
            counterClaims: try related(to: claim.id, kind: .contradicts, incoming: true, limit: limit, provenance),
            contradicts: try related(to: claim.id, kind: .contradicts, incoming: false, limit: limit, provenance),
            supportedBy: try related(to: claim.id, kind: .supports, incoming: true, limit: limit, provenance),
            history: try history(claimID: claim.id),
            firstAppearance: spread.first.map {
                .init(day: $0.day, sourceIDs: [$0.sourceIDs[0]], titles: [$0.titles[0]])
            },
            spread: spread,
            undatedSourceIDs: Array(Set(attributions.filter { $0.published == nil }.map(\.sourceID))).sorted(),
            undatedAttributions: attributions.count { $0.date == nil },
            status: try status(of: claim.id) ?? .unchecked,
            assignee: try database.cached("SELECT assignee FROM claim WHERE id = ?").first([claim.id]) { $0.text(0) }
                ?? nil,
            notes: try notes(claimID: claim.id),
            sources: counts.sources,
            independentOrigins: counts.independentOrigins
        )
    }

    /// Distinct dated sources per publication day, earliest day first.
    static func spread(of rows: [ProvenanceRow]) -> [ClaimTrace.Appearance] {
        var days: [String: [(Int64, String)]] = [:]
        for row in rows {
            guard let day = row.published, !(days[day]?.contains { $0.0 == row.sourceID } ?? false) else { continue }
            days[day, default: []].append((row.sourceID, row.sourceTitle))
        }
        return days.sorted { $0.key < $1.key }.map { day, sources in
            let sources = sources.sorted { $0.0 < $1.0 }
            return .init(day: day, sourceIDs: sources.map(\.0), titles: sources.map(\.1))
        }
    }

    /// What a claim trace's CSV holds, to stream rather than build: the claim's attributions,
    /// then each counter-claim's; and how many attributions the claim has in all.
    public func claimTraceRows(_ reference: String) throws -> (scope: ProvenanceQuery.Scope, total: Int) {
        let id = try resolveClaim(reference).id
        let counterClaims = try links(to: id, kind: .contradicts, incoming: true).map(\.claimID)
        return (.claims([id] + counterClaims), try attributionCount(claimID: id))
    }

    private func attributionCount(claimID: Int64) throws -> Int {
        try database.cached("SELECT attributions FROM claim_stats WHERE claim_id = ?").first([claimID]) { $0.int(0) }
            ?? 0
    }

    private func related(
        to id: Int64,
        kind: RelationKind,
        incoming: Bool,
        limit: Int?,
        _ provenance: ProvenanceQuery
    ) throws -> [RelatedClaim] {
        // Within one read a linked claim is always there (foreign keys); a damaged store that
        // lacks it shows the link as absent rather than failing the whole trace.
        try links(to: id, kind: kind, incoming: incoming).compactMap { other, sourceID in
            try claim(id: other).map { claim in
                RelatedClaim(
                    claim: claim,
                    relationSourceID: sourceID,
                    attributions: try provenance.rows(.claim(other), limit: limit)
                )
            }
        }
    }

    /// The claims linked to claim `id` by relations of `kind`, by id, with the source of each link.
    private func links(to id: Int64, kind: RelationKind, incoming: Bool) throws -> [(claimID: Int64, sourceID: Int64?)]
    {
        let (mine, theirs) = incoming ? ("to_claim_id", "from_claim_id") : ("from_claim_id", "to_claim_id")
        return try database.cached(
            """
            SELECT \(theirs), source_id FROM claim_relation WHERE \(mine) = ? AND kind = ? ORDER BY \(theirs)
            """
        ).map([id, kind.rawValue]) { ($0.int64(0), $0.optionalInt64(1)) }
    }
}
