import ClaimTrail

/// The desk's front page: contested claims, most disputed first, a page at a time.
struct ContestedPage: TextDeskPage {
    var title: String { "Contested claims" }
    var claims: [ContestedClaim]
    var topic: String?
    /// The status shown (its name), and whose claims: filters, as `contested --status --assignee`.
    var status: String?
    var assignee: String?
    var offset: Int
    var limit: Int
    /// Whether another page follows.
    var hasMore: Bool

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>Contested claims\(topic.map { " on “\(isolate($0))”" } ?? "")"
        html +=
            (status.map { ", \(escape($0))" } ?? "") + (assignee.map { ", held by \(isolate($0))" } ?? "") + "</h1>\n"
        html += "<form method=\"get\" action=\"/contested\">"
        for (name, label, value) in [
            ("topic", "Topic", topic), ("status", "Status", status), ("assignee", "Held by", assignee),
        ] {
            html += "<label>\(label) <input name=\"\(name)\" value=\"\(escape(value ?? ""))\"></label> "
        }
        html += "<button>Filter</button></form>\n"
        guard !claims.isEmpty else { return html + "<p>No contested claims.</p>\n" + pager }
        html += "<table>\n<tr><th>Claim</th><th>Topic</th><th>Asserting</th><th>Disputing</th>"
        html += "<th>Counter-claims</th><th>Sources</th><th>First seen</th><th>Last seen</th></tr>\n"
        for claim in claims {
            html += "<tr><td><a href=\"/claims/\(claim.id)\">#\(claim.id)</a> \(isolate(claim.claim))</td>"
            html += "<td>\(isolate(claim.topic ?? ""))</td><td>\(claim.asserting)</td><td>\(claim.disputing)</td>"
            html += "<td>\(claim.counterClaims)</td><td>\(claim.sources)</td>"
            html += "<td>\(escape(claim.firstSeen ?? ""))</td><td>\(escape(claim.lastSeen ?? ""))</td></tr>\n"
        }
        return html + "</table>\n" + pager + PageLayout.downloads("contested=1")
    }

    private var pager: String {
        let filters = [("topic", topic), ("status", status), ("assignee", assignee)]
        let query =
            "&amp;limit=\(limit)"
            + filters.compactMap { name, value in value.map { "&amp;\(name)=" + RequestInput.percentEncoded($0) } }
            .joined()
        return PageLayout.pager(offset: offset, limit: limit, hasMore: hasMore, earlier: "← Previous", later: "Next →")
        {
            "/contested?offset=\($0)\(query)"
        }
    }
}
