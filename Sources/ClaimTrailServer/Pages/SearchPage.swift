import ClaimTrail

/// Full-text search over claims, quotes, speakers and sources (titles and bodies).
struct SearchPage: TextDeskPage {
    var title: String { "Search" }
    var query: String
    var hits: [SearchHit]
    /// Said when a common word's hits are the best of the newest matches only, as the CLI says it.
    var note: String?
    /// The best hits skipped, for paging, and whether more follow this page's.
    var offset: Int
    var hasMore: Bool

    /// The hits a page shows.
    static let limit = 50

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>Search</h1>\n<form method=\"get\" action=\"/search\"><input name=\"q\" type=\"search\" "
        html += "aria-label=\"Search\" value=\"\(escape(query))\"> <button>Search</button></form>\n"
        guard !query.isEmpty else { return html }
        guard !hits.isEmpty else {
            return html + "<p>Nothing matches\(offset > 0 ? " past the first \(offset)" : "").</p>\n" + pager
        }
        if let note { html += "<p class=\"meta\">\(escape(note)).</p>\n" }
        html += "<p class=\"pager\">Hits \(offset + 1)–\(offset + hits.count)\(hasMore ? ", more follow" : "").</p>\n"
        html += "<table>\n<tr><th>What</th><th>Match</th></tr>\n"
        for hit in hits {
            let link: String? =
                switch hit.kind {
                case .claim, .quote: hit.claimID.map { "/claims/\($0)" }
                case .speaker: "/speakers/\(hit.id)"
                case .source: "/sources/\(hit.id)/audit"
                }
            let label = "\(hit.kind.rawValue) #\(hit.id)"
            html += "<tr><td>" + (link.map { "<a href=\"\($0)\">\(label)</a>" } ?? label)
            // The matches are marked « and » by the search itself; they are shown as text.
            html += "</td><td>\(isolate(hit.match))</td></tr>\n"
        }
        return html + "</table>\n" + pager
    }

    private var pager: String {
        let query = "/search?q=" + RequestInput.percentEncoded(query)
        return PageLayout.pager(
            offset: offset,
            limit: Self.limit,
            hasMore: hasMore,
            earlier: "← Better matches",
            later: "More →"
        ) { query + ($0 > 0 ? "&amp;offset=\($0)" : "") }
    }
}
