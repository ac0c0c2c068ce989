/// A contested claim with the numbers that say how contested it is.
public struct ContestedClaim: Codable, Equatable, Sendable {
    public var id: Int64
    /// The claim's text; named as the CSV column, so JSON and CSV agree.
    public var claim: String
    public var topic: String?
    /// Distinct voices asserting it. An unattributed statement counts as its source's own voice.
    public var asserting: Int
    /// Distinct voices denying or questioning it, or asserting a claim that contradicts it.
    public var disputing: Int
    public var counterClaims: Int
    public var sources: Int
    public var firstSeen: String?
    public var lastSeen: String?
    /// Attributions with no date (neither said on a day nor in a dated source), which first and
    /// last seen cannot place: counted, so that an empty first_seen does not read as "no data".
    public var undatedAttributions: Int
    /// First-hand statements behind the claim: `sources` with relays folded into their origin
    /// (see `ClaimOrigins`).
    public var independentOrigins: Int
    /// Sources carrying the claim that their publishers retracted (`source retract`).
    public var retractedSources: Int
    /// First-hand statements denying the claim, beside its origins; last, so that the CSV's
    /// columns before it keep their places.
    public var firstHandDenials: Int
}

extension ClaimStore {
    /// Contested claims, most disputed first: by disputing voices, then counter-claims,
    /// then asserting voices, then sources. Reads the counters kept by triggers, in index order.
    /// `limit` nil lists them all; `offset` skips that many, for paging. `status` and `assignee` keep
    /// those claims only, the assignee matched folded as in `queue` ("ANA" finds ana's).
    ///
    /// Each count is a subquery of its own (`LIMIT -1` keeps SQLite from folding it into the count):
    /// so, when the tables are TEMP views of the past (`--as-of`, `PastState`), each view is searched
    /// by the claim's id through its tables' indexes, not scanned whole for every claim (25 s at 1M).
    public func contestedClaims(
        topic: String? = nil,
        status: VerificationStatus? = nil,
        assignee: String? = nil,
        limit: Int? = 50,
        offset: Int = 0
    ) throws -> [ContestedClaim] {
        let topic = try Reference.filter(topic, "topic")
        let assignees = try Reference.filter(assignee, "assignee").map(heldBy)
        return try database.cached(
            """
            SELECT c.id, c.text, c.topic, s.asserting, s.disputing, s.counter_claims, s.sources, s.first_seen,
                   s.last_seen, (SELECT count(*) FROM (SELECT 1 FROM attribution
                                 WHERE claim_id = c.id AND (seen_on IS NULL) = 1 AND state = 'accepted' LIMIT -1)),
                   \(ClaimOrigins.count(of: "c.id", keptApart: true)),
                   (SELECT count(*) FROM (SELECT 1 FROM claim_source cs WHERE cs.claim_id = c.id
                        AND cs.source_id IN (SELECT id FROM source WHERE retracted_on IS NOT NULL) LIMIT -1)),
                   \(ClaimOrigins.denials(of: "c.id", keptApart: true))
            FROM claim_stats s INDEXED BY claim_stats_contested
            JOIN claim c ON c.id = s.claim_id
            WHERE \(ContestRule.condition) AND (?1 IS NULL OR c.topic = ?1 COLLATE NOCASE)
              AND (?4 IS NULL OR c.status = ?4) AND (?5 IS NULL OR c.assignee IN (SELECT value FROM json_each(?5)))
            ORDER BY s.disputing DESC, s.counter_claims DESC, s.asserting DESC, s.sources DESC, s.claim_id
            LIMIT ?2 OFFSET ?3
            """
        ).map([topic, RowLimit.sql(limit), max(offset, 0), status?.rawValue, assignees]) { row in
            ContestedClaim(
                id: row.int64(0),
                claim: row.string(1),
                topic: row.text(2),
                asserting: row.int(3),
                disputing: row.int(4),
                counterClaims: row.int(5),
                sources: row.int(6),
                firstSeen: row.text(7),
                lastSeen: row.text(8),
                undatedAttributions: row.int(9),
                independentOrigins: row.int(10),
                retractedSources: row.int(11),
                firstHandDenials: row.int(12)
            )
        }
    }
}
