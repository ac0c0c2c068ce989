/// One self-contained HTML page of provenance: no scripts, no external assets, every field escaped,
/// so it can be mailed to an editor or attached to a story file as it is.
public enum HTMLReport {
    /// The whole page as one string, for small scopes and tests.
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        var html = ""
        try write(from: store, scope: scope) { html += $0 }
        return html
    }

    /// Writes the page as it reads the store, in one snapshot, claim by claim and row by row:
    /// a claim's voices are read by a query of their own rather than gathered from its rows, so
    /// that the busiest claim's timeline is never held.
    public static func write(from store: ClaimStore, scope: ClaimScope, to emit: (String) throws -> Void) throws {
        try store.read {
            let ids = try store.claimIDs(in: scope)
            try emit(
                """
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
            )
            let shown = Set(ids)
            let provenance = store.provenance
            let labels = try store.statusLabels()
            for id in ids {
                try writeSection(
                    store.traceClaim("#\(id)", limit: 0),
                    voices: { try store.voices(claimID: id, stances: $0) },
                    rows: { claimID, body in try provenance.forEach(.claim(claimID), body) },
                    verdicts: store.verdicts(claimID: id),
                    labels: labels,
                    link: { shown.contains($0) ? "#claim-\($0)" : nil },
                    speakerLink: { _ in nil },
                    to: emit
                )
            }
            try emit((ids.isEmpty ? "<p>No claims to report.</p>\n" : "") + "</body>\n</html>\n")
        }
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
        let rows = Dictionary(
            [(trace.claim.id, trace.attributions)]
                + (trace.counterClaims + trace.contradicts + trace.supportedBy).map { ($0.claim.id, $0.attributions) }
        ) { first, _ in first }
        var html = ""
        // Nothing here throws: the rows are in memory and the text is collected.
        try? writeSection(
            trace,
            voices: { stances in
                Array(Set(trace.attributions.lazy.filter { stances.contains($0.stance) }.map(\.voice))).sorted()
            },
            rows: { claimID, body in try rows[claimID]?.forEach(body) },
            verdicts: verdicts,
            labels: labels,
            link: link,
            speakerLink: speakerLink,
            to: { html += $0 }
        )
        return html
    }

    /// One claim's section, its tables written row by row.
    /// - Parameters:
    ///   - trace: the claim and what is linked to it; its rows are not read (see `rows`).
    ///   - voices: the names, sorted, of those who took one of the stances on the claim.
    ///   - rows: passes each row of a claim (the traced one or a linked one) to the body.
    private static func writeSection(
        _ trace: ClaimTrace,
        voices: ([Stance]) throws -> [String],
        rows: (Int64, (ProvenanceRow) throws -> Void) throws -> Void,
        verdicts: [Verdict],
        labels: [VerificationStatus: String],
        link: (Int64) -> String?,
        speakerLink: (Int64) -> String?,
        to emit: (String) throws -> Void
    ) throws {
        let claim = trace.claim
        var html = "<section id=\"claim-\(claim.id)\">\n<h2>#\(claim.id) \(isolated(claim.text))"
        html += trace.contested ? " <span class=\"contested\">contested</span></h2>\n" : "</h2>\n"
        if let topic = claim.topic { html += "<p class=\"meta\">Topic: \(escape(topic))</p>\n" }
        let holder = trace.assignee.map { ", held by \(escape($0))" } ?? ""
        html += "<p class=\"meta\">Status: \(escape(labels[trace.status] ?? trace.status.rawValue))\(holder)</p>\n"
        html += "<p class=\"meta\">Sources: \(trace.sources), independent origins: \(trace.independentOrigins)</p>\n"
        html += "<p><strong>Asserted by:</strong> \(list(try voices([.asserts])))<br>\n"
        html += "<strong>Denied or questioned by:</strong> \(list(try voices([.denies, .questions])))</p>\n"
        for verdict in verdicts { html += self.verdict(verdict) }
        try emit(html)
        try table(claim.id, rows: rows, speakerLink: speakerLink, to: emit)
        let related = [
            ("Counter-claims", trace.counterClaims), ("Contradicts", trace.contradicts),
            ("Supported by", trace.supportedBy),
        ]
        for (title, claims) in related where !claims.isEmpty {
            try emit("<h3>\(title)</h3>\n")
            for other in claims {
                let number =
                    link(other.claim.id).map { "<a href=\"\(escape($0))\">#\(other.claim.id)</a>" }
                    ?? "#\(other.claim.id)"
                try emit("<h4>\(number) \(isolated(other.claim.text))</h4>\n")
                try table(other.claim.id, rows: rows, speakerLink: speakerLink, to: emit)
            }
        }
        html = ""
        if !trace.notes.isEmpty {
            html += "<h3>Notes</h3>\n<ul class=\"notes\">\n"
            for note in trace.notes {
                html += "<li><small>\(escape(note.at)), \(escape(note.by))</small><br>\(escape(note.text))</li>\n"
            }
            html += "</ul>\n"
        }
        try emit(html + "</section>\n")
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

    /// A claim's rows as a table, written as they are read; a claim with none says so.
    private static func table(
        _ claimID: Int64,
        rows: (Int64, (ProvenanceRow) throws -> Void) throws -> Void,
        speakerLink: (Int64) -> String?,
        to emit: (String) throws -> Void
    ) throws {
        var empty = true
        // The row callback is only called while `rows` runs, as `emit` and `speakerLink` live.
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(speakerLink) { speakerLink in
                try rows(claimID) { row in
                    if empty {
                        try emit(
                            "<table>\n<tr><th>Date</th><th>Speaker</th><th>Stance</th><th>Quote</th>"
                                + "<th>Source</th><th>Via</th></tr>\n"
                        )
                        empty = false
                    }
                    let name = escape(row.voice)
                    let speaker =
                        (row.speakerID.flatMap(speakerLink).map { "<a href=\"\(escape($0))\">\(name)</a>" } ?? name)
                        + (row.speakerRole.map { "<br><small>\(escape($0))</small>" } ?? "")
                    let quote = row.quote.map { "<q\(quoteClass(row))>\(escape($0))</q>" } ?? ""
                    let how = [row.mode.rawValue, row.cue].compactMap { $0 }.map(escape).joined(separator: ", ")
                    var html = "<tr><td>\(escape(row.date ?? "undated"))</td><td>\(speaker)</td>"
                    html += "<td class=\"\(row.stance.rawValue)\">\(row.stance.rawValue)</td>"
                    html +=
                        "<td>\(quote)<br><small>\(how)</small>\(quoteCheck(row))</td><td>\(source(row))</td>"
                        + "<td>\(escape(row.viaChainText))</td></tr>\n"
                    try emit(html)
                }
            }
        }
        try emit(empty ? "<p class=\"meta\">No attributions recorded.</p>\n" : "</table>\n")
    }

    /// The class marking a quote its source's body does not hold as written.
    private static func quoteClass(_ row: ProvenanceRow) -> String {
        switch row.quoteCheck {
        case .altered?: " class=\"altered\""
        case .notFound?: " class=\"not_found\""
        default: ""
        }
    }

    /// Under an altered quote, what it changed in the source's words, word by word: `<del>` what the
    /// source says and the quote leaves out or replaces, `<ins>` what the quote has instead; under a
    /// quote the body does not hold, that it was not found.
    private static func quoteCheck(_ row: ProvenanceRow) -> String {
        switch row.quoteCheck {
        case .altered?:
            let items = row.quoteChanges.map { change in
                let from = change.from.map { "<del>\(escape($0))</del>" } ?? ""
                let to = change.to.map { "<ins>\(escape($0))</ins>" } ?? ""
                let text =
                    switch change.kind {
                    case .added: "added \(to)"
                    case .dropped: "dropped \(from)"
                    case .changed: "\(from) → \(to)"
                    }
                return "<li class=\"\(change.kind.rawValue)\">\(text)</li>"
            }
            return "<div class=\"quote-check altered\">Altered from the source:<ul class=\"changes\">"
                + items.joined() + "</ul></div>"
        case .notFound?: return "<div class=\"quote-check not_found\">Not found in the source</div>"
        default: return ""
        }
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
        names.isEmpty ? "—" : names.map(isolated).joined(separator: "; ")
    }

    /// Stored text, escaped, in its own `<bdi>`: where it shares a line with other words (a heading's
    /// "contested", a list of names), a bidirectional override or an unclosed embedding in it ends
    /// with the element instead of reversing what follows. Element content only.
    public static func isolated(_ text: String) -> String {
        "<bdi>" + escape(text) + "</bdi>"
    }

    /// Escapes text for element content and quoted attribute values alike, scalar by scalar.
    public static func escape(_ text: String) -> String {
        text.escaped(plain: isPlainInHTML) {
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

    /// Whether a byte is printable ASCII that HTML shows as itself (or tab, line feed, carriage
    /// return): no other byte needs a look at its scalar.
    private static func isPlainInHTML(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x26, 0x27, 0x3C, 0x3E: false
        case 0x20...0x7E, 0x09, 0x0A, 0x0D: true
        default: false
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
        q.altered,q.not_found{background:#fff3e0}.quote-check{color:#e65100;font-size:.85em}
        .changes{margin:0;padding-left:1.2em}
        del{color:#b00020}ins{color:#1b5e20;text-decoration:none;font-weight:bold}
        """
}
