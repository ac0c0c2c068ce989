/// Everything known about one claim: who said it, where and when, through whom,
/// and which claims dispute it or are disputed by it.
public struct ClaimTrace: Codable, Equatable, Sendable {
    public var claim: Claim
    public var contested: Bool
    /// The claim's attributions in time order; undated ones last.
    public var timeline: [ProvenanceRow]
    /// Claims that contradict this one, each with its own attributions.
    public var counterClaims: [RelatedClaim]
    /// Claims this one contradicts.
    public var contradicts: [RelatedClaim]
    /// Claims that support this one.
    public var supportedBy: [RelatedClaim]
    /// Corrections and deletions of the claim and its attributions, oldest first.
    public var history: [Change]
}

/// A claim linked to the traced one, with its attributions and the source that links them.
public struct RelatedClaim: Codable, Equatable, Sendable {
    public var claim: Claim
    public var relationSourceID: Int64?
    public var attributions: [ProvenanceRow]
}

extension ClaimStore {
    public func traceClaim(_ reference: String) throws -> ClaimTrace {
        let claim = try resolveClaim(reference)
        let timeline = try provenance.rows(.claim(claim.id)).sorted(by: ProvenanceRow.timelineOrder)
        let contested = try database.prepare("SELECT \(ContestRule.isContested("?1"))")
            .first([claim.id]) { $0.bool(0) } ?? false
        return ClaimTrace(
            claim: claim, contested: contested, timeline: timeline,
            counterClaims: try related(to: claim.id, kind: .contradicts, incoming: true),
            contradicts: try related(to: claim.id, kind: .contradicts, incoming: false),
            supportedBy: try related(to: claim.id, kind: .supports, incoming: true),
            history: try history(claimID: claim.id))
    }

    private func related(to id: Int64, kind: RelationKind, incoming: Bool) throws -> [RelatedClaim] {
        let (mine, theirs) = incoming ? ("to_claim_id", "from_claim_id") : ("from_claim_id", "to_claim_id")
        let links = try database.cached("""
            SELECT \(theirs), source_id FROM claim_relation WHERE \(mine) = ? AND kind = ? ORDER BY \(theirs)
            """).map([id, kind.rawValue]) { ($0.int64(0), $0.optionalInt64(1)) }
        return try links.map { other, sourceID in
            RelatedClaim(claim: try claim(id: other)!, relationSourceID: sourceID,
                         attributions: try provenance.rows(.claim(other)).sorted(by: ProvenanceRow.timelineOrder))
        }
    }
}

extension ProvenanceRow {
    /// Dated rows first, oldest first; ties and undated rows in the order they were recorded.
    static func timelineOrder(_ a: ProvenanceRow, _ b: ProvenanceRow) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: a.attributionID < b.attributionID
        }
    }
}
