import ClaimTrail

/// Everything a speaker is recorded as saying, earliest first: `trace speaker` as a page, 200
/// attributions at a time (`?offset=`), as the claim page pages its timeline. Its JSON is the trace's.
struct SpeakerPage: TextDeskPage {
    var trace: SpeakerTrace
    /// The earliest attributions skipped.
    var offset: Int

    /// The attributions a page shows.
    static let limit = 200

    var title: String { HTMLReport.isolatedPlainText(trace.speaker.name) }

    func encode(to encoder: any Encoder) throws { try trace.encode(to: encoder) }

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        let speaker = trace.speaker
        var html = "<h1>\(isolate(speaker.name))</h1>\n<p class=\"meta\">\(escape(speaker.kind.rawValue))"
        html += speaker.role.map { " · \(isolate($0))" } ?? ""
        if !speaker.aliases.isEmpty {
            html += " · also “" + speaker.aliases.map(isolate).joined(separator: "”, “") + "”"
        }
        html += "</p>\n"
        guard !trace.attributions.isEmpty else {
            return html + "<p>No attributions recorded\(offset > 0 ? " past the first \(offset)" : "").</p>\n" + pager
        }
        if trace.attributions.count < trace.totalAttributions {
            let last = offset + trace.attributions.count
            html += "<p class=\"meta\">Attributions \(offset + 1)–\(last) of \(trace.totalAttributions).</p>\n"
        }
        html += "<table>\n<tr><th>Date</th><th>Claim</th><th>Stance</th><th>Quote</th><th>Source</th></tr>\n"
        for row in trace.attributions {
            html += "<tr><td>\(escape(row.date ?? ""))</td>"
            html += "<td><a href=\"/claims/\(row.claimID)\">#\(row.claimID)</a> \(isolate(row.claim))</td>"
            html += "<td class=\"\(row.stance.rawValue)\">\(row.stance.rawValue)</td>"
            html += "<td>\(row.quote.map { "<q>\(isolate($0))</q>" } ?? "")</td>"
            html += "<td><a href=\"/sources/\(row.sourceID)/audit\">\(isolate(row.sourceTitle))</a></td></tr>\n"
        }
        return html + "</table>\n" + pager
    }

    private var pager: String {
        let path = "/speakers/\(trace.speaker.id)"
        return PageLayout.pager(
            offset: offset,
            limit: Self.limit,
            hasMore: offset + trace.attributions.count < trace.totalAttributions,
            earlier: "← Earlier",
            later: "Later →"
        ) { path + ($0 > 0 ? "?offset=\($0)" : "") }
    }
}
