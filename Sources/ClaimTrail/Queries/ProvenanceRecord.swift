/// One attribution as `ProvenanceQuery` reads it: the statement's current row, with the claim,
/// speaker and source it names, each read once for all of their rows.
///
/// Like `Row`, it is valid only inside the closure that received it. `row()` makes it a
/// `ProvenanceRow`; the CSV report writes the attribution's own text straight from the columns'
/// bytes instead (`ProvenanceReport`), since building a string per cell was most of its cost.
struct ProvenanceRecord {
    /// The columns of `ProvenanceQuery`'s statement, in its order.
    enum Column: Int32 {
        case claimID, attributionID, stance, speakerID, proposedSpeaker, mode, cue, quote, sourceID, saidOn, viaID
        case recordedAt, recordedBy, state
        /// The first of `quote_location`'s columns (`KeptQuoteLocation`).
        case quoteLocation
        /// After `quote_location`'s four, in a read that joins them, the speaker's columns and
        /// then the source's (`ProvenanceQuery.RecordCache`).
        case joinedRecords = 18
    }

    let columns: Row
    let claimID: Int64
    let standing: ProvenanceQuery.ClaimStanding
    let speaker: ProvenanceQuery.RecordCache.SpeakerFields?
    let source: ProvenanceQuery.RecordCache.SourceFields
    let chains: ViaChainResolver
    let quoteChecks: ReportedQuoteChecks
    let readsQuoteChanges: Bool

    var attributionID: Int64 { columns.int64(Column.attributionID.rawValue) }
    var speakerID: Int64? { columns.optionalInt64(Column.speakerID.rawValue) }
    var sourceID: Int64 { columns.int64(Column.sourceID.rawValue) }
    var viaID: Int64? { columns.optionalInt64(Column.viaID.rawValue) }
    var stance: Stance { Stance(rawValue: text(.stance) ?? "") ?? .asserts }
    var mode: Mode { Mode(rawValue: text(.mode) ?? "") ?? .indirect }

    /// Whether the mode is `direct`, read from the column's bytes: a report asks it of every row.
    private var isDirect: Bool { withUTF8(.mode) { $0.elementsEqual(Self.direct.utf8) } }
    private static let direct = Mode.direct.rawValue

    /// The speaker's name; for a proposal whose speaker is not linked yet, the name the extractor found.
    var speakerName: String? { speaker?.name ?? text(.proposedSpeaker) }

    func text(_ column: Column) -> String? { columns.text(column.rawValue) }

    /// Calls `body` with the column's UTF-8 bytes (none for NULL), as SQLite holds them.
    func withUTF8<Result>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try columns.withUTF8(column.rawValue, body)
    }

    /// The speakers from this attribution's own to the first report; empty when not relayed.
    func viaChain() throws -> [String] {
        guard let viaID else { return [] }
        return [speakerName ?? ProvenanceRow.unattributed] + (try chains.chain(from: viaID))
    }

    /// How a direct quote stands against its source's body; nil for any other attribution.
    func quoteFinding() throws -> QuoteFinding? {
        guard isDirect, !columns.isNull(Column.quote.rawValue) else { return nil }
        return try quoteChecks.finding(
            of: columns.string(Column.quote.rawValue),
            inSource: sourceID,
            bodySHA256: source.bodySHA256,
            kept: KeptQuoteLocation(row: columns, from: Column.quoteLocation.rawValue),
            changes: readsQuoteChanges
        )
    }

    /// The record as a report row.
    func row() throws -> ProvenanceRow {
        let quoteFinding = try quoteFinding()
        return ProvenanceRow(
            claimID: claimID,
            claim: standing.text,
            topic: standing.topic,
            contested: standing.contested,
            counterClaimIDs: standing.counterClaimIDs,
            supportedByClaimIDs: standing.supportedByClaimIDs,
            attributionID: attributionID,
            stance: stance,
            speakerID: speakerID,
            speaker: speakerName,
            speakerKind: speaker?.kind,
            speakerRole: speaker?.role,
            mode: mode,
            cue: text(.cue),
            quote: text(.quote),
            sourceID: sourceID,
            sourceTitle: source.title,
            sourceOutlet: source.outlet,
            sourceAuthor: source.author,
            sourceURL: source.url,
            published: source.published,
            saidOn: text(.saidOn),
            viaID: viaID,
            viaChain: try viaChain(),
            recordedAt: text(.recordedAt) ?? "",
            recordedBy: text(.recordedBy) ?? "",
            state: AttributionState(rawValue: text(.state) ?? "") ?? .accepted,
            status: standing.status,
            assignee: standing.assignee,
            sourceRetractedOn: source.retractedOn,
            quoteCheck: quoteFinding?.status,
            quoteChanges: quoteFinding?.changes ?? []
        )
    }
}
