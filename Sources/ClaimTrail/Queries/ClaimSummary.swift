/// A claim as `claim list` gives it, with the counters `contested` ranks by.
public struct ClaimSummary: Codable, Equatable, Sendable, Tabular {
    public var id: Int64
    /// The claim's text; named as the CSV column, so JSON and CSV agree.
    public var claim: String
    public var topic: String?
    public var contested: Bool
    public var attributions: Int
    public var sources: Int
    public var firstSeen: String?
    public var lastSeen: String?
    /// Its stable id, for other stores and for published reports.
    public var uid: String?

    public static let columns = [
        "id", "claim", "topic", "contested", "attributions", "sources", "first_seen", "last_seen", "uid",
    ]

    public var cells: [String] {
        [
            String(id), claim, topic ?? "", String(contested), String(attributions), String(sources),
            firstSeen ?? "", lastSeen ?? "", uid ?? "",
        ]
    }
}

extension ClaimStore {
    /// Claims by id, of one topic (any case) or all.
    public func claims(topic: String? = nil, _ page: Page = Page()) throws -> Listing<ClaimSummary> {
        let topic = try Reference.filter(topic, "topic")
        let rows = try database.prepare(
            """
            SELECT c.id, c.text, c.topic, coalesce(\(ContestRule.condition), 0), coalesce(s.attributions, 0),
                   coalesce(s.sources, 0), s.first_seen, s.last_seen, c.uid
            FROM claim c LEFT JOIN claim_stats s ON s.claim_id = c.id
            WHERE c.proposed = 0 AND (?1 IS NULL OR c.topic = ?1 COLLATE NOCASE)
            ORDER BY c.id LIMIT ?2 OFFSET ?3
            """
        ).map([topic] + page.bounds) { row in
            ClaimSummary(
                id: row.int64(0),
                claim: row.string(1),
                topic: row.text(2),
                contested: row.bool(3),
                attributions: row.int(4),
                sources: row.int(5),
                firstSeen: row.text(6),
                lastSeen: row.text(7),
                uid: row.text(8)
            )
        }
        let total = try database.prepare(
            "SELECT count(*) FROM claim WHERE proposed = 0 AND (?1 IS NULL OR topic = ?1 COLLATE NOCASE)"
        )
        .first([topic]) { $0.int(0) }
        return Listing(rows: rows, total: total ?? 0)
    }
}
