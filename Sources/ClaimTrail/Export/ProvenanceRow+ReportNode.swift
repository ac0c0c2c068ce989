extension ProvenanceRow {
    /// The row's node in a report's JSON tree, built from its fields: the node the synthesized
    /// `Encodable` conformance gives through `ReportTreeEncoder`, with every key snake_cased
    /// and every missing value null. Rows are most of a trace's JSON, and the generic path (a
    /// keyed container, a slot and a key conversion per field) was most of a claim page's JSON
    /// cost. A test compares the two for rows with every field set and with none.
    var reportNode: ReportNode {
        let text = { (value: String?) in value.map(ReportNode.string) ?? .null }
        let number = { (value: Int64?) in value.map(ReportNode.int) ?? .null }
        let ids = { (ids: [Int64]) in ReportNode.array(ids.map(ReportNode.int)) }
        return .object([
            "claim_id": .int(claimID), "claim": .string(claim), "topic": text(topic), "contested": .bool(contested),
            "counter_claim_ids": ids(counterClaimIDs), "supported_by_claim_ids": ids(supportedByClaimIDs),
            "attribution_id": .int(attributionID), "stance": .string(stance.rawValue), "speaker_id": number(speakerID),
            "speaker": text(speaker), "speaker_kind": text(speakerKind?.rawValue), "speaker_role": text(speakerRole),
            "mode": .string(mode.rawValue), "cue": text(cue), "quote": text(quote), "source_id": .int(sourceID),
            "source_title": .string(sourceTitle), "source_outlet": text(sourceOutlet),
            "source_author": text(sourceAuthor), "source_url": text(sourceURL), "published": text(published),
            "said_on": text(saidOn), "via_id": number(viaID), "via_chain": .array(viaChain.map(ReportNode.string)),
            "recorded_at": .string(recordedAt), "recorded_by": .string(recordedBy), "state": .string(state.rawValue),
            "status": .string(status.rawValue), "assignee": text(assignee),
            "source_retracted_on": text(sourceRetractedOn), "quote_check": text(quoteCheck?.rawValue),
            "quote_changes": .array(quoteChanges.map(\.reportNode)),
        ])
    }
}
