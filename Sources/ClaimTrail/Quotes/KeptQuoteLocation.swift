/// Where a quote was found when it was last looked for (`quote_location`, schema 018), and the
/// SHA-256 of the body it was found in: what `quotes verify` and the reports trust while the body
/// is still that one, so that neither searches a body again for every quote.
struct KeptQuoteLocation {
    var status: QuoteStatus
    var span: Range<Int>?
    var bodySHA256: String

    /// The columns status, quote_start, quote_end and body_sha256 of `quote_location`, from `column`
    /// on; nil when the quote has no kept location (the LEFT JOIN found none).
    init?(row: Row, from column: Int32) {
        guard let status = row.text(column).flatMap(QuoteStatus.init(rawValue:)), let sha256 = row.text(column + 3)
        else { return nil }
        self.status = status
        span = row.isNull(column + 1) ? nil : row.int(column + 1)..<max(row.int(column + 1), row.int(column + 2))
        bodySHA256 = sha256
    }

    /// What this location still says of `quote` in the body whose SHA-256 is `sha256`, searching
    /// nothing: a verbatim or missing quote needs no body, an altered one is compared with its
    /// passage alone (`body` is read) when `changes` are wanted. Nil when the body has changed since,
    /// or the passage no longer holds the quote: the quote must be looked for again.
    func finding(
        of quote: String,
        inBody sha256: String,
        changes: Bool,
        body: () throws -> QuoteLocator
    ) rethrows -> QuoteFinding? {
        guard bodySHA256 == sha256 else { return nil }
        switch (status, span) {
        case (.verbatim, let span?): return QuoteFinding(status: .verbatim, span: span, changes: [], similarity: 1)
        case (.notFound, _): return QuoteFinding(status: .notFound, span: nil, changes: [], similarity: 0)
        case (.altered, let span?):
            guard changes else { return QuoteFinding(status: .altered, span: span, changes: [], similarity: 0) }
            return try body().recheck(quote, at: span)
        default: return nil
        }
    }
}
