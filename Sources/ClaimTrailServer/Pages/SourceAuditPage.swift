import ClaimTrail

/// How one article is sourced: `audit SOURCE` as a page.
enum SourceAuditPage {
    static func html(_ audit: SourceAudit, _ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>Sourcing of “\(isolate(audit.source.title))”</h1>\n<p class=\"meta\">"
        html += [audit.source.outlet, audit.source.author, audit.source.published].compactMap { $0 }.map(isolate)
            .joined(separator: " · ")
        html += "</p>\n<p>\(audit.attributions) attributions: "
        html += SourcingCategory.allCases.map { "\(escape($0.rawValue)) \(audit.byCategory[$0.rawValue] ?? 0)" }
            .joined(separator: ", ")
        html += "</p>\n"
        for (title, claims) in [
            ("Claims resting on one voice", audit.singleVoiceClaims), ("Contested in the store", audit.contestedClaims),
        ] where !claims.isEmpty {
            html += "<h2>\(title)</h2>\n<ul>\n"
            for claim in claims {
                html += "<li><a href=\"/claims/\(claim.id)\">#\(claim.id)</a> \(isolate(claim.text))</li>\n"
            }
            html += "</ul>\n"
        }
        guard !audit.rows.isEmpty else { return html }
        html += "<h2>Attributions</h2>\n<table>\n<tr><th>#</th><th>Claim</th><th>Speaker</th><th>Category</th>"
        html += "<th>Single voice</th><th>Contested</th><th>Via</th></tr>\n"
        for row in audit.rows {
            html += "<tr><td>\(row.attributionID)</td>"
            html += "<td><a href=\"/claims/\(row.claimID)\">#\(row.claimID)</a> \(isolate(row.claim))</td>"
            html += "<td>\(isolate(row.speaker ?? ProvenanceRow.unattributed))</td>"
            html += "<td>\(escape(row.category.rawValue))</td>"
            html += "<td>\(row.singleVoice ? "yes" : "")</td><td>\(row.contested ? "yes" : "")</td>"
            html += "<td>\(row.viaChain.map(isolate).joined(separator: " ← "))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}

extension SourceAudit: TextDeskPage {
    var title: String { "Sourcing of \(HTMLReport.isolatedPlainText(source.title))" }
    func html(_ viewer: Viewer) -> String { SourceAuditPage.html(self, viewer) }
}
