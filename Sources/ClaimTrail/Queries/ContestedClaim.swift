/// A contested claim with the numbers that say how contested it is.
public struct ContestedClaim: Codable, Equatable, Sendable {
    public var id: Int64
    public var text: String
    public var topic: String?
    /// Distinct voices asserting it. An unattributed statement counts as its source's own voice.
    public var asserting: Int
    /// Distinct voices denying or questioning it, or asserting a claim that contradicts it.
    public var disputing: Int
    public var counterClaims: Int
    public var sources: Int
    public var firstSeen: String?
    public var lastSeen: String?
}

extension ClaimStore {
    /// Contested claims, most disputed first: by disputing voices, then counter-claims,
    /// then asserting voices, then sources.
    public func contestedClaims(topic: String? = nil, limit: Int = 50) throws -> [ContestedClaim] {
        try database.cached("""
            WITH voice AS (
                SELECT a.claim_id, a.stance, a.source_id, COALESCE(a.speaker_id, -a.source_id) AS voice,
                       COALESCE(a.said_on, s.published) AS seen
                FROM attribution a JOIN source s ON s.id = a.source_id
            ),
            disputer AS (
                SELECT claim_id, voice FROM voice WHERE stance IN ('denies', 'questions')
                UNION
                SELECT r.to_claim_id, v.voice FROM claim_relation r
                JOIN voice v ON v.claim_id = r.from_claim_id AND v.stance = 'asserts'
                WHERE r.kind = 'contradicts'
            )
            SELECT c.id, c.text, c.topic,
                   (SELECT COUNT(DISTINCT voice) FROM voice WHERE claim_id = c.id AND stance = 'asserts') AS asserting,
                   (SELECT COUNT(*) FROM disputer WHERE claim_id = c.id) AS disputing,
                   (SELECT COUNT(*) FROM claim_relation WHERE to_claim_id = c.id AND kind = 'contradicts') AS counters,
                   (SELECT COUNT(DISTINCT source_id) FROM voice WHERE claim_id = c.id) AS sources,
                   (SELECT MIN(seen) FROM voice WHERE claim_id = c.id),
                   (SELECT MAX(seen) FROM voice WHERE claim_id = c.id)
            FROM claim c
            WHERE (?1 IS NULL OR c.topic = ?1 COLLATE NOCASE) AND \(ContestRule.isContested("c.id"))
            ORDER BY disputing DESC, counters DESC, asserting DESC, sources DESC, c.id
            LIMIT ?2
            """).map([Reference.clean(topic), max(limit, 0)]) { row in
            ContestedClaim(id: row.int64(0), text: row.string(1), topic: row.text(2), asserting: row.int(3),
                           disputing: row.int(4), counterClaims: row.int(5), sources: row.int(6),
                           firstSeen: row.text(7), lastSeen: row.text(8))
        }
    }
}
