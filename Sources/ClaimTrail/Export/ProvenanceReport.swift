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
            try query.forEachRecord(scope, limit: limit) { record in
                try output.append { try record.appendCSV(cells: cells, to: &$0) }
                count += 1
            }
        }
        return count
    }
}

extension ProvenanceRecord {
    /// Appends the record as a CSV record: the bytes of `CSV.line` of its row's `cells`, written
    /// from the claim, speaker and source read once and from the attribution's column bytes, so
    /// that no string is built per cell (`CSVExportTests` holds the two to the same bytes).
    func appendCSV(cells: CSV.Cells, to bytes: inout [UInt8]) throws {
        func string(_ text: String?) {
            CSV.separate(&bytes)
            CSV.append(field: text ?? "", cells: cells, to: &bytes)
        }
        func column(_ column: Column) {
            CSV.separate(&bytes)
            withUTF8(column) { CSV.append(text: $0, cells: cells, to: &bytes) }
        }
        func number(_ number: Int64?) {
            CSV.separate(&bytes)
            if let number { CSV.append(field: number, to: &bytes) }
        }
        CSV.append(field: claimID, to: &bytes)
        string(standing.text)
        string(standing.topic)
        string(standing.contested ? "true" : "false")
        string(standing.counterClaimList)
        string(stance.rawValue)
        if let speaker { string(speaker.name) } else { column(.proposedSpeaker) }
        string(speaker?.kind?.rawValue)
        string(speaker?.role)
        string(mode.rawValue)
        column(.cue)
        column(.quote)
        string(source.title)
        string(source.outlet)
        string(source.author)
        string(source.url)
        string(source.published)
        string(viaID == nil ? nil : try viaChain().joined(separator: ProvenanceRow.viaSeparator))
        column(.recordedAt)
        column(.recordedBy)
        number(attributionID)
        number(speakerID)
        number(sourceID)
        column(.saidOn)
        string(standing.supportedByList)
        string(standing.status.rawValue)
        string(standing.assignee)
        string(source.retractedOn)
        string(try quoteFinding()?.status.rawValue)
        CSV.endRecord(&bytes)
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
