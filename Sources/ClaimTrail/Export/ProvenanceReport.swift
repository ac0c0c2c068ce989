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
        var shared = SharedCSVCells(cells: cells)
        try store.read {
            try query.forEachRecord(scope, limit: limit) { record in
                try output.append { try record.appendCSV(sharing: &shared, to: &$0) }
                count += 1
            }
        }
        return count
    }
}

/// The cells a provenance record shares with the other rows of its claim, its speaker or its
/// source, laid out as CSV once for each rather than once per row: the claim's wording and the
/// source's title and address, written again for every row, were a quarter of an export's work.
/// Each part holds its commas: the ones before its cells and between them.
struct SharedCSVCells {
    let cells: CSV.Cells
    /// The claim whose rows come now (a claim's rows come together, but for a speaker's):
    /// claim_id…counter_claim_ids, and supported_by_claim_ids…assignee.
    private var claim: (id: Int64, head: [UInt8], tail: [UInt8])?
    /// speaker…speaker_role, by speaker; title…published and retracted_on, by source. Bounded,
    /// as `RecordTable` is.
    private var speakers: [Int64: [UInt8]] = [:]
    private var sources: [Int64: (title: [UInt8], retractedOn: [UInt8])] = [:]
    private static let kept = 1 << 16

    init(cells: CSV.Cells) { self.cells = cells }

    mutating func claim(of record: ProvenanceRecord) -> (head: [UInt8], tail: [UInt8]) {
        if let claim, claim.id == record.claimID { return (claim.head, claim.tail) }
        let standing = record.standing
        var head: [UInt8] = []
        CSV.append(field: record.claimID, to: &head)
        append(
            [standing.text, standing.topic, standing.contested ? "true" : "false", standing.counterClaimList],
            to: &head
        )
        var tail: [UInt8] = []
        append([standing.supportedByList, standing.status.rawValue, standing.assignee], to: &tail)
        claim = (record.claimID, head, tail)
        return (head, tail)
    }

    mutating func speaker(_ id: Int64, _ speaker: ProvenanceQuery.RecordCache.SpeakerFields) -> [UInt8] {
        if let known = speakers[id] { return known }
        var part: [UInt8] = []
        append([speaker.name, speaker.kind?.rawValue, speaker.role], to: &part)
        if speakers.count >= Self.kept { speakers.removeAll(keepingCapacity: true) }
        speakers[id] = part
        return part
    }

    mutating func source(of record: ProvenanceRecord) -> (title: [UInt8], retractedOn: [UInt8]) {
        let id = record.sourceID
        if let known = sources[id] { return known }
        let source = record.source
        var part: (title: [UInt8], retractedOn: [UInt8]) = ([], [])
        append([source.title, source.outlet, source.author, source.url, source.published], to: &part.title)
        append([source.retractedOn], to: &part.retractedOn)
        if sources.count >= Self.kept { sources.removeAll(keepingCapacity: true) }
        sources[id] = part
        return part
    }

    /// Each text as a cell after a comma; nil as an empty one.
    private func append(_ texts: [String?], to bytes: inout [UInt8]) {
        for text in texts {
            CSV.separate(&bytes)
            CSV.append(field: text ?? "", cells: cells, to: &bytes)
        }
    }
}

extension ProvenanceRecord {
    /// Appends the record as a CSV record: the bytes of `CSV.line` of its row's `cells`, written
    /// from the claim, speaker and source cells `shared` lays out once and from the attribution's
    /// column bytes, so that no string is built per cell (`CSVExportTests` holds the two to the
    /// same bytes). Stance and mode are copied as stored: the schema's checks hold them to the
    /// words their cells show.
    func appendCSV(sharing shared: inout SharedCSVCells, to bytes: inout [UInt8]) throws {
        let cells = shared.cells
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
        let claim = shared.claim(of: self)
        let source = shared.source(of: self)
        bytes.append(contentsOf: claim.head)
        column(.stance)
        if let speakerID, let speaker {
            bytes.append(contentsOf: shared.speaker(speakerID, speaker))
        } else {
            column(.proposedSpeaker)
            string(nil)
            string(nil)
        }
        column(.mode)
        column(.cue)
        column(.quote)
        bytes.append(contentsOf: source.title)
        string(viaID == nil ? nil : try viaChain().joined(separator: ProvenanceRow.viaSeparator))
        column(.recordedAt)
        column(.recordedBy)
        number(attributionID)
        number(speakerID)
        number(sourceID)
        column(.saidOn)
        bytes.append(contentsOf: claim.tail)
        bytes.append(contentsOf: source.retractedOn)
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
