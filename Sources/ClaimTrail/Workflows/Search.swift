import Foundation

/// One full-text match: a claim, a quote, a speaker or a source.
public struct SearchHit: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case claim, quote, speaker, source }
    public var kind: Kind
    /// The id of the claim, attribution, speaker or source.
    public var id: Int64
    /// For a claim, itself; for a quote, the claim it is a quote of.
    public var claimID: Int64?
    /// The matching text (for a long one, the passage around the match), each match between the
    /// search's markers: « and » for a table, none for CSV and JSON.
    public var match: String
    /// bm25 relevance: lower is better.
    public var rank: Double
}

extension SearchHit: Tabular {
    public static let columns = ["kind", "id", "claim_id", "match", "rank"]
    public var cells: [String] {
        [kind.rawValue, String(id), claimID.map(String.init) ?? "", match, shownRank]
    }

    /// The rank to two decimals. bm25 gives a match in a tiny index a rank just below zero, which
    /// `%.2f` alone writes as `-0.00`, a sign that means nothing.
    var shownRank: String {
        let shown = String(format: "%.2f", rank)
        return shown == "-0.00" ? "0.00" : shown
    }
}

/// How search results mark the matched words.
public struct SearchMarkers: Sendable {
    public var open: String
    public var close: String

    /// « and », for a table read by a person.
    public static let guillemets = SearchMarkers(open: "«", close: "»")
    /// Nothing, for CSV and JSON, whose readers want the text as stored.
    public static let none = SearchMarkers(open: "", close: "")
}

extension ClaimStore {
    /// How many matches of each index a search ranks, at least: the newest ones (highest rowid).
    /// bm25 reads every match's size from the index, about a microsecond each, so ranking all the
    /// 100,000 claims that hold a common word took 120 ms at 1M attributions; the newest 1,000 of
    /// each index take about 6. A word with fewer matches is ranked over all of them, as before.
    public static let searchCandidates = 1000

    /// Full-text search over claims, quotes and cues, speakers (names and aliases) and sources (titles
    /// and bodies), best first. Each word of `query` must appear (any case, accents ignored, English
    /// word endings stemmed: "magnetometer" finds "magnetometers"); `raw` passes FTS5 query syntax
    /// through. `offset` skips that many of the best hits, for paging. Of each kind, the newest
    /// `max(candidates, offset + limit)` matches are ranked (all of them when `limit` is nil):
    /// `searchUnranked` tells which kinds had more.
    public func search(
        _ query: String,
        limit: Int? = 20,
        offset: Int = 0,
        raw: Bool = false,
        markers: SearchMarkers = .guillemets,
        candidates: Int = ClaimStore.searchCandidates
    ) throws -> [SearchHit] {
        let expression = try Self.searchExpression(query, raw: raw)
        let ranked = Self.rankedPerIndex(limit: limit, offset: offset, candidates: candidates)
        return try searching(raw: raw) {
            try hits(
                matching: expression,
                in: try searchedIndexes(expression, raw: raw),
                limit: limit,
                offset: offset,
                ranked: ranked,
                markers: markers
            )
        }
    }

    /// The kinds whose matches outnumber what `search` with the same arguments ranks: for those, the
    /// hits are the best of the newest matches only, which a reader should be told.
    public func searchUnranked(
        _ query: String,
        limit: Int? = 20,
        offset: Int = 0,
        raw: Bool = false,
        candidates: Int = ClaimStore.searchCandidates
    ) throws -> [SearchHit.Kind] {
        let expression = try Self.searchExpression(query, raw: raw)
        let ranked = Self.rankedPerIndex(limit: limit, offset: offset, candidates: candidates)
        guard ranked >= 0 else { return [] }
        return try searching(raw: raw) {
            // Stepping over rowids without ranking them is cheap: no bm25, no sizes read.
            try searchedIndexes(expression, raw: raw).map { (Self.hitKinds[$0], Self.indexes[$0]) }.filter { _, index in
                try database.cached(
                    """
                    SELECT EXISTS (SELECT 1 FROM \(index) WHERE \(index) MATCH ?1
                                   ORDER BY rowid DESC LIMIT 1 OFFSET ?2)
                    """
                ).first([expression, ranked]) { $0.int(0) == 1 } ?? false
            }.map(\.0)
        }
    }

    /// What a reader of a capped search is told, on the command line and on the server's page alike
    /// (`searchUnranked`), or nil when every match was ranked.
    public func searchCapNote(_ query: String, limit: Int? = 20, offset: Int = 0, raw: Bool = false) throws -> String? {
        let unranked = try searchUnranked(query, limit: limit, offset: offset, raw: raw)
        guard !unranked.isEmpty else { return nil }
        let ranked = Self.rankedPerIndex(limit: limit, offset: offset)
        let kinds = unranked.map { "\($0.rawValue)s" }.joined(separator: ", ")
        return "more than \(ranked) \(kinds) match: these are the best of the newest \(ranked) of each; "
            + "more words narrow it"
    }

    private static let indexes = ["claim_fts", "attribution_fts", "speaker_fts", "source_fts"]

    /// The columns a `--raw` column filter (`quote:missile`) can name, by kind, as the help and the
    /// README list them.
    public static let searchColumns = "claims: text; quotes: quote, cue; speakers: name, aliases; sources: title, body"

    /// The indexes (by position in `indexes`) that `expression` searches. Each kind has its own
    /// columns, so a raw column filter searches only the kinds that have the column, rather than
    /// failing on the others; a column no kind has, or columns of different kinds in one query
    /// (which FTS5 refuses in every index), are refused, naming the columns each kind has.
    private func searchedIndexes(_ expression: String, raw: Bool) throws -> [Int] {
        let all = Array(Self.indexes.indices)
        guard raw else { return all }
        var unknownColumns: Set<String> = []
        let searched = try all.filter { position in
            let index = Self.indexes[position]
            do {
                _ = try database.cached("SELECT 1 FROM \(index) WHERE \(index) MATCH ?1 LIMIT 1").first([expression]) {
                    $0.int(0)
                }
                return true
            } catch let error as SQLiteError where error.message.hasPrefix("no such column: ") {
                unknownColumns.insert(String(error.message.dropFirst("no such column: ".count)))
                return false
            }
        }
        if searched.isEmpty, let column = unknownColumns.first {
            throw ClaimTrailError.invalid(
                unknownColumns.count == 1
                    ? "no kind of record has the column “\(column)” to search in (\(Self.searchColumns))"
                    : "the query names columns of different kinds, and one query searches the columns of one kind "
                        + "(\(Self.searchColumns))"
            )
        }
        return searched
    }

    private static func searchExpression(_ query: String, raw: Bool) throws -> String {
        let expression = raw ? query : ftsPhrases(query)
        guard !expression.isBlank else { throw ClaimTrailError.invalid("give words to search for") }
        return expression
    }

    /// The matches `search` ranks per index; -1 (SQLite's "no limit") for all of them.
    public static func rankedPerIndex(limit: Int?, offset: Int, candidates: Int = searchCandidates) -> Int {
        guard let limit else { return -1 }
        return max(candidates, max(offset, 0) + max(limit, 0))
    }

    /// Runs `body` in one snapshot; with `raw`, a query FTS5 rejects is the user's error.
    private func searching<T>(raw: Bool, _ body: () throws -> T) throws -> T {
        do {
            return try read(body)
        } catch let error as SQLiteError where raw {
            throw ClaimTrailError.invalid("the search query is not FTS5 syntax: \(Self.explain(error.message))")
        }
    }

    /// FTS5's complaint about a raw query, in claimtrail's words.
    private static func explain(_ message: String) -> String {
        if message.hasPrefix("unknown special query") {
            return "a * must end a word (harb* finds harbour), and a column filter is “column:words”"
        }
        if message == "unterminated string" { return "a double quote is not closed" }
        if message.hasPrefix("fts5: syntax error near ") {
            let near = message.dropFirst("fts5: syntax error near ".count)
            return near.isEmpty || near == "\"\""
                ? "it ends where more was expected (an operator or a bracket without its words)"
                : "it cannot be read at \(near); put words with punctuation in double quotes"
        }
        return "SQLite says “\(message)”"
    }

    /// The best hits of the four indexes, merged by bm25, then the text of each. The scores of
    /// different indexes are each relative to their own table, which is close enough for ranking.
    /// Each index gives its newest `ranked` matches, walked in rowid order, which FTS5 stops at the
    /// limit: only those are ranked. Snippets are made for the page only: made in the ranking
    /// statement, they would be made for every candidate before the sort.
    private func hits(
        matching expression: String,
        in searched: [Int],
        limit: Int?,
        offset: Int,
        ranked: Int,
        markers: SearchMarkers
    ) throws
        -> [SearchHit]
    {
        let newest = { (kind: Int, index: String, rank: String) in
            """
            SELECT * FROM (SELECT \(kind) AS kind, rowid, \(rank) AS rank FROM \(index)
                WHERE \(index) MATCH ?1 ORDER BY rowid DESC LIMIT ?4)
            """
        }
        // A source's title weighs five times its body.
        let ranks = ["bm25(claim_fts)", "bm25(attribution_fts)", "bm25(speaker_fts)", "bm25(source_fts, 5.0, 1.0)"]
        guard !searched.isEmpty else { return [] }
        let union = searched.map { newest($0, Self.indexes[$0], ranks[$0]) }.joined(separator: "\nUNION ALL ")
        let ranking = try database.cached(
            """
            SELECT * FROM (
                \(union)
            ) ORDER BY rank, kind, rowid LIMIT ?2 OFFSET ?3
            """
        ).map([expression, RowLimit.sql(limit), max(offset, 0), ranked]) { row in
            (kind: Self.hitKinds[min(max(row.int(0), 0), 3)], id: row.int64(1), rank: row.double(2))
        }
        return try ranking.map { hit in
            let (claimID, match) =
                try database.cached(Self.matchText(hit.kind)).first(
                    [expression, hit.id, markers.open, markers.close]
                ) { ($0.optionalInt64(0), $0.string(1)) } ?? (nil, "")
            return SearchHit(kind: hit.kind, id: hit.id, claimID: claimID, match: match, rank: hit.rank)
        }
    }

    private static let hitKinds: [SearchHit.Kind] = [.claim, .quote, .speaker, .source]

    /// For one hit of each kind: the claim it belongs to, and its text with the matches marked
    /// (a passage around them for quotes and article bodies).
    private static func matchText(_ kind: SearchHit.Kind) -> String {
        switch kind {
        case .claim:
            "SELECT rowid, highlight(claim_fts, 0, ?3, ?4) FROM claim_fts WHERE claim_fts MATCH ?1 AND rowid = ?2"
        case .quote:
            """
            SELECT a.claim_id, snippet(attribution_fts, -1, ?3, ?4, '…', 32)
            FROM attribution_fts f JOIN attribution a ON a.id = f.rowid WHERE attribution_fts MATCH ?1 AND f.rowid = ?2
            """
        case .speaker:
            """
            SELECT NULL,
                   highlight(speaker_fts, 0, ?3, ?4) || coalesce(' (' || highlight(speaker_fts, 1, ?3, ?4) || ')', '')
            FROM speaker_fts WHERE speaker_fts MATCH ?1 AND rowid = ?2
            """
        case .source:
            """
            SELECT NULL, snippet(source_fts, -1, ?3, ?4, '…', 24)
            FROM source_fts WHERE source_fts MATCH ?1 AND rowid = ?2
            """
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
