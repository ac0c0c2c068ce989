/// One direct quote checked against its source's body: a row of `quotes verify`.
public struct QuoteCheck: Codable, Equatable, Sendable {
    public var attributionID: Int64
    public var claimID: Int64
    /// nil for an unattributed statement.
    public var speaker: String?
    public var sourceID: Int64
    /// The source's title.
    public var source: String
    public var quote: String
    public var status: QuoteStatus
    /// The passage found, in UTF-8 bytes of the body.
    public var quoteStart: Int?
    public var quoteEnd: Int?
    /// What the quote changed in the passage, when altered.
    public var changes: [WordChange]
    /// Whether the body had changed since the quote was found in it, so it was looked for again.
    public var relocated: Bool
}

extension QuoteCheck: Tabular {
    public static let columns = [
        "attribution_id", "claim_id", "speaker", "source_id", "source", "status", "changes", "quote_start",
        "quote_end", "relocated", "quote",
    ]

    public var cells: [String] {
        [
            String(attributionID), String(claimID), speaker ?? ProvenanceRow.unattributed, String(sourceID), source,
            status.rawValue, WordChange.text(changes), quoteStart.map(String.init) ?? "",
            quoteEnd.map(String.init) ?? "", relocated ? "true" : "false", quote,
        ]
    }
}
