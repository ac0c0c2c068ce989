import Foundation

/// Open work: claims not yet published, most disputed first, then the oldest (by first seen),
/// with who holds each one and since when. Claims that exist only as proposals are not work yet.
public struct QueueItem: Equatable, Sendable {
    public var claimID: Int64
    public var claim: String
    public var topic: String?
    public var status: VerificationStatus
    /// The desk's word for the status.
    public var statusLabel: String
    public var assignee: String?
    public var assignedAt: String?
    public var disputing: Int
    public var counterClaims: Int
    public var firstSeen: String?
}

/// Which open claims `queue` lists.
public struct QueueFilter: Sendable {
    public var assignee: String?
    public var status: VerificationStatus?
    public var topic: String?
    /// At most this many claims, or all when nil.
    public var limit: Int?
    /// The first claims, in the queue's order, skipped: for paging.
    public var offset: Int

    public init(
        assignee: String? = nil,
        status: VerificationStatus? = nil,
        topic: String? = nil,
        limit: Int? = nil,
        offset: Int = 0
    ) {
        self.assignee = assignee
        self.status = status
        self.topic = topic
        self.limit = limit
        self.offset = offset
    }
}

extension ClaimStore {
    /// The open claims `filter` selects. The assignee is matched folded ("ANA" finds ana's work);
    /// asking for published claims is refused, since published work is not open.
    public func queue(_ filter: QueueFilter) throws -> [QueueItem] {
        if let status = filter.status, !status.isOpen {
            throw ClaimTrailError.invalid(
                "the queue lists open work, and \(status.rawValue) claims are done; "
                    + "see them with `export --format csv --per claim`"
            )
        }
        let labels = try statusLabels()
        let assignees = try Reference.filter(filter.assignee, "assignee").map(heldBy)
        let topic = try Reference.filter(filter.topic, "topic")
        return try database.cached(
            """
            SELECT c.id, c.text, c.topic, c.status, c.assignee, c.assigned_at,
                   s.disputing, s.counter_claims, s.first_seen
            FROM claim c JOIN claim_stats s ON s.claim_id = c.id
            WHERE c.proposed = 0 AND c.status <> 'published'
              AND (?1 IS NULL OR c.assignee IN (SELECT value FROM json_each(?1))) AND (?2 IS NULL OR c.status = ?2)
              AND (?3 IS NULL OR c.topic = ?3 COLLATE NOCASE)
            ORDER BY s.disputing DESC, s.counter_claims DESC, s.first_seen IS NULL, s.first_seen, c.id
            LIMIT ?4 OFFSET ?5
            """
        ).map([
            assignees, filter.status?.rawValue, topic,
            RowLimit.sql(filter.limit), filter.offset,
        ]) {
            row in
            let status = VerificationStatus(rawValue: row.string(3)) ?? .unchecked
            return QueueItem(
                claimID: row.int64(0),
                claim: row.string(1),
                topic: row.text(2),
                status: status,
                statusLabel: labels[status] ?? status.rawValue,
                assignee: row.text(4),
                assignedAt: row.text(5),
                disputing: row.int(6),
                counterClaims: row.int(7),
                firstSeen: row.text(8)
            )
        }
    }
}

extension ClaimStore {
    /// The assignees, as stored, whose names fold to `name`'s, as a JSON array for `json_each`.
    func heldBy(_ name: String) throws -> String {
        let key = TextKey.fold(name)
        let names = try database.cached("SELECT DISTINCT assignee FROM claim WHERE assignee IS NOT NULL").map {
            $0.string(0)
        }
        .filter { TextKey.fold($0) == key }
        return String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
    }
}

extension QueueItem: Tabular, Encodable {
    public static let columns = [
        "claim_id", "claim", "topic", "status", "assignee", "assigned_at", "disputing", "counter_claims", "first_seen",
    ]

    public var cells: [String] {
        [
            String(claimID), claim, topic ?? "", statusLabel, assignee ?? "", assignedAt ?? "", String(disputing),
            String(counterClaims), firstSeen ?? "",
        ]
    }
}
