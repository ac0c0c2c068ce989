import Foundation

/// One full-text match: a claim, a quote, a speaker or a source title.
public struct SearchHit: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case claim, quote, speaker, source }
    public var kind: Kind
    /// The id of the claim, attribution, speaker or source.
    public var id: Int64
    /// For a claim, itself; for a quote, the claim it is a quote of.
    public var claimID: Int64?
    /// The matching text with each match between « and ».
    public var match: String
    /// bm25 relevance: lower is better.
    public var rank: Double
}

extension SearchHit: Tabular {
    public static let columns = ["kind", "id", "claim_id", "match", "rank"]
    public var cells: [String] {
        [kind.rawValue, String(id), claimID.map(String.init) ?? "", match, String(format: "%.2f", rank)]
    }
}

extension ClaimStore {
    /// Full-text search over claims, quotes, speakers (names and aliases) and source titles, best first.
    /// Each word of `query` must appear (any case, accents ignored); `raw` passes FTS5 query syntax through.
    public func search(_ query: String, limit: Int? = 20, raw: Bool = false) throws -> [SearchHit] {
        let expression = raw ? query : Self.ftsPhrases(query)
        guard !expression.trimmed().isEmpty else { throw ClaimTrailError.invalid("give words to search for") }
        do {
            return try read { try hits(matching: expression, limit: limit) }
        } catch let error as SQLiteError where raw {
            throw ClaimTrailError.invalid("bad search query: \(error.message)")
        }
    }

    private func hits(matching expression: String, limit: Int?) throws -> [SearchHit] {
        try database.cached(
            """
            SELECT rowid, highlight(search_index, 0, '«', '»'), bm25(search_index) FROM search_index
            WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?
            """
        ).map([expression, RowLimit.sql(limit)]) { row in
            let rowid = row.int64(0)
            // The index's rowid is id * 4 + kind; `& 3` stays in 0…3 even in a damaged store.
            let kind: SearchHit.Kind = [.claim, .quote, .speaker, .source][Int(rowid & 3)]
            return SearchHit(
                kind: kind,
                id: rowid / 4,
                claimID: kind == .claim ? rowid / 4 : nil,
                match: row.string(1),
                rank: row.double(2)
            )
        }.map { hit in
            guard hit.kind == .quote else { return hit }
            var withClaim = hit
            withClaim.claimID = try database.cached("SELECT claim_id FROM attribution WHERE id = ?").first([hit.id]) {
                $0.int64(0)
            }
            return withClaim
        }
    }

    /// Each word as a quoted FTS5 phrase, so that punctuation in the query is never syntax.
    /// A NUL separates words too: FTS5 reads its query as a C string, and a NUL inside a phrase
    /// ended it there ("unterminated string"). The CLI never passes one; a web search can.
    static func ftsPhrases(_ query: String) -> String {
        String(String.UnicodeScalarView(query.unicodeScalars.map { $0 == "\0" ? " " : $0 }))
            .split(whereSeparator: { $0.isWhitespace })
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
    }
}
