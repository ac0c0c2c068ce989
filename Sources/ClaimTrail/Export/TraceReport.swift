/// Text forms of the two traces, for reading in a terminal.
public enum TraceReport {
    /// - Parameter labels: the desk's words for statuses it renamed.
    public static func table(_ trace: ClaimTrace, labels: [VerificationStatus: String] = [:]) -> String {
        var text = "Claim #\(trace.claim.id): \(trace.claim.text)\(trace.contested ? "  [contested]" : "")\n"
        if let topic = trace.claim.topic { text += "Topic: \(topic)\n" }
        text += "Status: \(labels[trace.status] ?? trace.status.rawValue)"
        text += (trace.assignee.map { ", held by \($0)" } ?? "") + "\n"
        if let first = trace.firstAppearance {
            text += "First appearance: \(first.titles[0]) (\(first.day))\n"
            text +=
                "Spread: "
                + trace.spread.map { "\($0.day) \($0.sourceIDs.count) source\($0.sourceIDs.count == 1 ? "" : "s")" }
                .joined(separator: ", ") + "\n"
        }
        let relays = trace.timeline.filter { !$0.viaChain.isEmpty }.map { "\($0.viaChainText) (in \($0.sourceTitle))" }
        if !relays.isEmpty { text += "Relayed: " + relays.joined(separator: "; ") + "\n" }
        text += "\nWho said it\n" + timeline(trace.timeline)
        let sections = [
            ("Counter-claims (dispute this claim)", trace.counterClaims),
            ("Claims this one contradicts", trace.contradicts),
            ("Supported by", trace.supportedBy),
        ]
        for (title, related) in sections where !related.isEmpty {
            text += "\n\(title)\n"
            for other in related {
                text += "\n#\(other.claim.id): \(other.claim.text)\n" + timeline(other.attributions)
            }
        }
        if !trace.notes.isEmpty {
            text += "\nNotes\n" + trace.notes.map { "  \($0.at) \($0.by): \($0.text)\n" }.joined()
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
                + TextTable(
                    headers: ["when", "by", "change", "what", "reason"],
                    rows: rows,
                    maximumCellWidth: 80
                ).render()
        }
        return text
    }

    public static func table(_ trace: SpeakerTrace) -> String {
        var text = "Speaker #\(trace.speaker.id): \(trace.speaker.label), \(trace.speaker.kind.rawValue)\n"
        if !trace.speaker.aliases.isEmpty {
            text += "Also known as: \(trace.speaker.aliases.joined(separator: "; "))\n"
        }
        let rows = trace.attributions.map { row in
            [
                row.date ?? "", "#\(row.claimID)", row.claim, row.stance.rawValue, row.mode.rawValue,
                row.cue ?? "", row.quote ?? "", row.sourceTitle, row.viaChainText,
            ]
        }
        guard !rows.isEmpty else { return text + "\nNo attributions recorded.\n" }
        return text + "\n"
            + TextTable(
                headers: ["date", "claim", "text", "stance", "mode", "cue", "quote", "source", "via"],
                rows: rows,
                maximumCellWidth: 40
            ).render()
    }

    private static func timeline(_ rows: [ProvenanceRow]) -> String {
        guard !rows.isEmpty else { return "  (no attributions recorded)\n" }
        let cells = rows.map { row in
            [
                row.date ?? "", row.speaker ?? ProvenanceRow.unattributed, row.speakerRole ?? "",
                row.stance.rawValue + (row.state == .proposed ? " (proposed #\(row.attributionID))" : ""),
                row.mode.rawValue, row.cue ?? "", row.quote ?? "", row.sourceTitle, row.viaChainText,
            ]
        }
        return TextTable(
            headers: ["date", "speaker", "role", "stance", "mode", "cue", "quote", "source", "via"],
            rows: cells,
            maximumCellWidth: 40
        ).render()
    }
}
