/// Text forms of the two traces, for reading in a terminal. Each attribution row starts with its
/// id, which `attribution edit` and `attribution delete` take; a row with no date says "undated".
public enum TraceReport {
    /// - Parameter width: the terminal's width, or nil to cut nothing.
    /// - Parameter labels: the desk's words for statuses it renamed.
    public static func table(
        _ trace: ClaimTrace,
        width: Int? = nil,
        labels: [VerificationStatus: String] = [:]
    ) -> String {
        var text = "Claim #\(trace.claim.id): \(shown(trace.claim.text))\(trace.contested ? "  [contested]" : "")\n"
        if let topic = trace.claim.topic { text += "Topic: \(shown(topic))\n" }
        text += "Status: \(shown(labels[trace.status] ?? trace.status.rawValue))"
        text += (trace.assignee.map { ", held by \(shown($0))" } ?? "") + "\n"
        text += "Sources: \(trace.sources), independent origins: \(trace.independentOrigins)\n"
        let undated = trace.undatedSourceIDs.count
        let undatedNote = undated == 0 ? "" : "undated \(sources(undated))"
        if let first = trace.firstAppearance {
            text += "First appearance: \(shown(first.titles[0])) (\(first.day))\n"
            let days = trace.spread.map { "\($0.day) \(sources($0.sourceIDs.count))" }
            text += "Spread: " + (days + (undated == 0 ? [] : [undatedNote])).joined(separator: ", ") + "\n"
        } else if undated > 0 {
            text += "First appearance: undated (\(sources(undated)), none dated)\n"
        }
        if trace.undatedAttributions > 0 {
            text +=
                "Undated: \(trace.undatedAttributions) of the attributions shown have no date; they are listed last\n"
        }
        let relays = trace.attributions.filter { !$0.viaChain.isEmpty }.map {
            "\(shown($0.viaChainText)) (in \(shown($0.sourceTitle)))"
        }
        if !relays.isEmpty { text += "Relayed: " + relays.joined(separator: "; ") + "\n" }
        text += "\nWho said it\n" + timeline(trace.attributions, width: width)
        let sections = [
            ("Counter-claims (dispute this claim)", trace.counterClaims),
            ("Claims this one contradicts", trace.contradicts),
            ("Supported by", trace.supportedBy),
        ]
        for (title, related) in sections where !related.isEmpty {
            text += "\n\(title)\n"
            for other in related {
                text +=
                    "\n#\(other.claim.id): \(shown(other.claim.text))\n" + timeline(other.attributions, width: width)
            }
        }
        if !trace.notes.isEmpty {
            text += "\nNotes\n" + trace.notes.map { "  \($0.at) \(shown($0.by)): \(shown($0.text))\n" }.joined()
        }
        if !trace.history.isEmpty {
            let rows = trace.history.map { change in
                [
                    change.at, change.by, "\(change.action) \(change.entity) #\(change.entityID)", change.summary,
                    change.reason ?? "",
                ]
            }
            text +=
                "\nHistory\n"
                + TextTable(headers: ["when", "by", "change", "what", "reason"], rows: rows).render(width: width)
        }
        return text
    }

    /// - Parameter width: the terminal's width, or nil to cut nothing.
    public static func table(_ trace: SpeakerTrace, width: Int? = nil) -> String {
        var text = "Speaker #\(trace.speaker.id): \(shown(trace.speaker.label)), \(trace.speaker.kind.rawValue)\n"
        if !trace.speaker.aliases.isEmpty {
            text += "Also known as: \(shown(trace.speaker.aliases.joined(separator: "; ")))\n"
        }
        let undated = trace.attributions.count { $0.date == nil }
        if undated > 0 { text += "Undated: \(undated) of the attributions shown have no date; they are listed last\n" }
        let rows = trace.attributions.map { row in
            [
                String(row.attributionID), row.date ?? undatedCell, "#\(row.claimID)", row.claim, row.stance.rawValue,
                row.mode.rawValue, row.cue ?? "", row.quote ?? "", row.sourceTitle, row.viaChainText,
            ]
        }
        guard !rows.isEmpty else { return text + "\nNo attributions recorded.\n" }
        return text + "\n"
            + TextTable(
                headers: ["id", "date", "claim", "text", "stance", "mode", "cue", "quote", "source", "via"],
                rows: rows
            ).render(width: width)
    }

    /// Stored text as it may appear in a header line: cleaned for the terminal.
    private static func shown(_ text: String) -> String { TerminalText.line(text) }

    private static func timeline(_ rows: [ProvenanceRow], width: Int?) -> String {
        guard !rows.isEmpty else { return "  (no attributions recorded)\n" }
        let cells = rows.map { row in
            [
                String(row.attributionID), row.date ?? undatedCell, row.speaker ?? ProvenanceRow.unattributed,
                row.speakerRole ?? "", row.stance.rawValue + (row.state == .proposed ? " (proposed)" : ""),
                row.mode.rawValue, row.cue ?? "", row.quote ?? "", sourceCell(row), row.viaChainText,
            ]
        }
        return TextTable(
            headers: ["id", "date", "speaker", "role", "stance", "mode", "cue", "quote", "source", "via"],
            rows: cells
        ).render(width: width)
    }

    private static let undatedCell = "undated"

    /// A retracted source says so wherever it is named.
    private static func sourceCell(_ row: ProvenanceRow) -> String {
        row.sourceTitle + (row.sourceRetractedOn.map { " [retracted \($0)]" } ?? "")
    }

    private static func sources(_ count: Int) -> String { "\(count) source\(count == 1 ? "" : "s")" }
}
