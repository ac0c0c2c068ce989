/// One self-contained HTML page of provenance: no scripts, no external assets, every field escaped,
/// so it can be mailed to an editor or attached to a story file as it is.
public enum HTMLReport: StoreDocument {
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
            var html: [UInt8] = []
            html.reserveCapacity(emitSize + (1 << 12))
            for id in ids {
                try writeSection(
                    store.traceClaim("#\(id)", limit: 0),
                    voices: { try store.voices(claimID: id, stances: $0) },
                    rows: { claimID, body in try provenance.forEach(.claim(claimID), body) },
                    verdicts: store.verdicts(claimID: id),
                    labels: labels,
                    link: { shown.contains($0) ? "#claim-\($0)" : nil },
                    speakerLink: { _ in nil },
                    into: &html
                ) { buffer in
                    guard buffer.count >= emitSize else { return }
                    try emit(String(decoding: buffer, as: UTF8.self))
                    buffer.removeAll(keepingCapacity: true)
                }
                try emit(String(decoding: html, as: UTF8.self))
                html.removeAll(keepingCapacity: true)
            }
            try emit((ids.isEmpty ? "<p>No claims to report.</p>\n" : "") + "</body>\n</html>\n")
        }
    }

    /// One claim as the report shows it, appended to a page's bytes; `claimtrail serve`'s claim
    /// page shows the same, and sends the bytes as they are.
    /// - Parameters:
    ///   - labels: the desk's names for the verification statuses.
    ///   - link: where a related claim's number links to, if anywhere.
    ///   - speakerLink: where a speaker's name links to, if anywhere.
    public static func section(
        _ trace: ClaimTrace,
        verdicts: [Verdict],
        labels: [VerificationStatus: String],
        link: (Int64) -> String?,
        speakerLink: (Int64) -> String?,
        into html: inout [UInt8]
    ) {
        let rows = Dictionary(
            [(trace.claim.id, trace.attributions)]
                + (trace.counterClaims + trace.contradicts + trace.supportedBy).map { ($0.claim.id, $0.attributions) }
        ) { first, _ in first }
        // Nothing here throws: the rows are in memory and the page's bytes are kept whole.
        try? writeSection(
            trace,
            voices: { voices(in: trace.attributions, stances: $0) },
            rows: { claimID, body in try rows[claimID]?.forEach(body) },
            verdicts: verdicts,
            labels: labels,
            link: link,
            speakerLink: speakerLink,
            into: &html,
            written: { _ in }
        )
    }

    /// The names, sorted and each once, of those who took one of the stances in rows already read.
    ///
    /// A speaker's rows are told apart by id before any name is looked at: hashing and comparing a
    /// name past ASCII (most of them) normalises it scalar by scalar, and a page holds the same
    /// speaker many times. Names that are equal but for their speakers end up next to each other
    /// once sorted, where the first of them is kept, as a set of names would keep it.
    private static func voices(in rows: [ProvenanceRow], stances: [Stance]) -> [String] {
        var speakers = Set<Int64>(minimumCapacity: rows.count)
        var names: [String] = []
        for row in rows where stances.contains(row.stance) {
            guard let speakerID = row.speakerID else {
                names.append(row.voice)
                continue
            }
            if speakers.insert(speakerID).inserted { names.append(row.voice) }
        }
        names.sort()
        var distinct: [String] = []
        distinct.reserveCapacity(names.count)
        for name in names where distinct.last != name { distinct.append(name) }
        return distinct
    }

    /// One claim's section, its tables written row by row.
    ///
    /// The rows are appended as bytes into one buffer, which is handed to `written` after each row
    /// (the report passes it on as text once it has grown past `emitSize`): a claim page's fifty
    /// rows, or the busiest claim's eighty thousand in the report, cost an append per piece of a
    /// row rather than a string each.
    /// - Parameters:
    ///   - trace: the claim and what is linked to it; its rows are not read (see `rows`).
    ///   - voices: the names, sorted, of those who took one of the stances on the claim.
    ///   - rows: passes each row of a claim (the traced one or a linked one) to the body.
    ///   - html: where the section's bytes go; the last of them are left there.
    private static func writeSection(
        _ trace: ClaimTrace,
        voices: ([Stance]) throws -> [String],
        rows: (Int64, (ProvenanceRow) throws -> Void) throws -> Void,
        verdicts: [Verdict],
        labels: [VerificationStatus: String],
        link: (Int64) -> String?,
        speakerLink: (Int64) -> String?,
        into html: inout [UInt8],
        written: (inout [UInt8]) throws -> Void
    ) throws {
        let claim = trace.claim
        var head = "<section id=\"claim-\(claim.id)\">\n<h2>#\(claim.id) \(isolate(claim.text))"
        head += trace.contested ? " <span class=\"contested\">contested</span></h2>\n" : "</h2>\n"
        if let topic = claim.topic { head += "<p class=\"meta\">Topic: \(isolate(topic))</p>\n" }
        let holder = trace.assignee.map { ", held by \(isolate($0))" } ?? ""
        head += "<p class=\"meta\">Status: \(isolate(labels[trace.status] ?? trace.status.rawValue))\(holder)</p>\n"
        let origins = ClaimOrigins.counts(trace.sources, trace.independentOrigins, trace.firstHandDenials)
        head += "<p class=\"meta\">\(origins)</p>\n"
        head += "<p><strong>Asserted by:</strong> \(list(try voices([.asserts])))<br>\n"
        head += "<strong>Denied or questioned by:</strong> \(list(try voices([.denies, .questions])))</p>\n"
        for verdict in verdicts { head += self.verdict(verdict) }
        append(head, to: &html)
        // The row callback is only called while `rows` runs, as `written` and `speakerLink` live.
        try withoutActuallyEscaping(written) { written in
            try withoutActuallyEscaping(speakerLink) { speakerLink in
                /// A claim's rows as a table, written as they are read; a claim with none says so.
                func table(_ claimID: Int64) throws {
                    var empty = true
                    try rows(claimID) { row in
                        if empty {
                            html.append(
                                ascii: "<table>\n<tr><th>Date</th><th>Speaker</th><th>Stance</th><th>Quote</th>"
                            )
                            html.append(ascii: "<th>Source</th><th>Via</th></tr>\n")
                            empty = false
                        }
                        self.row(row, speakerLink: speakerLink, to: &html)
                        try written(&html)
                    }
                    html.append(ascii: empty ? "<p class=\"meta\">No attributions recorded.</p>\n" : "</table>\n")
                }
                try table(claim.id)
                let related = [
                    ("Counter-claims", trace.counterClaims), ("Contradicts", trace.contradicts),
                    ("Supported by", trace.supportedBy),
                ]
                for (title, claims) in related where !claims.isEmpty {
                    append("<h3>\(title)</h3>\n", to: &html)
                    for other in claims {
                        let number =
                            link(other.claim.id).map { "<a href=\"\(escape($0))\">#\(other.claim.id)</a>" }
                            ?? "#\(other.claim.id)"
                        append("<h4>\(number) \(isolate(other.claim.text))</h4>\n", to: &html)
                        try table(other.claim.id)
                    }
                }
            }
        }
        var tail = ""
        if !trace.notes.isEmpty {
            tail += "<h3>Notes</h3>\n<ul class=\"notes\">\n"
            for note in trace.notes {
                tail += "<li><small>\(escape(note.at)), \(isolate(note.by))</small><br>\(isolate(note.text))</li>\n"
            }
            tail += "</ul>\n"
        }
        append(tail + "</section>\n", to: &html)
    }

    /// How many bytes of a section `writeSection` gathers before it hands them on.
    private static let emitSize = 1 << 16

    /// A verdict with its explanation, in its language when known, and where the claim was seen.
    private static func verdict(_ verdict: Verdict) -> String {
        let language = verdict.language.map { " lang=\"\(escape($0))\"" } ?? ""
        var html = "<div class=\"verdict\"\(language)><p>Verdict by \(isolate(verdict.reviewer)): "
        html += "<strong>\(isolate(verdict.rating))</strong>"
        html += (verdict.date.map { " (\(escape($0)))" } ?? "") + "</p>\n"
        if let explanation = verdict.explanation { html += "<p>\(isolate(explanation))</p>\n" }
        if let url = verdict.appearanceURL {
            html += "<p><small>Claim seen at: \(link(url, text: isolate(url)))</small></p>\n"
        }
        if let url = verdict.url { html += "<p><small>Review: \(link(url, text: isolate(url)))</small></p>\n" }
        return html + "</div>\n"
    }

    /// `text` as a link to `url` when it is a web link (`isWebLink`); a `javascript:` or `data:`
    /// URL leaves the text plain.
    private static func link(_ url: String, text: String) -> String {
        isWebLink(url) ? "<a href=\"\(escape(url))\">\(text)</a>" : text
    }

    /// The class marking a quote its source's body does not hold as written.
    private static func quoteClass(_ row: ProvenanceRow) -> StaticString {
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
                let from = change.from.map { "<del>\(isolate($0))</del>" } ?? ""
                let to = change.to.map { "<ins>\(isolate($0))</ins>" } ?? ""
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

    /// One row of a claim's table, appended piece by piece to the section's bytes, each field
    /// escaped straight into them: a claim page writes a few hundred rows, the report many more.
    private static func row(_ row: ProvenanceRow, speakerLink: (Int64) -> String?, to html: inout [UInt8]) {
        html.append(ascii: "<tr><td>")
        appendEscaped(row.date ?? "undated", to: &html)
        html.append(ascii: "</td><td>")
        appendLink(to: row.speakerID.flatMap(speakerLink), text: row.voice, into: &html)
        if let role = row.speakerRole {
            html.append(ascii: "<br><small>")
            appendIsolated(role, to: &html)
            html.append(ascii: "</small>")
        }
        html.append(ascii: "</td><td class=\"")
        append(row.stance.rawValue, to: &html)
        html.append(ascii: "\">")
        append(row.stance.rawValue, to: &html)
        html.append(ascii: "</td><td>")
        if let quote = row.quote {
            html.append(ascii: "<q")
            html.append(ascii: quoteClass(row))
            html.append(UInt8(ascii: ">"))
            appendIsolated(quote, to: &html)
            html.append(ascii: "</q>")
        }
        html.append(ascii: "<br><small>")
        append(row.mode.rawValue, to: &html)
        if let cue = row.cue {
            html.append(ascii: ", ")
            appendIsolated(cue, to: &html)
        }
        html.append(ascii: "</small>")
        if row.quoteCheck != nil { append(quoteCheck(row), to: &html) }
        html.append(ascii: "</td><td>")
        appendLink(to: row.sourceURL.flatMap { isWebLink($0) ? $0 : nil }, text: row.sourceTitle, into: &html)
        var bylineOpen = false
        for part in [row.sourceOutlet, row.sourceAuthor, row.published] {
            guard let part else { continue }
            html.append(ascii: bylineOpen ? " · " : "<br><small>")
            appendIsolated(part, to: &html)
            bylineOpen = true
        }
        if bylineOpen { html.append(ascii: "</small>") }
        if let retracted = row.sourceRetractedOn {
            html.append(ascii: " <span class=\"retracted\">retracted ")
            appendEscaped(retracted, to: &html)
            html.append(ascii: "</span>")
        }
        html.append(ascii: "</td><td>")
        appendIsolated(row.viaChainText, to: &html)
        html.append(ascii: "</td></tr>\n")
    }

    /// Stored text, isolated, as a link to `url` when there is one.
    private static func appendLink(to url: String?, text: String, into html: inout [UInt8]) {
        guard let url else { return appendIsolated(text, to: &html) }
        html.append(ascii: "<a href=\"")
        appendEscaped(url, to: &html)
        html.append(ascii: "\">")
        appendIsolated(text, to: &html)
        html.append(ascii: "</a>")
    }

    /// Text already escaped, or markup, appended as its UTF-8.
    private static func append(_ text: String, to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { html.append(contentsOf: $0) }
    }

    /// Whether a URL may become a link: only `http://` and `https://`, in any case, read from its
    /// first bytes one at a time (every row of a page asks, for its source). Anything else
    /// (`javascript:`, `data:`, a relative path) is shown as text.
    static func isWebLink(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        func next() -> UInt8? { bytes.next().map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
        guard next() == UInt8(ascii: "h"), next() == UInt8(ascii: "t"), next() == UInt8(ascii: "t"),
            next() == UInt8(ascii: "p")
        else { return false }
        var byte = next()
        if byte == UInt8(ascii: "s") { byte = next() }
        return byte == UInt8(ascii: ":") && next() == UInt8(ascii: "/") && next() == UInt8(ascii: "/")
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "—" : names.map(isolate).joined(separator: "; ")
    }

    /// Stored text (a claim, a name, a quote, a title) escaped and isolated in `<bdi>`, wherever it
    /// is shown beside other text: in a heading, a table cell, a list item. A claim in Arabic or
    /// Hebrew followed by a number or Latin words would otherwise be reordered with them, and a
    /// stray U+202E in it would reverse the rest of the line; isolated, its direction is its own
    /// (from its first strong letter) and what is around it keeps its order. Attribute values are
    /// only escaped.
    public static func isolate(_ text: String) -> String {
        "<bdi>\(escape(text))</bdi>"
    }

    /// `isolate(_:)`'s text appended to a page's bytes.
    static func appendIsolated(_ text: String, to html: inout [UInt8]) {
        html.append(ascii: "<bdi>")
        appendEscaped(text, to: &html)
        html.append(ascii: "</bdi>")
    }

    /// Stored text isolated where no markup may go (a page's `<title>`): between U+2068 FIRST
    /// STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, which is what `<bdi>` stands for.
    public static func isolatedPlainText(_ text: String) -> String {
        "\u{2068}\(text)\u{2069}"
    }

    /// Escapes text for element content and quoted attribute values alike, scalar by scalar: each
    /// markup character becomes its entity, and each scalar HTML forbids becomes U+FFFD.
    public static func escape(_ text: String) -> String {
        text.escaped(plain: plainInHTML, htmlEscape)
    }

    /// `escape(_:)`'s text appended to a page's bytes.
    static func appendEscaped(_ text: String, to html: inout [UInt8]) {
        text.appendEscaped(to: &html, plain: plainInHTML, htmlEscape)
    }

    /// What HTML shows in place of a scalar, or nil when it shows the scalar itself.
    private static func htmlEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        // HTML allows no control characters in text but tab, line feed and carriage return
        // (ESC and BEL included, and C1), and no noncharacters: each is shown as U+FFFD.
        case _ where isForbiddenInHTML(scalar): "\u{FFFD}"
        default: nil
        }
    }

    private static let plainInHTML = PlainBytes(isPlainInHTML)

    /// Whether a byte starts a scalar HTML shows as itself: printable ASCII (or tab, line feed,
    /// carriage return) but markup, or the first byte of a scalar from U+00C0 to U+EFFF, none of
    /// them a control or a noncharacter (curly quotes, dashes, most of the world's letters). No
    /// other byte needs a look at its scalar: C2 may start a C1 control, EF a noncharacter of
    /// U+FDD0…U+FDEF or U+FFFE, and F0…F4 the last two of a plane.
    private static func isPlainInHTML(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x26, 0x27, 0x3C, 0x3E: false
        case 0x20...0x7E, 0x09, 0x0A, 0x0D: true
        case 0xC3...0xEE: true
        default: false
        }
    }

    /// Whether HTML forbids the scalar in text: C0 controls other than tab, LF and CR, DEL and the
    /// C1 controls, and the noncharacters (U+FDD0…U+FDEF and each plane's last two).
    static func isForbiddenInHTML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The report's style sheet; the server serves it as /style.css, since its pages allow no inline style.
    public static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
        h2{border-top:1px solid #ccc;padding-top:1em}.meta,small{color:#666}
        .contested{background:#b00020;color:#fff;border-radius:3px;padding:0 .4em;font-size:.7em;vertical-align:middle}
        table{border-collapse:collapse;width:100%;margin:.5em 0}\
        td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}.asserts{color:#1b5e20}.denies{color:#b00020}.questions{color:#e65100}
        .verdict{background:#fff8e1;padding:.3em .6em}.retracted{color:#b00020;font-weight:bold}
        q.altered,q.not_found{background:#fff3e0}.quote-check{color:#e65100;font-size:.85em}
        .changes{margin:0;padding-left:1.2em}
        del{color:#b00020}ins{color:#1b5e20;text-decoration:none;font-weight:bold}
        """
}
