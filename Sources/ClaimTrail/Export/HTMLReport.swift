/// One self-contained HTML page of provenance: no scripts, no external assets, every field escaped,
/// so it can be mailed to an editor or attached to a story file as it is.
public enum HTMLReport {
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claimIDs: try store.claimIDs(in: scope), from: store) }
    }

    private static func render(claimIDs ids: [Int64], from store: ClaimStore) throws -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>claimtrail provenance report</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>Provenance report</h1>
            <p class="meta">\(ids.count) claim\(ids.count == 1 ? "" : "s")</p>

            """
        let shown = Set(ids)
        let labels = try store.statusLabels()
        for id in ids {
            html += try section(
                store.traceClaim("#\(id)"),
                verdicts: store.verdicts(claimID: id),
                labels: labels,
                link: { shown.contains($0) ? "#claim-\($0)" : nil },
                speakerLink: { _ in nil }
            )
        }
        if ids.isEmpty { html += "<p>No claims to report.</p>\n" }
        return html + "</body>\n</html>\n"
    }

    /// One claim as the report shows it; `claimtrail serve`'s claim page shows the same.
    /// - Parameters:
    ///   - labels: the desk's names for the verification statuses.
    ///   - link: where a related claim's number links to, if anywhere.
    ///   - speakerLink: where a speaker's name links to, if anywhere.
    public static func section(
        _ trace: ClaimTrace,
        verdicts: [Verdict],
        labels: [VerificationStatus: String],
        link: (Int64) -> String?,
        speakerLink: (Int64) -> String?
    ) -> String {
        let claim = trace.claim
        var html = "<section id=\"claim-\(claim.id)\">\n<h2>#\(claim.id) \(escape(claim.text))"
        html += trace.contested ? " <span class=\"contested\">contested</span></h2>\n" : "</h2>\n"
        if let topic = claim.topic { html += "<p class=\"meta\">Topic: \(escape(topic))</p>\n" }
        let holder = trace.assignee.map { ", held by \(escape($0))" } ?? ""
        html += "<p class=\"meta\">Status: \(escape(labels[trace.status] ?? trace.status.rawValue))\(holder)</p>\n"
        html += "<p class=\"meta\">Sources: \(trace.sources), independent origins: \(trace.independentOrigins)</p>\n"
        let voices = { (stances: [Stance]) in
            Array(
                Set(
                    trace.attributions.filter { stances.contains($0.stance) }.map {
                        $0.speaker ?? ProvenanceRow.unattributed
                    }
                )
            ).sorted()
        }
        html += "<p><strong>Asserted by:</strong> \(list(voices([.asserts])))<br>\n"
        html += "<strong>Denied or questioned by:</strong> \(list(voices([.denies, .questions])))</p>\n"
        for verdict in verdicts { html += self.verdict(verdict) }
        html += table(trace.attributions, speakerLink: speakerLink)
        let related = [
            ("Counter-claims", trace.counterClaims), ("Contradicts", trace.contradicts),
            ("Supported by", trace.supportedBy),
        ]
        for (title, claims) in related where !claims.isEmpty {
            html += "<h3>\(title)</h3>\n"
            for other in claims {
                let number =
                    link(other.claim.id).map { "<a href=\"\(escape($0))\">#\(other.claim.id)</a>" }
                    ?? "#\(other.claim.id)"
                html += "<h4>\(number) \(escape(other.claim.text))</h4>\n"
                html += table(other.attributions, speakerLink: speakerLink)
            }
        }
        if !trace.notes.isEmpty {
            html += "<h3>Notes</h3>\n<ul class=\"notes\">\n"
            for note in trace.notes {
                html += "<li><small>\(escape(note.at)), \(escape(note.by))</small><br>\(escape(note.text))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// A verdict with its explanation, in its language when known, and where the claim was seen.
    private static func verdict(_ verdict: Verdict) -> String {
        let language = verdict.language.map { " lang=\"\(escape($0))\"" } ?? ""
        var html = "<div class=\"verdict\"\(language)><p>Verdict by \(escape(verdict.reviewer)): "
        html += "<strong>\(escape(verdict.rating))</strong>"
        html += (verdict.date.map { " (\(escape($0)))" } ?? "") + "</p>\n"
        if let explanation = verdict.explanation { html += "<p>\(escape(explanation))</p>\n" }
        if let url = verdict.appearanceURL {
            html += "<p><small>Claim seen at: \(link(url, text: escape(url)))</small></p>\n"
        }
        if let url = verdict.url { html += "<p><small>Review: \(link(url, text: escape(url)))</small></p>\n" }
        return html + "</div>\n"
    }

    /// `text` as a link to `url` when it is a web link (`isWebLink`); a `javascript:` or `data:`
    /// URL leaves the text plain.
    private static func link(_ url: String, text: String) -> String {
        isWebLink(url) ? "<a href=\"\(escape(url))\">\(text)</a>" : text
    }

    private static func table(_ rows: [ProvenanceRow], speakerLink: (Int64) -> String?) -> String {
        guard !rows.isEmpty else { return "<p class=\"meta\">No attributions recorded.</p>\n" }
        var html =
            "<table>\n<tr><th>Date</th><th>Speaker</th><th>Stance</th><th>Quote</th><th>Source</th><th>Via</th></tr>\n"
        for row in rows {
            let name = escape(row.speaker ?? ProvenanceRow.unattributed)
            let speaker =
                (row.speakerID.flatMap(speakerLink).map { "<a href=\"\(escape($0))\">\(name)</a>" } ?? name)
                + (row.speakerRole.map { "<br><small>\(escape($0))</small>" } ?? "")
            let quote = row.quote.map { "<q>\(escape($0))</q>" } ?? ""
            let how = [row.mode.rawValue, row.cue].compactMap { $0 }.map(escape).joined(separator: ", ")
            html += "<tr><td>\(escape(row.date ?? "undated"))</td><td>\(speaker)</td>"
            html += "<td class=\"\(row.stance.rawValue)\">\(row.stance.rawValue)</td>"
            html +=
                "<td>\(quote)<br><small>\(how)</small></td><td>\(source(row))</td><td>\(escape(row.viaChainText))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func source(_ row: ProvenanceRow) -> String {
        let title = escape(row.sourceTitle)
        let linked = row.sourceURL.map { link($0, text: title) } ?? title
        let byline = [row.sourceOutlet, row.sourceAuthor, row.published].compactMap { $0 }.map(escape).joined(
            separator: " · "
        )
        let retracted = row.sourceRetractedOn.map { " <span class=\"retracted\">retracted \(escape($0))</span>" } ?? ""
        return (byline.isEmpty ? linked : "\(linked)<br><small>\(byline)</small>") + retracted
    }

    /// Whether a URL may become a link: only `http:` and `https:`, in any case, read from its
    /// first bytes. Anything else (`javascript:`, `data:`, a relative path) is shown as text.
    static func isWebLink(_ url: String) -> Bool {
        let scheme = url.utf8.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return scheme.starts(with: "http://".utf8) || scheme.starts(with: "https://".utf8)
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "—" : names.map(escape).joined(separator: "; ")
    }

    /// Escapes text for element content and quoted attribute values alike, scalar by scalar.
    public static func escape(_ text: String) -> String {
        text.escaped {
            switch $0 {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            // HTML allows no control characters in text but tab, line feed and carriage return
            // (ESC and BEL included, and C1), and no noncharacters: each is shown as U+FFFD.
            case _ where isForbiddenInHTML($0): "\u{FFFD}"
            default: nil
            }
        }
    }

    /// Whether HTML forbids the scalar in text: C0 controls other than tab, LF and CR, DEL and the
    /// C1 controls, and the noncharacters (U+FDD0…U+FDEF and each plane's last two).
    static func isForbiddenInHTML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return ![0x09, 0x0A, 0x0D].contains(value) }
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The report's style sheet; the server serves it as /style.css, since its pages allow no inline style.
    public static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
        h2{border-top:1px solid #ccc;padding-top:1em}.meta,small{color:#666}
        .contested{background:#b00020;color:#fff;border-radius:3px;padding:0 .4em;font-size:.7em;vertical-align:middle}
        table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}.asserts{color:#1b5e20}.denies{color:#b00020}.questions{color:#e65100}
        .verdict{background:#fff8e1;padding:.3em .6em}.retracted{color:#b00020;font-weight:bold}
        """
}
