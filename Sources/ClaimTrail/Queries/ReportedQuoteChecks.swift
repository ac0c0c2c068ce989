/// How each direct quote of a report stands against its source's body: the CSV's `quote_check`
/// and the HTML report's word diff. It is read from where the quote was found as it was recorded
/// (`KeptQuoteLocation`), so a report does not search bodies; only a quote never looked for, or
/// whose body has changed since, is looked for here. What is found then is not kept (a report
/// writes nothing): `quotes verify` keeps it.
final class ReportedQuoteChecks {
    private let database: Database
    /// The body last read, since a source's quotes tend to come together and one body may be large.
    private var last: (sourceID: Int64, locator: QuoteLocator)?

    init(database: Database) { self.database = database }

    /// How `quote`, said directly in source `sourceID` (whose body's SHA-256 is `bodySHA256`, nil
    /// without a body), stands; an altered quote's changes are read only when `changes` is set.
    /// The quote and its kept location are read only for a source with a body: a report of a
    /// store without bodies builds neither for each of its rows.
    func finding(
        of quote: @autoclosure () -> String,
        inSource sourceID: Int64,
        bodySHA256: String?,
        kept: @autoclosure () -> KeptQuoteLocation?,
        changes: Bool
    ) throws -> QuoteFinding {
        guard let bodySHA256 else { return QuoteFinding(status: .noBody, span: nil, changes: [], similarity: 0) }
        let quote = quote()
        let body = { try self.locator(ofSource: sourceID) }
        return try kept()?.finding(of: quote, inBody: bodySHA256, changes: changes, body: body)
            ?? body().locate(quote)
    }

    private func locator(ofSource id: Int64) throws -> QuoteLocator {
        if let last, last.sourceID == id { return last.locator }
        let body = try QuoteLocations(database: database).body(ofSource: id)?.text ?? ""
        let locator = QuoteLocator(body: body)
        last = (id, locator)
        return locator
    }
}
