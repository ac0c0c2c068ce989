import ClaimTrail

/// "My queue": the open claims the signed-in account holds, most disputed and oldest first, as
/// `queue --mine` lists them for the recorder.
struct QueuePage: TextDeskPage {
    var title: String { "My queue" }
    /// At most this many claims are listed.
    static let limit = 200

    var assignee: String
    var claims: [QueueItem]

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>My queue</h1>\n"
        guard !claims.isEmpty else { return html + "<p>No open claims are assigned to \(isolate(assignee)).</p>\n" }
        if claims.count == Self.limit { html += "<p class=\"meta\">The first \(Self.limit).</p>\n" }
        html += "<table>\n<tr><th>Claim</th><th>Topic</th><th>Status</th><th>Since</th><th>Disputing</th>"
        html += "<th>Counter-claims</th><th>First seen</th></tr>\n"
        for item in claims {
            html += "<tr><td><a href=\"/claims/\(item.claimID)\">#\(item.claimID)</a> \(isolate(item.claim))</td>"
            html += "<td>\(isolate(item.topic ?? ""))</td><td>\(isolate(item.statusLabel))</td>"
            html += "<td>\(escape(item.assignedAt ?? ""))</td><td>\(item.disputing)</td>"
            html += "<td>\(item.counterClaims)</td><td>\(escape(item.firstSeen ?? ""))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
