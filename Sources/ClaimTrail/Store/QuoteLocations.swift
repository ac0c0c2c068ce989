/// Where quotes sit in their sources' bodies (`quote_location`, schema 018): found as attributions
/// are recorded, and again by `quotes verify` when a body has changed since.
struct QuoteLocations {
    let database: Database

    /// Looks for the quotes of attributions `ids` in their sources' bodies and keeps where each was
    /// found, with the SHA-256 of the body looked in. A quote the
    /// extractor proposed is checked where the extractor found it first, and looked for only if
    /// that passage is not it. Attributions without a quote or a body are left alone. Call it inside
    /// `write`, after the attributions are stored.
    func record(ofAttributionsIn ids: ClosedRange<Int64>) throws {
        let quotes = try database.cached(
            """
            SELECT a.id, a.quote, a.source_id, p.content_start, p.content_end
            FROM attribution a LEFT JOIN attribution_proposal p ON p.attribution_id = a.id
            WHERE a.id BETWEEN ? AND ? AND a.quote IS NOT NULL
            ORDER BY a.source_id, a.id
            """
        ).map([ids.lowerBound, ids.upperBound]) { row in
            LocatableQuote(
                attributionID: row.int64(0),
                quote: row.string(1),
                sourceID: row.int64(2),
                extractorSpan: row.isNull(3) ? nil : row.int(3)..<max(row.int(3), row.int(4))
            )
        }
        var index = quotes.startIndex
        while index < quotes.endIndex {
            let sourceID = quotes[index].sourceID
            let end = quotes[index...].firstIndex { $0.sourceID != sourceID } ?? quotes.endIndex
            if let body = try body(ofSource: sourceID) {
                let locator = QuoteLocator(body: body.text)
                for quote in quotes[index..<end] {
                    let finding =
                        quote.extractorSpan.flatMap { locator.recheck(quote.quote, at: $0) }
                        ?? locator.locate(quote.quote)
                    try keep(finding, of: quote.attributionID, bodySHA256: body.sha256)
                }
            }
            index = end
        }
    }

    /// Keeps where a quote was found in the body whose SHA-256 is `bodySHA256`, replacing what was kept.
    func keep(_ finding: QuoteFinding, of attributionID: Int64, bodySHA256: String) throws {
        try database.cached(
            """
            INSERT OR REPLACE INTO quote_location (attribution_id, status, quote_start, quote_end, body_sha256)
            VALUES (?, ?, ?, ?, ?)
            """
        ).execute([
            attributionID, finding.status.rawValue, finding.span?.lowerBound, finding.span?.upperBound, bodySHA256,
        ])
    }

    /// A source's body with its SHA-256, if it has one.
    func body(ofSource id: Int64) throws -> (text: String, sha256: String)? {
        try database.cached("SELECT body, body_sha256 FROM source WHERE id = ? AND body_sha256 IS NOT NULL").first([
            id
        ]) { ($0.string(0), $0.string(1)) }
    }
}

/// An attribution's quote to look for, and where the extractor found it if it was proposed.
private struct LocatableQuote {
    var attributionID: Int64
    var quote: String
    var sourceID: Int64
    var extractorSpan: Range<Int>?
}
