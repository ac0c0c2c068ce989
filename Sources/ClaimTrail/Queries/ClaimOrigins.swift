/// How many independent first-hand statements assert a claim, and how the rest were relayed from
/// them: "reported by 14 outlets" is often one wire story relayed 13 times.
///
/// An origin is an accepted attribution that asserts the claim and is relayed through no other
/// (`via` empty): the question a fact-checker asks is how many independent sources assert it. A
/// first-hand denial is no origin of the claim; denials are counted beside the origins instead.
/// Every relay hangs from the origin its `via` chain reaches back to, so a relay of a relay counts
/// once. Everything is computed at read time from the `via` links, so merges and deletes, however
/// they are made, never leave a kept root stale.
public struct ClaimOrigins: Codable, Equatable, Sendable {
    public var claimID: Int64
    public var claim: String
    /// Distinct sources carrying the claim (the trigger-kept count of `contested`).
    public var sources: Int
    /// First-hand statements asserting the claim: what `sources` shrinks to once relays are folded
    /// into their origin.
    public var independentOrigins: Int
    /// First-hand statements denying the claim, shown beside its origins.
    public var firstHandDenials: Int
    /// The earliest origins, in timeline order (all of them when not limited), each with its relays.
    public var origins: [Node]
    /// Origins that are likely one statement: the same speaker, the same day and the same quote in
    /// different sources, none relayed through another. Flagged, not merged: only an editor knows.
    /// Each group holds one of the origins shown and its twins among all the claim's origins.
    public var likelyOneOrigin: [[Int64]]
    /// Relay chains that come back to a source they already passed through.
    public var circularCitations: [CircularCitation]

    /// An attribution in the tree: an origin, or a relay with the relays made from it.
    public struct Node: Codable, Equatable, Sendable {
        public var attributionID: Int64
        public var speaker: String?
        public var sourceID: Int64
        public var source: String
        public var date: String?
        public var quote: String?
        public var relays: [Node]
    }
}

extension ClaimOrigins {
    /// The counts side by side, as every report words them: "Sources: 14, independent origins: 2,
    /// first-hand denials: 1". Plain text: HTML needs no escaping of numbers.
    public static func counts(_ sources: Int, _ independentOrigins: Int, _ firstHandDenials: Int) -> String {
        "Sources: \(sources), independent origins: \(independentOrigins), first-hand denials: \(firstHandDenials)"
    }

    /// SQL for the number of independent origins of the claim whose id is the expression `claim`;
    /// one definition for every report that shows it.
    ///
    /// Origins are the claim's asserting attributions (the trigger-kept count) less its asserting
    /// relays, read at query time: relays are the few (a twentieth of a generated store), so
    /// counting them reads a short stretch of the relays' index, where counting the first-hand
    /// rows read all of a busy claim's (83,000 at 1M: 4 ms, on every view of its page).
    /// - Parameter keptApart: counted in a subquery of its own, for a query that may read the TEMP
    ///   views of `--as-of` (see `contestedClaims`).
    static func count(of claim: String, keptApart: Bool = false) -> String {
        firstHand(.asserts, of: claim, keptApart: keptApart)
    }

    /// SQL for the number of first-hand denials of the claim whose id is the expression `claim`,
    /// counted as its origins are (`count`), shown beside them.
    static func denials(of claim: String, keptApart: Bool = false) -> String {
        firstHand(.denies, of: claim, keptApart: keptApart)
    }

    /// The claim's accepted attributions with `stance` (a `claim_stats` counter, named by the
    /// stance) less its relays with that stance, counted in the relays' index, which holds each
    /// relay's stance (schema 027) so that no relay's row is read. A claim with no attribution of
    /// the stance has none first-hand, which the counter says alone.
    private static func firstHand(_ stance: Stance, of claim: String, keptApart: Bool) -> String {
        let column = "s.\(stance.rawValue)"
        let relays = """
            FROM attribution WHERE claim_id = \(claim) AND via_id IS NOT NULL AND state = 'accepted'
                AND stance = '\(stance.rawValue)'
            """
        let count = keptApart ? "(SELECT count(*) FROM (SELECT 1 \(relays) LIMIT -1))" : "(SELECT count(*) \(relays))"
        return """
            coalesce((SELECT CASE WHEN \(column) = 0 THEN 0 ELSE \(column) - \(count) END
                      FROM claim_stats s WHERE s.claim_id = \(claim)), 0)
            """
    }
}

/// A relay chain that cites its way back to a source it started from: A cites B, which cites A.
public struct CircularCitation: Codable, Equatable, Sendable {
    public var claimID: Int64
    /// The relay that closes the circle.
    public var attributionID: Int64
    /// The sources from that relay up its `via` chain, ending with the repeated one.
    public var sources: [String]

    /// One line for `check` and `origins`: "claim #3: A ← B ← A (attribution #9)".
    public var line: String {
        "circular citation in claim #\(claimID): \(sources.joined(separator: " ← ")) (attribution #\(attributionID))"
    }
}

extension ClaimStore {
    /// The claim's origins, the first `limit` of them (all when nil) with their relays as a tree.
    public func origins(of reference: String, limit: Int? = nil) throws -> ClaimOrigins {
        try read {
            let claim = try resolveClaim(reference)
            let counts = try originCounts(claimID: claim.id)
            return ClaimOrigins(
                claimID: claim.id,
                claim: claim.text,
                sources: counts.sources,
                independentOrigins: counts.independentOrigins,
                firstHandDenials: counts.firstHandDenials,
                origins: try originTrees(claimID: claim.id, limit: limit),
                likelyOneOrigin: try likelyOneOrigin(claimID: claim.id, limit: limit),
                circularCitations: try circularCitations(claimID: claim.id)
            )
        }
    }

    /// Distinct sources, independent origins and first-hand denials of claim `id`, side by side as
    /// every report shows them.
    public func originCounts(claimID id: Int64) throws -> (sources: Int, independentOrigins: Int, firstHandDenials: Int)
    {
        try database.cached(
            """
            SELECT coalesce((SELECT sources FROM claim_stats WHERE claim_id = ?1), 0),
                   \(ClaimOrigins.count(of: "?1")), \(ClaimOrigins.denials(of: "?1"))
            """
        ).first([id]) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
    }

    /// The first `limit` origins in timeline order, and below each, one recursive query down the
    /// `via` index gathers every relay. Walking down from an origin cannot loop: each attribution
    /// has one `via`, so an attribution on a loop is never a relay of one off it.
    private func originTrees(claimID: Int64, limit: Int?) throws -> [ClaimOrigins.Node] {
        let rows = try database.prepare(
            """
            WITH RECURSIVE \(Self.shownOrigins), tree(id, parent, depth) AS (
                SELECT id, NULL, 0 FROM root
                UNION ALL
                SELECT a.id, a.via_id, t.depth + 1 FROM tree t JOIN attribution a ON a.via_id = t.id
                WHERE a.state = 'accepted' AND t.depth < 64
            )
            SELECT t.id, t.parent, sp.name, s.id, coalesce(s.outlet, s.title), coalesce(a.said_on, s.published),
                   a.quote
            FROM tree t JOIN attribution a ON a.id = t.id JOIN source s ON s.id = a.source_id
            LEFT JOIN speaker sp ON sp.id = a.speaker_id
            ORDER BY t.depth, a.seen_on IS NULL, a.seen_on, a.id
            """
        ).map([claimID, RowLimit.sql(limit)]) { row in
            (
                parent: row.optionalInt64(1),
                node: ClaimOrigins.Node(
                    attributionID: row.int64(0),
                    speaker: row.text(2),
                    sourceID: row.int64(3),
                    source: row.string(4),
                    date: row.text(5),
                    quote: row.text(6),
                    relays: []
                )
            )
        }
        // Rows come shallowest first: attach each to its parent by id, then build bottom up.
        var children: [Int64: [ClaimOrigins.Node]] = [:]
        var roots: [ClaimOrigins.Node] = []
        func assembled(_ node: ClaimOrigins.Node) -> ClaimOrigins.Node {
            var node = node
            node.relays = (children.removeValue(forKey: node.attributionID) ?? []).map(assembled)
            return node
        }
        for (parent, node) in rows {
            if let parent { children[parent, default: []].append(node) } else { roots.append(node) }
        }
        return roots.map(assembled)
    }

    /// The first `?2` origins of claim `?1` (first-hand, asserting it) in timeline order, as the CTE `root`.
    private static let shownOrigins = """
        root(id) AS (
            SELECT id FROM attribution INDEXED BY attribution_claim_timeline
            WHERE claim_id = ?1 AND via_id IS NULL AND state = 'accepted' AND stance = 'asserts'
            ORDER BY seen_on IS NULL, seen_on, id LIMIT ?2
        )
        """

    /// Each shown origin with its twins: other origins of the claim with the same speaker, day
    /// and quote in another source. One probe of the first-hand index per origin shown, so the
    /// busiest claim costs no more than a quiet one; groups come by first id, each once.
    private func likelyOneOrigin(claimID: Int64, limit: Int?) throws -> [[Int64]] {
        let pairs = try database.prepare(
            """
            WITH \(Self.shownOrigins)
            SELECT r.id, t.id FROM root JOIN attribution r ON r.id = root.id
            JOIN attribution t ON t.claim_id = ?1 AND t.via_id IS NULL AND t.state = 'accepted' AND t.stance = 'asserts'
             AND t.speaker_id = r.speaker_id AND t.seen_on >= substr(r.seen_on, 1, 10)
             AND t.seen_on < substr(r.seen_on, 1, 10) || 'U' AND t.quote = r.quote AND t.source_id <> r.source_id
            """
        ).map([claimID, RowLimit.sql(limit)]) { ($0.int64(0), $0.int64(1)) }
        let groups = Dictionary(grouping: pairs, by: \.0).map { origin, twins in
            Set([origin] + twins.map(\.1)).sorted()
        }
        return Set(groups).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Relay chains of claim `id` (every claim when nil) that return to a source they left: walking
    /// up from each relay, a source seen earlier in the chain, but not the hop just before (a source
    /// quoting itself), closes a circle. Only the relay whose own source repeats is reported, so one
    /// circle is one line however many relays hang below it.
    ///
    /// A circle has a relay above its start (the hop just before cannot close it), so the walk
    /// starts only from relays of relays: the others, nearly all of a busy claim's relays, are
    /// passed over by one set lookup each instead of walked up (at 1M attributions, the busiest
    /// claim's 3,992 relays took 15–25 ms of CPU in sqlite3, the set lookups 3 ms). A `via` names
    /// an accepted attribution when made, and an accepted one with relays cannot be deleted.
    public func circularCitations(claimID: Int64? = nil) throws -> [CircularCitation] {
        let (startOfClaim, relayOfClaim) = claimID == nil ? ("", "") : ("AND a.claim_id = ?1", "AND claim_id = ?1")
        let found = try database.prepare(
            """
            WITH RECURSIVE up(start, claim, at, first, last, path, ids, depth, closed) AS (
                SELECT a.id, a.claim_id, a.via_id, a.source_id, a.source_id, ',' || a.source_id || ',',
                       ',' || a.id || ',', 0, 0
                FROM attribution a
                WHERE a.via_id IS NOT NULL AND a.state = 'accepted' \(startOfClaim)
                  AND a.via_id IN (SELECT id FROM attribution
                                   WHERE via_id IS NOT NULL AND state = 'accepted' \(relayOfClaim))
                UNION ALL
                SELECT u.start, u.claim, v.via_id, u.first, v.source_id,
                       iif(v.source_id = u.last, u.path, u.path || v.source_id || ','),
                       u.ids || v.id || ',', u.depth + 1,
                       v.source_id <> u.last AND instr(u.path, ',' || v.source_id || ',') > 0
                FROM up u JOIN attribution v ON v.id = u.at
                WHERE NOT u.closed AND u.depth < 64 AND instr(u.ids, ',' || v.id || ',') = 0
            )
            SELECT claim, start, path FROM up WHERE closed AND last = first ORDER BY claim, start
            """
        ).map(claimID.map { [$0] as [any StatementArgument] } ?? []) { row in
            (row.int64(0), row.int64(1), row.string(2).split(separator: ",").compactMap { Int64($0) })
        }
        let label = try database.cached("SELECT coalesce(outlet, title) FROM source WHERE id = ?")
        return try found.map { claim, start, path in
            CircularCitation(
                claimID: claim,
                attributionID: start,
                sources: try path.map { try label.first([$0]) { $0.string(0) } ?? "source #\($0)" }
            )
        }
    }
}
