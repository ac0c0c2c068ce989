/// A source as `source list` and `source show` give it: its fields and how much rests on it.
public struct SourceSummary: Codable, Equatable, Sendable, Tabular {
    public var id: Int64
    public var title: String
    public var outlet: String?
    public var author: String?
    public var url: String?
    /// nil for an undated source, which `source edit --published` can date later.
    public var published: String?
    public var bodySHA256: String?
    public var attributions: Int
    public var claims: Int

    public static let columns = [
        "id", "title", "outlet", "author", "url", "published", "body_sha256", "attributions", "claims",
    ]

    public var cells: [String] {
        [
            String(id), title, outlet ?? "", author ?? "", url ?? "", published ?? "", bodySHA256 ?? "",
            String(attributions), String(claims),
        ]
    }
}

extension ClaimStore {
    /// Sources by id.
    public func sources(_ page: Page = Page()) throws -> Listing<SourceSummary> {
        Listing(
            rows: try sourceSummaries(where: "1", page.bounds),
            total: try database.cached("SELECT count(*) FROM source").first { $0.int(0) } ?? 0
        )
    }

    /// The source a reference (id, URL or title) names, summarised.
    public func sourceSummary(_ reference: String) throws -> SourceSummary {
        let id = try resolveSource(reference).id
        guard let summary = try sourceSummaries(where: "s.id = ?", [id, 1, 0]).first else {
            throw ClaimTrailError.notFound("no source #\(id)")
        }
        return summary
    }

    private func sourceSummaries(
        where condition: String,
        _ arguments: [any StatementArgument]
    ) throws
        -> [SourceSummary]
    {
        try database.prepare(
            """
            SELECT s.id, s.title, s.outlet, s.author, s.url, s.published, s.body_sha256,
                   (SELECT count(*) FROM attribution WHERE source_id = s.id AND state = 'accepted'),
                   (SELECT count(DISTINCT claim_id) FROM attribution WHERE source_id = s.id AND state = 'accepted')
            FROM source s WHERE \(condition) ORDER BY s.id LIMIT ? OFFSET ?
            """
        ).map(arguments) { row in
            SourceSummary(
                id: row.int64(0),
                title: row.string(1),
                outlet: row.text(2),
                author: row.text(3),
                url: row.text(4),
                published: row.text(5),
                bodySHA256: row.text(6),
                attributions: row.int(7),
                claims: row.int(8)
            )
        }
    }
}
