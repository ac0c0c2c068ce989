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
    /// Distinct sources carrying the claim, and the first-hand statements asserting it they come
    /// down to once relays are folded into their origin (see `ClaimOrigins`), with the first-hand
    /// denials beside them.
    public var sources: Int
    public var independentOrigins: Int
    public var firstHandDenials: Int

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

/// What a trace's header says of the rows it shows (spread, undated sources and rows), gathered
/// row by row, so that a trace written as it is read can say it without holding the rows.
struct TraceTally {
    /// Per publication day, the sources carrying the claim that day, by id.
    private var days: [String: [Int64: String]] = [:]
    private var undatedSources: Set<Int64> = []
    private var undatedRows = 0

    mutating func add(_ row: ProvenanceRow) {
        add(sourceID: row.sourceID, title: row.sourceTitle, published: row.published, dated: row.date != nil)
    }

    /// A row of `ProvenanceQuery`'s, tallied without making it a `ProvenanceRow`.
    mutating func add(_ record: ProvenanceRecord) {
        let published = record.source.published
        let dated = published != nil || !record.columns.isNull(ProvenanceRecord.Column.saidOn.rawValue)
        add(sourceID: record.sourceID, title: record.source.title, published: published, dated: dated)
    }

    /// - Parameter dated: whether the row has a date (`ProvenanceRow.date`): said on, else published.
    private mutating func add(sourceID: Int64, title: String, published: String?, dated: Bool) {
        if let day = published {
            if days[day]?[sourceID] == nil { days[day, default: [:]][sourceID] = title }
        } else {
            undatedSources.insert(sourceID)
        }
        if !dated { undatedRows += 1 }
    }

    /// Sets what the rows say: the first appearance, the spread (distinct dated sources per
    /// publication day, earliest day first), the undated sources and rows.
    func apply(to trace: inout ClaimTrace) {
        trace.spread = days.sorted { $0.key < $1.key }.map { day, sources in
            let sources = sources.sorted { $0.key < $1.key }
            return .init(day: day, sourceIDs: sources.map(\.key), titles: sources.map(\.value))
        }
        trace.firstAppearance = trace.spread.first.map {
            .init(day: $0.day, sourceIDs: [$0.sourceIDs[0]], titles: [$0.titles[0]])
        }
        trace.undatedSourceIDs = undatedSources.sorted()
        trace.undatedAttributions = undatedRows
    }
}

extension ClaimStore {
    /// - Parameter limit: at most this many attributions per claim (the earliest), or all when nil.
    /// - Parameter includeProposed: also show proposals waiting for review, marked as such.
    /// - Parameter offset: the claim's own attributions start after this many (a later page of
    ///   its timeline); the spread and the undated counts are then of that page.
    public func traceClaim(
        _ reference: String,
        limit: Int? = nil,
        offset: Int = 0,
        includeProposed: Bool = false
    ) throws -> ClaimTrace {
        try read {
            try traceClaim(try resolveClaim(reference), limit: limit, offset: offset, includeProposed: includeProposed)
        }
    }

    /// A claim's trace without its rows, for a report that streams them (`TraceReport`): every
    /// list of attributions is empty, and what the header says of the rows (spread, undated
    /// sources and rows) is read from the rows `query` reads within `limit`, each passed to `observe`
    /// as read (an observer that needs the `ProvenanceRow` makes it: the JSON trace only counts).
    func claimTraceOutline(
        _ claim: Claim,
        limit: Int?,
        query: ProvenanceQuery,
        observing observe: (ProvenanceRecord) throws -> Void
    ) throws -> ClaimTrace {
        var trace = try claimTraceFrame(claim, includeProposed: query.includesProposed)
        var tally = TraceTally()
        try query.forEachRecord(.claim(claim.id), limit: limit) { record in
            tally.add(record)
            try observe(record)
        }
        tally.apply(to: &trace)
        return trace
    }

    /// A claim's trace with every list of attributions empty and nothing yet said of its rows,
    /// for a report that reads them once and tallies them as it writes them (`TraceTally`).
    func claimTraceFrame(_ claim: Claim, includeProposed: Bool) throws -> ClaimTrace {
        try traceClaim(claim, limit: 0, offset: 0, includeProposed: includeProposed)
    }

    private func traceClaim(_ claim: Claim, limit: Int?, offset: Int, includeProposed: Bool) throws -> ClaimTrace {
        let provenance = ProvenanceQuery(store: self, includesProposed: includeProposed)
        let attributions = try provenance.rows(.claim(claim.id), limit: limit, offset: offset)
        let counts = try originCounts(claimID: claim.id)
        let contested =
            try database.cached("SELECT \(ContestRule.isContested("?1"))")
            .first([claim.id]) { $0.bool(0) } ?? false
        var trace = ClaimTrace(
            claim: claim,
            contested: contested,
            attributions: attributions,
            totalAttributions: try attributionCount(claimID: claim.id),
            counterClaims: try related(to: claim.id, kind: .contradicts, incoming: true, limit: limit, provenance),
            contradicts: try related(to: claim.id, kind: .contradicts, incoming: false, limit: limit, provenance),
            supportedBy: try related(to: claim.id, kind: .supports, incoming: true, limit: limit, provenance),
            history: try history(claimID: claim.id),
            firstAppearance: nil,
            spread: [],
            undatedSourceIDs: [],
            undatedAttributions: 0,
            status: try status(of: claim.id) ?? .unchecked,
            assignee: try database.cached("SELECT assignee FROM claim WHERE id = ?").first([claim.id]) { $0.text(0) }
                ?? nil,
            notes: try notes(claimID: claim.id),
            sources: counts.sources,
            independentOrigins: counts.independentOrigins,
            firstHandDenials: counts.firstHandDenials
        )
        var tally = TraceTally()
        for row in attributions { tally.add(row) }
        tally.apply(to: &trace)
        return trace
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
