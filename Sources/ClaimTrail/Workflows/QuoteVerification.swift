/// `quotes verify`: how each direct quote stands against its source's body.
///
/// Where a quote was found is kept as it is recorded (`QuoteLocations`). A kept location is trusted
/// while the body's SHA-256 is the one it was found in: a verbatim quote is then reported without
/// reading the body, an altered one has its diff taken from the passage alone. A body changed since
/// (or a quote never looked for, as in a store older than schema 018) is searched again; the new
/// location is kept, and the row says it was re-located.
public struct QuoteVerification {
    public let store: ClaimStore

    public init(store: ClaimStore) {
        self.store = store
    }

    /// Which quotes to check; nil for all.
    public struct Scope: Sendable {
        public var sourceID: Int64?
        public var claimID: Int64?

        public init(sourceID: Int64? = nil, claimID: Int64? = nil) {
            self.sourceID = sourceID
            self.claimID = claimID
        }
    }

    /// Checks the direct quotes of accepted attributions in `scope`, by source, then as recorded.
    /// Locations found anew are kept unless the store is read-only.
    /// - Parameter searchingAgain: look for every quote in its body, trusting no kept location.
    public func verify(_ scope: Scope, searchingAgain: Bool = false) throws -> [QuoteCheck] {
        var found: [(attributionID: Int64, finding: QuoteFinding, sha256: String)] = []
        let checks = try store.read {
            try store.database.prepare(Self.query).map([scope.sourceID, scope.claimID]) { row in
                KeptQuote(row: row)
            }
            .grouped(by: \.sourceID).flatMap { quotes in
                try check(quotes, searchingAgain: searchingAgain) { found.append(($0, $1, $2)) }
            }
        }
        if !found.isEmpty && !store.isReadOnly {
            try store.write {
                let locations = QuoteLocations(database: store.database)
                for location in found {
                    try locations.keep(location.finding, of: location.attributionID, bodySHA256: location.sha256)
                }
            }
        }
        return checks
    }

    /// The quotes of one source: their body is read only if one of them needs it.
    private func check(
        _ quotes: [KeptQuote],
        searchingAgain: Bool,
        found: (Int64, QuoteFinding, String) -> Void
    ) throws -> [QuoteCheck] {
        guard let sha256 = quotes[0].bodySHA256 else {
            return quotes.map { $0.check(QuoteFinding(status: .noBody, span: nil, changes: [], similarity: 0)) }
        }
        var locator: QuoteLocator?
        func body() throws -> QuoteLocator {
            if let locator { return locator }
            let made = QuoteLocator(
                body: try QuoteLocations(database: store.database).body(ofSource: quotes[0].sourceID)?
                    .text ?? ""
            )
            locator = made
            return made
        }
        return try quotes.map { quote in
            if !searchingAgain,
                let finding = try quote.kept?.finding(of: quote.quote, inBody: sha256, changes: true, body: body)
            {
                return quote.check(finding)
            }
            let finding = try body().locate(quote.quote)
            found(quote.attributionID, finding, sha256)
            return quote.check(finding, relocated: quote.kept.map { $0.bodySHA256 != sha256 } ?? false)
        }
    }

    private static let query = """
        SELECT a.id, a.claim_id, sp.name, a.source_id, s.title, a.quote, s.body_sha256,
               q.status, q.quote_start, q.quote_end, q.body_sha256
        FROM attribution a
        JOIN source s ON s.id = a.source_id
        LEFT JOIN speaker sp ON sp.id = a.speaker_id
        LEFT JOIN quote_location q ON q.attribution_id = a.id
        WHERE a.mode = 'direct' AND a.quote IS NOT NULL AND a.state = 'accepted'
          AND (?1 IS NULL OR a.source_id = ?1) AND (?2 IS NULL OR a.claim_id = ?2)
        ORDER BY a.source_id, a.id
        """
}

/// A direct quote as stored, with where it was found last.
private struct KeptQuote {
    var attributionID, claimID: Int64
    var speaker: String?
    var sourceID: Int64
    var sourceTitle, quote: String
    var bodySHA256: String?
    var kept: KeptQuoteLocation?

    init(row: Row) {
        attributionID = row.int64(0)
        claimID = row.int64(1)
        speaker = row.text(2)
        sourceID = row.int64(3)
        sourceTitle = row.string(4)
        quote = row.string(5)
        bodySHA256 = row.text(6)
        kept = KeptQuoteLocation(row: row, from: 7)
    }

    func check(_ finding: QuoteFinding, relocated: Bool = false) -> QuoteCheck {
        QuoteCheck(
            attributionID: attributionID,
            claimID: claimID,
            speaker: speaker,
            sourceID: sourceID,
            source: sourceTitle,
            quote: quote,
            status: finding.status,
            quoteStart: finding.span?.lowerBound,
            quoteEnd: finding.span?.upperBound,
            changes: finding.changes,
            relocated: relocated
        )
    }
}

extension Array {
    /// Runs of consecutive elements with the same key, in order.
    fileprivate func grouped<Key: Equatable>(by key: (Element) -> Key) -> [[Element]] {
        var groups: [[Element]] = []
        for element in self {
            if let last = groups.last?.last, key(last) == key(element) {
                groups[groups.count - 1].append(element)
            } else {
                groups.append([element])
            }
        }
        return groups
    }
}
