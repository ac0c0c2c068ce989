/// The provenance report: one row per attribution, as CSV.
///
/// The columns are fixed and documented in the README, because newsroom spreadsheets and
/// scripts are built against them.
public enum ProvenanceReport {
    /// Streams every attribution in `scope` as RFC 4180 CSV with a header row.
    /// - Parameters:
    ///   - limit: at most this many rows (of each claim, for several claims).
    ///   - cells: whether cells a spreadsheet would run as formulas are neutralised.
    /// - Returns: the number of rows written, header excluded.
    @discardableResult
    public static func writeCSV(
        from store: ClaimStore,
        scope: ProvenanceQuery.Scope,
        limit: Int? = nil,
        cells: CSV.Cells = .neutralised,
        to output: TextOutput
    ) throws -> Int {
        try output.writeCSV(ProvenanceRow.columns, cells: cells)
        var count = 0
        var query = store.provenance
        query.readsQuoteChanges = false
        try store.read {
            try query.forEach(scope, limit: limit) { row in
                try output.writeCSV(row.cells, cells: cells)
                count += 1
            }
        }
        return count
    }
}

extension ProvenanceRow: Tabular {
    public static let columns = [
        "claim_id", "claim", "topic", "contested", "counter_claim_ids", "stance", "speaker", "speaker_kind",
        "speaker_role", "mode", "cue", "quote", "source_title", "source_outlet", "source_author", "source_url",
        "published", "via_chain", "recorded_at", "recorded_by",
        // Added later, at the end, so that the positions spreadsheets rely on stay put.
        "attribution_id", "speaker_id", "source_id", "said_on", "supported_by_claim_ids", "status", "assignee",
        "source_retracted_on", "quote_check",
    ]

    public var cells: [String] {
        [
            String(claimID), claim, topic ?? "", contested ? "true" : "false",
            counterClaimIDs.map(String.init).joined(separator: ";"), stance.rawValue, speaker ?? "",
            speakerKind?.rawValue ?? "", speakerRole ?? "", mode.rawValue, cue ?? "", quote ?? "", sourceTitle,
            sourceOutlet ?? "", sourceAuthor ?? "", sourceURL ?? "", published ?? "", viaChainText, recordedAt,
            recordedBy, String(attributionID), speakerID.map(String.init) ?? "", String(sourceID), saidOn ?? "",
            supportedByClaimIDs.map(String.init).joined(separator: ";"), status.rawValue, assignee ?? "",
            sourceRetractedOn ?? "", quoteCheck?.rawValue ?? "",
        ]
    }
}
