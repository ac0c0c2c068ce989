import ClaimTrail

/// "My queue": the open claims the signed-in account holds, most disputed and oldest first, as
/// `queue --mine` lists them for the recorder, 200 at a time (`?offset=`), as the speaker and
/// search pages page.
struct QueuePage: TextDeskPage {
    var title: String { "My queue" }
    /// The claims a page shows.
    static let limit = 200

    var assignee: String
    /// Only claims with this status (`?status=`), when given.
    var status: String?
    var claims: [QueueItem]
    /// The first claims skipped, and whether more follow this page's.
    var offset: Int
    var hasMore: Bool

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>My queue</h1>\n"
        guard !claims.isEmpty else {
            let past = offset > 0 ? " past the first \(offset)" : ""
            return html + "<p>No open claims are assigned to \(isolate(assignee))\(past).</p>\n" + pager
        }
        if offset > 0 || hasMore {
            html += "<p class=\"pager\">Claims \(offset + 1)–\(offset + claims.count)"
            html += "\(hasMore ? ", more follow" : "").</p>\n"
        }
        html += "<table>\n<tr><th>Claim</th><th>Topic</th><th>Status</th><th>Since</th><th>Disputing</th>"
        html += "<th>Counter-claims</th><th>First seen</th></tr>\n"
        for item in claims {
            html += "<tr><td><a href=\"/claims/\(item.claimID)\">#\(item.claimID)</a> \(isolate(item.claim))</td>"
            html += "<td>\(isolate(item.topic ?? ""))</td><td>\(isolate(item.statusLabel))</td>"
            html += "<td>\(escape(item.assignedAt ?? ""))</td><td>\(item.disputing)</td>"
            html += "<td>\(item.counterClaims)</td><td>\(escape(item.firstSeen ?? ""))</td></tr>\n"
        }
        return html + "</table>\n" + pager
    }

    private var pager: String {
        let filter = status.map { ["status=" + RequestInput.percentEncoded($0)] } ?? []
        return PageLayout.pager(
            offset: offset,
            limit: Self.limit,
            hasMore: hasMore,
            earlier: "← Earlier",
            later: "Later →"
        ) { offset in
            let query = filter + (offset > 0 ? ["offset=\(offset)"] : [])
            return "/queue" + (query.isEmpty ? "" : "?" + query.joined(separator: "&amp;"))
        }
    }
}
