/// Reads provenance rows, streaming them one at a time so memory stays flat however large the store.
public struct ProvenanceQuery {
    /// Which attributions to read.
    public enum Scope: Sendable {
        case all
        case claim(Int64)
        case speaker(Int64)
        case source(Int64)
        /// Several claims, in the order given.
        case claims([Int64])
    }

    let store: ClaimStore
    /// Whether proposals waiting for review are read too (`trace claim --include-proposed`).
    /// Rejected ones never are.
    var includesProposed = false

    /// A proposal whose speaker is not linked yet shows the name the extractor found.
    private static let columns = """
        SELECT c.id, c.text, c.topic, a.id, a.stance, a.speaker_id,
               coalesce(sp.name, CASE WHEN a.state = 'proposed'
                                      THEN (SELECT speaker FROM attribution_proposal WHERE attribution_id = a.id) END),
               sp.kind, sp.role, a.mode, a.cue, a.quote,
               s.id, s.title, s.outlet, s.author, s.url, s.published, a.said_on, a.via_id,
               a.recorded_at, a.recorded_by, a.state, s.retracted_on
        FROM attribution a
        JOIN claim c ON c.id = a.claim_id
        JOIN source s ON s.id = a.source_id
        LEFT JOIN speaker sp ON sp.id = a.speaker_id
        """

    /// Calls `body` with each row of `scope`: for a claim or a speaker in timeline order (dated
    /// first, by day, then as recorded); for the whole store claim by claim, each in timeline
    /// order; for a source by claim, then as recorded. `limit` stops after that many rows, and
    /// for several claims after that many of each.
    ///
    /// Whole-store and per-claim orders are read straight from the timeline index: a sort would
    /// hold the busiest claim's rows in memory, and those grow with the store.
    public func forEach(_ scope: Scope, limit: Int? = nil, _ body: (ProvenanceRow) throws -> Void) throws {
        let filter: String
        let arguments: [any StatementArgument]
        let timeline = "a.seen_on IS NULL, a.seen_on, a.id"
        // Only accepted attributions are reported: proposals wait for review (see AttributionState).
        let accepted = includesProposed ? "a.state IN ('accepted', 'proposed')" : "a.state = 'accepted'"
        switch scope {
        case .all: (filter, arguments) = ("WHERE \(accepted) ORDER BY a.claim_id, \(timeline)", [])
        case .claim(let id): (filter, arguments) = ("WHERE a.claim_id = ? AND \(accepted) ORDER BY \(timeline)", [id])
        case .speaker(let id):
            (filter, arguments) = ("WHERE a.speaker_id = ? AND \(accepted) ORDER BY \(timeline)", [id])
        case .source(let id):
            (filter, arguments) = ("WHERE a.source_id = ? AND \(accepted) ORDER BY a.claim_id, a.id", [id])
        case .claims(let ids):
            for id in ids { try forEach(.claim(id), limit: limit, body) }
            return
        }
        // A statement of its own, not the shared cache: the via-chain lookups run while it steps.
        let statement = try store.database.prepare("\(Self.columns) \(filter) LIMIT ?")
        let chains = ViaChainResolver(database: store.database)
        // Rows come grouped by claim: what is true of the claim is looked up once per claim.
        var claim: ClaimStanding?
        try statement.forEach(arguments + [RowLimit.sql(limit)]) { row in
            let claimID = row.int64(0)
            // The standing already read while the rows are still this claim's; else this claim's.
            let standing = try claim.flatMap { $0.id == claimID ? $0 : nil } ?? claimStanding(claimID)
            claim = standing
            let viaID = row.optionalInt64(19)
            let speaker = row.text(6)
            try body(
                ProvenanceRow(
                    claimID: claimID,
                    claim: row.string(1),
                    topic: row.text(2),
                    contested: standing.contested,
                    counterClaimIDs: standing.counterClaimIDs,
                    supportedByClaimIDs: standing.supportedByClaimIDs,
                    attributionID: row.int64(3),
                    stance: Stance(rawValue: row.string(4)) ?? .asserts,
                    speakerID: row.optionalInt64(5),
                    speaker: speaker,
                    speakerKind: row.text(7).flatMap(SpeakerKind.init(rawValue:)),
                    speakerRole: row.text(8),
                    mode: Mode(rawValue: row.string(9)) ?? .indirect,
                    cue: row.text(10),
                    quote: row.text(11),
                    sourceID: row.int64(12),
                    sourceTitle: row.string(13),
                    sourceOutlet: row.text(14),
                    sourceAuthor: row.text(15),
                    sourceURL: row.text(16),
                    published: row.text(17),
                    saidOn: row.text(18),
                    viaID: viaID,
                    viaChain: try viaID.map { [speaker ?? ProvenanceRow.unattributed] + (try chains.chain(from: $0)) }
                        ?? [],
                    recordedAt: row.string(20),
                    recordedBy: row.string(21),
                    state: AttributionState(rawValue: row.string(22)) ?? .accepted,
                    status: standing.status,
                    assignee: standing.assignee,
                    sourceRetractedOn: row.text(23)
                )
            )
        }
    }

    /// What is true of a claim for each of its rows: whether it is contested, which claims
    /// counter and support it, and where it stands in verification.
    private struct ClaimStanding {
        var id: Int64
        var contested: Bool
        var counterClaimIDs: [Int64]
        var supportedByClaimIDs: [Int64]
        var status: VerificationStatus
        var assignee: String?
    }

    private func claimStanding(_ id: Int64) throws -> ClaimStanding {
        let ids = { (list: String?) in (list ?? "").split(separator: ";").compactMap { Int64($0) } }
        return try store.database.cached(
            """
            SELECT \(ContestRule.isContested("?1")), \(ContestRule.claimIDs(.contradicts, to: "?1")),
                   \(ContestRule.claimIDs(.supports, to: "?1")),
                   (SELECT status FROM claim WHERE id = ?1), (SELECT assignee FROM claim WHERE id = ?1)
            """
        ).first([id]) { row in
            ClaimStanding(
                id: id,
                contested: row.bool(0),
                counterClaimIDs: ids(row.text(1)),
                supportedByClaimIDs: ids(row.text(2)),
                status: row.text(3).flatMap(VerificationStatus.init(rawValue:)) ?? .unchecked,
                assignee: row.text(4)
            )
        }
            ?? ClaimStanding(
                id: id,
                contested: false,
                counterClaimIDs: [],
                supportedByClaimIDs: [],
                status: .unchecked,
                assignee: nil
            )
    }

    /// The rows of `scope`, for reports small enough to hold (one claim, one speaker), at most `limit`.
    public func rows(_ scope: Scope, limit: Int? = nil) throws -> [ProvenanceRow] {
        var rows: [ProvenanceRow] = []
        try forEach(scope, limit: limit) { rows.append($0) }
        return rows
    }
}

extension ClaimStore {
    public var provenance: ProvenanceQuery { ProvenanceQuery(store: self) }
}
