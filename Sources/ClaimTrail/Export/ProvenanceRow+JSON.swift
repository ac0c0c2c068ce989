extension ProvenanceRow: PrettyJSONLayout {
    /// Calls `body` with each of the row's JSON fields, in the order JSONEncoder sorts their keys:
    /// the fields the synthesized `Encodable` conformance gives through `ReportTreeEncoder`, every
    /// key snake_cased and every missing value null. The one description of a row's JSON, which
    /// `reportNode` gathers into a tree and `appendPretty` writes straight out; a test holds it
    /// to the generic path, which took most of a claim page's and a trace's JSON time.
    func forEachJSONField(_ body: (_ key: StaticString, _ value: ReportNode) -> Void) {
        let text = { (value: String?) in value.map(ReportNode.string) ?? .null }
        let number = { (value: Int64?) in value.map(ReportNode.int) ?? .null }
        body("assignee", text(assignee))
        body("attribution_id", .int(attributionID))
        body("claim", .string(claim))
        body("claim_id", .int(claimID))
        body("contested", .bool(contested))
        body("counter_claim_ids", .array(counterClaimIDs.map(ReportNode.int)))
        body("cue", text(cue))
        body("mode", .string(mode.rawValue))
        body("published", text(published))
        body("quote", text(quote))
        body("quote_changes", .array(quoteChanges.map(\.reportNode)))
        body("quote_check", text(quoteCheck?.rawValue))
        body("recorded_at", .string(recordedAt))
        body("recorded_by", .string(recordedBy))
        body("said_on", text(saidOn))
        body("source_author", text(sourceAuthor))
        body("source_id", .int(sourceID))
        body("source_outlet", text(sourceOutlet))
        body("source_retracted_on", text(sourceRetractedOn))
        body("source_title", .string(sourceTitle))
        body("source_url", text(sourceURL))
        body("speaker", text(speaker))
        body("speaker_id", number(speakerID))
        body("speaker_kind", text(speakerKind?.rawValue))
        body("speaker_role", text(speakerRole))
        body("stance", .string(stance.rawValue))
        body("state", .string(state.rawValue))
        body("status", .string(status.rawValue))
        body("supported_by_claim_ids", .array(supportedByClaimIDs.map(ReportNode.int)))
        body("topic", text(topic))
        body("via_chain", .array(viaChain.map(ReportNode.string)))
        body("via_id", number(viaID))
    }

    /// The row as a tree of its fields, as JSONEncoder encodes a `ReportNode.row`; a report's
    /// tree holds the row itself (`ReportTreeEncoder`), and writes it by `appendPretty`.
    var reportNode: ReportNode {
        var fields: [String: ReportNode] = [:]
        fields.reserveCapacity(32)
        forEachJSONField { key, value in fields[key.description] = value }
        return .object(fields)
    }

    /// The row as `JSONReport.encode` lays it out, written field by field with no tree built: a
    /// trace of the busiest claim writes hundreds of thousands of rows.
    func appendPretty(to json: inout [UInt8], depth: Int) {
        var first = true
        forEachJSONField { key, value in
            json.append(ascii: first ? "{\n" : ",\n")
            first = false
            PrettyJSON.indent(depth + 1, to: &json)
            json.append(UInt8(ascii: "\""))
            json.append(ascii: key)
            json.append(ascii: "\" : ")
            value.appendPretty(to: &json, depth: depth + 1)
        }
        json.append(UInt8(ascii: "\n"))
        PrettyJSON.indent(depth, to: &json)
        json.append(UInt8(ascii: "}"))
    }
}

extension WordChange {
    /// The change as `ReportTreeEncoder` makes it: the few altered quotes' changes, in a row's JSON.
    var reportNode: ReportNode {
        .object([
            "from": from.map(ReportNode.string) ?? .null, "kind": .string(kind.rawValue),
            "to": to.map(ReportNode.string) ?? .null,
        ])
    }
}
