extension ProvenanceRow: PrettyJSONLayout {
    /// The row as `JSONReport.encode` lays it out (snake_case keys, sorted; every field present,
    /// null when missing), written field by field: a trace of the busiest claim writes hundreds of
    /// thousands of rows, and building each row's tree first (`ReportTreeEncoder`) took most of
    /// its time. `JSONShapeTests` holds the two to the same bytes.
    func appendPretty(to text: inout String, depth: Int) {
        let outer = String(repeating: "  ", count: depth)
        let inner = outer + "  "
        var first = true
        // Appended piece by piece: joining the pieces first built a string per key, 33 a row.
        func key(_ name: String) {
            text += first ? "{\n" : ",\n"
            text += inner
            text += "\""
            text += name
            text += "\" : "
            first = false
        }
        func string(_ name: String, _ value: String?) {
            key(name)
            if let value { JSONValue.appendPrettyQuoted(value, to: &text) } else { text += "null" }
        }
        func number(_ name: String, _ value: Int64?) {
            key(name)
            text += value.map { String($0) } ?? "null"
        }
        func list(_ name: String, _ items: [ReportNode]) {
            key(name)
            ReportNode.appendPretty(items, to: &text, depth: depth + 1)
        }
        // In the order of the keys, sorted as JSONEncoder sorts them.
        string("assignee", assignee)
        number("attribution_id", attributionID)
        string("claim", claim)
        number("claim_id", claimID)
        key("contested")
        text += contested ? "true" : "false"
        list("counter_claim_ids", counterClaimIDs.map(ReportNode.int))
        string("cue", cue)
        string("mode", mode.rawValue)
        string("published", published)
        string("quote", quote)
        list("quote_changes", quoteChanges.map(\.reportNode))
        string("quote_check", quoteCheck?.rawValue)
        string("recorded_at", recordedAt)
        string("recorded_by", recordedBy)
        string("said_on", saidOn)
        string("source_author", sourceAuthor)
        number("source_id", sourceID)
        string("source_outlet", sourceOutlet)
        string("source_retracted_on", sourceRetractedOn)
        string("source_title", sourceTitle)
        string("source_url", sourceURL)
        string("speaker", speaker)
        number("speaker_id", speakerID)
        string("speaker_kind", speakerKind?.rawValue)
        string("speaker_role", speakerRole)
        string("stance", stance.rawValue)
        string("state", state.rawValue)
        string("status", status.rawValue)
        list("supported_by_claim_ids", supportedByClaimIDs.map(ReportNode.int))
        string("topic", topic)
        list("via_chain", viaChain.map(ReportNode.string))
        number("via_id", viaID)
        text += "\n"
        text += outer
        text += "}"
    }
}

extension WordChange {
    /// The change as `ReportTreeEncoder` makes it: the few altered quotes' changes, in a row
    /// written field by field.
    var reportNode: ReportNode {
        .object([
            "from": from.map(ReportNode.string) ?? .null, "kind": .string(kind.rawValue),
            "to": to.map(ReportNode.string) ?? .null,
        ])
    }
}
