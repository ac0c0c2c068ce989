import ClaimTrail

/// Everything a speaker is recorded as saying, earliest first: `trace speaker` as a page.
enum SpeakerPage {
    static func html(_ trace: SpeakerTrace, _ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        let speaker = trace.speaker
        var html = "<h1>\(isolate(speaker.name))</h1>\n<p class=\"meta\">\(escape(speaker.kind.rawValue))"
        html += speaker.role.map { " · \(isolate($0))" } ?? ""
        if !speaker.aliases.isEmpty {
            html += " · also “" + speaker.aliases.map(isolate).joined(separator: "”, “") + "”"
        }
        html += "</p>\n"
        guard !trace.attributions.isEmpty else { return html + "<p>No attributions recorded.</p>\n" }
        if trace.attributions.count < trace.totalAttributions {
            html += "<p class=\"meta\">The first \(trace.attributions.count) of \(trace.totalAttributions).</p>\n"
        }
        html += "<table>\n<tr><th>Date</th><th>Claim</th><th>Stance</th><th>Quote</th><th>Source</th></tr>\n"
        for row in trace.attributions {
            html += "<tr><td>\(escape(row.date ?? ""))</td>"
            html += "<td><a href=\"/claims/\(row.claimID)\">#\(row.claimID)</a> \(isolate(row.claim))</td>"
            html += "<td class=\"\(row.stance.rawValue)\">\(row.stance.rawValue)</td>"
            html += "<td>\(row.quote.map { "<q>\(isolate($0))</q>" } ?? "")</td>"
            html += "<td><a href=\"/sources/\(row.sourceID)/audit\">\(isolate(row.sourceTitle))</a></td></tr>\n"
        }
        return html + "</table>\n"
    }
}

extension SpeakerTrace: DeskPage {
    var title: String { HTMLReport.isolatedPlainText(speaker.name) }
    func html(_ viewer: Viewer) -> String { SpeakerPage.html(self, viewer) }
}
